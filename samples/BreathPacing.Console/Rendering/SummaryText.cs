using System.Globalization;

namespace BreathPacing.ConsoleHost.Rendering;

/// <summary>
/// What a finished session amounted to, in plain words, for both renderers: what was done (whole breaths, and
/// where in the next one it stopped), the pace the pattern set, and the time spent breathing and paused. Taken
/// from <see cref="BreathSessionSummary"/> as it stands; nothing is recomputed here.
/// </summary>
/// <example>
/// <c>3 full breaths, stopped partway through the 4th (exhale, chest)</c> ·
/// <c>paced at 7.5 breaths a minute, inhale:exhale 1:1</c> · <c>0:29 breathing, 0:05 paused</c>
/// </example>
internal sealed record SummaryText(string Title, string Done, string Pace, string Time)
{
    public static SummaryText For(BreathSessionSummary summary, BreathPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(pattern);
        return new SummaryText(
            summary.EndedEarly ? "Summary (ended early)" : "Summary",
            DoneText(summary, pattern),
            PaceText(summary, pattern),
            TimeText(summary));
    }

    /// <summary>The lines in order, e.g. for plain output.</summary>
    public IEnumerable<string> Facts => [Done, Pace, Time];

    private static string DoneText(BreathSessionSummary summary, BreathPattern pattern)
    {
        // A cycle is one breath for most patterns; where a cycle holds several, count cycles and say how many breaths.
        var breathsPerCycle = pattern.BreathsPerCycle;
        var (one, many) = breathsPerCycle == 1 ? ("breath", "breaths") : ("cycle", "cycles");
        var done = summary.CompletedCycles;
        var whole = done switch
        {
            0 => $"no full {one} yet",
            1 => $"1 full {one}",
            _ => $"{Invariant(done)} full {many}",
        };
        if (breathsPerCycle > 1 && done > 0)
        {
            whole += $" ({Invariant(done * breathsPerCycle)} breaths)";
        }

        if (summary.PartialCycle > 0)
        {
            return $"{whole}, stopped partway through the {Ordinal(done + 1)} ({Where(summary.EndPosition)})";
        }

        return summary.EndedEarly && done == 0 ? $"stopped before the 1st {one} began" : whole;
    }

    private static string PaceText(BreathSessionSummary summary, BreathPattern pattern)
    {
        var pace = summary.PacedBreathsPerMinute.ToString("0.#", CultureInfo.InvariantCulture);
        var average = pattern.Progression is null ? string.Empty : " on average";
        return $"paced at {pace} {(pace == "1" ? "breath" : "breaths")} a minute{average}, inhale:exhale {Labels.Ratio(summary.InhaleToExhaleRatio)}";
    }

    private static string TimeText(BreathSessionSummary summary) =>
        summary.PausedTime > TimeSpan.Zero
            ? $"{Labels.Duration(summary.ActiveTime)} breathing, {Labels.Duration(summary.PausedTime)} paused"
            : $"{Labels.Duration(summary.ActiveTime)} breathing";

    /// <summary>Where in a breath the session stood: the phase, and the body region when the phase has segments.</summary>
    private static string Where(BreathPosition position)
    {
        var phase = position.PhaseKind switch
        {
            BreathPhaseKind.Inhale => "inhale",
            BreathPhaseKind.Exhale => "exhale",
            BreathPhaseKind.HoldAfterInhale => "holding in",
            BreathPhaseKind.HoldAfterExhale => "holding out",
            var other => other.ToString(),
        };
        return position.Segment is { } segment ? $"{phase}, {Labels.Region(segment.Region)}" : phase;
    }

    private static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return Invariant(n) + suffix;
    }

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
