namespace BreathPacing.Web.Sessions;

/// <summary>The server-wide cap on open event streams (<see cref="WebSessionOptions.MaxStreams"/>). Thread-safe.</summary>
/// <param name="capacity">How many streams may be open at once.</param>
public sealed class StreamSlots(int capacity)
{
    private int _taken;

    /// <summary>How many streams are open.</summary>
    public int Taken => Volatile.Read(ref _taken);

    /// <summary>The cap.</summary>
    public int Capacity => capacity;

    /// <summary>Takes a slot if one is free.</summary>
    /// <returns>Whether a slot was taken.</returns>
    public bool TryTake()
    {
        if (Interlocked.Increment(ref _taken) <= capacity)
        {
            return true;
        }

        Interlocked.Decrement(ref _taken);
        return false;
    }

    /// <summary>Frees a slot taken earlier.</summary>
    public void Release() => Interlocked.Decrement(ref _taken);
}
