namespace BreathPacing;

/// <summary>Works out a <see cref="BreathSessionSummary"/> from the timeline and where the session ended.</summary>
internal static class SessionSummaries
{
    public static BreathSessionSummary Create(BreathTimeline timeline, long endOffset, int completedCycles, long pausedTicks, bool endedEarly)
    {
        var pattern = timeline.Pattern;
        var partial = 0.0;
        if (timeline.TotalCycles is not { } total || completedCycles < total)
        {
            var cycleStart = timeline.CycleStart(completedCycles);
            partial = Math.Clamp((double)(endOffset - cycleStart) / timeline.CycleTicks(completedCycles), 0, 1);
            partial = partial >= 1 ? 0 : partial;
        }

        var breaths = (completedCycles + partial) * pattern.BreathsPerCycle;
        var paced = endOffset > 0
            ? breaths / TimeSpan.FromTicks(endOffset).TotalMinutes
            : pattern.BreathsPerCycle / TimeSpan.FromTicks(timeline.CycleTicks(0)).TotalMinutes;
        return new BreathSessionSummary(
            completedCycles,
            timeline.TotalCycles,
            partial,
            timeline.At(TimeSpan.FromTicks(endOffset)).AsComplete(),
            TimeSpan.FromTicks(endOffset),
            TimeSpan.FromTicks(pausedTicks),
            paced,
            (double)pattern.InhaleDuration.Ticks / pattern.ExhaleDuration.Ticks,
            endedEarly);
    }
}
