using System.Reactive.Concurrency;

namespace BreathPacing.Scheduling;

/// <summary>An Rx stopwatch reading a <see cref="TimeProvider"/>'s monotonic timestamp.</summary>
internal sealed class TimeProviderStopwatch : IStopwatch
{
    private readonly TimeProvider _provider;
    private readonly long _start;

    public TimeProviderStopwatch(TimeProvider provider)
    {
        _provider = provider;
        _start = provider.GetTimestamp();
    }

    public TimeSpan Elapsed => _provider.GetElapsedTime(_start);
}
