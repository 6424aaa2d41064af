namespace BreathPacing.Web.Storage;

/// <summary>
/// When a stored session stops counting under the caps and when it is forgotten, from three instants: its planned end
/// (a running session of known length), its completion (ended or stopped), and when an event stream was last seen on it.
/// The Redis store's scripts apply the same rules (<see cref="RedisScripts"/>); the in-memory store uses these.
/// </summary>
public static class SessionDeadlines
{
    /// <summary>The planned end of a running session of known length, and the completion of an ended one, from its snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>(planned end, completed at); at most one is set, neither for a paused or open-ended session.</returns>
    public static (DateTimeOffset? Ends, DateTimeOffset? Done) Of(BreathSessionSnapshot snapshot)
    {
        var pausedBefore = TimeSpan.Zero;
        foreach (var change in snapshot.History)
        {
            pausedBefore += change.PausedFor;
        }

        switch (snapshot.State)
        {
            case BreathSessionState.Completed:
                return (null, snapshot.StartedAt + snapshot.ActiveTime + pausedBefore);
            case BreathSessionState.Running when new BreathTimeline(snapshot.Pattern, snapshot.Length).TotalDuration is { } total:
                return (snapshot.StartedAt + pausedBefore + total, null);
            default:
                return (null, null);
        }
    }

    /// <summary>
    /// Until when a session counts under the caps (<see langword="null"/>: it no longer does), and when it is forgotten.
    /// A completed session is kept for the grace period; one that will end before it could go idle counts until its end
    /// and is kept for the grace period after it; any other counts until it goes idle and is forgotten then.
    /// </summary>
    /// <param name="ends">The planned end of a running session.</param>
    /// <param name="done">When it completed.</param>
    /// <param name="seen">When an event stream was last seen on it (or it was created).</param>
    /// <param name="idle">The idle timeout.</param>
    /// <param name="grace">The completed grace period.</param>
    /// <returns>(counts until, forgotten at).</returns>
    public static (DateTimeOffset? CountsUntil, DateTimeOffset ForgetAt) Plan(DateTimeOffset? ends, DateTimeOffset? done, DateTimeOffset seen, TimeSpan idle, TimeSpan grace)
    {
        if (done is { } completed)
        {
            return (null, completed + grace);
        }

        var idleAt = seen + idle;
        return ends is { } end && end <= idleAt ? (end, end + grace) : (idleAt, idleAt);
    }
}
