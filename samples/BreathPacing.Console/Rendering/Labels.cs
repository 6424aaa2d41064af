using System.Globalization;

namespace BreathPacing.ConsoleHost.Rendering;

/// <summary>How phases, regions, times and ratios read on screen; shared by both renderers.</summary>
internal static class Labels
{
    public static string Phase(BreathPhaseKind kind) => kind switch
    {
        BreathPhaseKind.Inhale => "Inhale",
        BreathPhaseKind.HoldAfterInhale => "Hold (full)",
        BreathPhaseKind.Exhale => "Exhale",
        BreathPhaseKind.HoldAfterExhale => "Hold (empty)",
        _ => kind.ToString(),
    };

    /// <summary>A short phase word for large text.</summary>
    public static string PhaseShort(BreathPhaseKind kind) => kind switch
    {
        BreathPhaseKind.Inhale => "Inhale",
        BreathPhaseKind.Exhale => "Exhale",
        _ => "Hold",
    };

    /// <summary>A region identifier as words, e.g. "lower belly" for <see cref="BodyRegions.LowerBelly"/>.</summary>
    public static string Region(string region) => region.Replace('-', ' ');

    /// <summary>An offset as <c>mm:ss.f</c> (minutes keep counting past 59), to the nearest tenth of a second.</summary>
    public static string Clock(TimeSpan offset)
    {
        const long tenth = TimeSpan.TicksPerSecond / 10;
        var tenths = (offset.Ticks + (tenth / 2)) / tenth;
        var minutes = tenths / 600;
        var seconds = tenths / 10 % 60;
        return string.Create(CultureInfo.InvariantCulture, $"{minutes:00}:{seconds:00}.{tenths % 10}");
    }

    /// <summary>An offset as <c>mm:ss</c>, truncated to the second.</summary>
    public static string ClockSeconds(TimeSpan offset)
    {
        var seconds = offset.Ticks / TimeSpan.TicksPerSecond;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:00}:{seconds % 60:00}");
    }

    /// <summary>A span of time as a person reads it, truncated to the second: <c>0:26</c>, <c>12:05</c>, <c>1:02:03</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = span.Ticks / TimeSpan.TicksPerSecond;
        return seconds >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }

    /// <summary>A duration as seconds with one decimal, e.g. "4.0 s".</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>An inhale:exhale ratio such as 0.5 as "1:2", 1 as "1:1", 1.5 as "1.5:1".</summary>
    public static string Ratio(double inhaleToExhale)
    {
        if (!double.IsFinite(inhaleToExhale) || inhaleToExhale <= 0)
        {
            return "n/a";
        }

        return inhaleToExhale >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{inhaleToExhale:0.##}:1")
            : string.Create(CultureInfo.InvariantCulture, $"1:{1 / inhaleToExhale:0.##}");
    }

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"cycle 2/5" when the total is known, otherwise "cycle 2"; the index is zero-based.</summary>
    public static string Cycle(int cycleIndex, int? totalCycles) => totalCycles is { } total
        ? string.Create(CultureInfo.InvariantCulture, $"cycle {cycleIndex + 1}/{total}")
        : string.Create(CultureInfo.InvariantCulture, $"cycle {cycleIndex + 1}");

    /// <summary>The seconds left in a phase, rounded up, as a countdown shows them.</summary>
    public static int Countdown(TimeSpan remaining) => (int)Math.Ceiling(remaining.TotalSeconds - 1e-9);

    /// <summary>"3 cycles", "1 cycle" or "at least 5 minutes".</summary>
    public static string Length(SessionLength length) => length.Kind switch
    {
        SessionLengthKind.Cycles => length.CycleCount == 1 ? "1 cycle" : string.Create(CultureInfo.InvariantCulture, $"{length.CycleCount} cycles"),
        SessionLengthKind.Duration => "at least " + ClockSeconds(length.Duration),
        _ => "until you stop",
    };
}
