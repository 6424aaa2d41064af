using System.Globalization;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Rendering;
using BreathPacing.Practice;
using Spectre.Console;

namespace BreathPacing.ConsoleHost.Journal;

/// <summary>
/// <c>--history</c>: the journal in a few lines, tables and charts (Spectre.Console): the totals and streaks
/// (<see cref="PracticeStatistics"/>), the latest sessions, the minutes breathed per day, and for each technique its seconds
/// per inhale over time with what the plan suggests next. Days are cut in the host clock's time zone.
/// </summary>
internal sealed class HistoryView(GuidanceContent content, Feelings feelings, Color colour)
{
    /// <summary>The sessions listed, newest first.</summary>
    public const int RecentSessions = 10;

    /// <summary>The days charted, ending today.</summary>
    public const int ChartDays = 14;

    /// <summary>The sessions charted per technique, oldest first.</summary>
    public const int LevelSessions = 10;

    /// <summary>The widest a chart is drawn, in cells.</summary>
    public const int MaximumChartWidth = 72;

    public void Write(IAnsiConsole console, string path, PracticeAdvisor advisor, DateTimeOffset now, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(advisor);
        var records = advisor.Records;
        console.MarkupLine("[bold]Practice journal[/]");
        console.MarkupLine($"[grey]{Markup.Escape(path)}[/]");
        if (records.Count == 0)
        {
            console.WriteLine("No sessions yet: each session you breathe is kept here, with how it felt.");
            return;
        }

        var statistics = PracticeStatistics.Of(records, now, timeZone);
        console.WriteLine(Totals(statistics));
        console.WriteLine();
        console.Write(Recent(records, timeZone));
        console.WriteLine();
        var width = Math.Min(console.Profile.Width, MaximumChartWidth);
        console.Write(MinutesPerDay(statistics, width));
        foreach (var technique in statistics.Techniques)
        {
            console.WriteLine();
            console.Write(Levels(technique, width, timeZone));
            if (content.Find(technique.TechniqueId) is { } known)
            {
                console.MarkupLine($"[grey]Next {Markup.Escape(known.Name)}:[/] {Markup.Escape(advisor.Advise(known).Reason)}");
            }
        }
    }

    /// <summary>E.g. <c>12 sessions · 1:04:10 breathing · 3 days in a row (longest 5)</c>.</summary>
    private static string Totals(PracticeStatistics statistics)
    {
        var sessions = statistics.Sessions == 1 ? "1 session" : $"{Invariant(statistics.Sessions)} sessions";
        var streak = statistics.CurrentStreak switch
        {
            0 => "no session today or yesterday",
            1 => "1 day in a row",
            var days => $"{Invariant(days)} days in a row",
        };
        return $"{sessions} · {Labels.Duration(statistics.ActiveTime)} breathing · {streak} (longest {Invariant(statistics.LongestStreak)})";
    }

    private Table Recent(IReadOnlyList<PracticeRecord> records, TimeZoneInfo timeZone)
    {
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey)
            .Title(records.Count > RecentSessions ? $"[bold]The latest {Invariant(RecentSessions)} sessions[/]" : "[bold]Sessions[/]")
            .AddColumn("Ended")
            .AddColumn("Breath")
            .AddColumn(new TableColumn("Inhale").RightAligned())
            .AddColumn(new TableColumn("Cycles").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned())
            .AddColumn("Felt");
        for (var i = records.Count - 1; i >= Math.Max(0, records.Count - RecentSessions); i--)
        {
            var record = records[i];
            var ended = TimeZoneInfo.ConvertTime(record.EndedAt, timeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var inhale = record.ReachedInhaleSeconds > record.StartSeconds
                ? $"{Seconds(record.StartSeconds)} → {Seconds(record.ReachedInhaleSeconds)} s"
                : $"{Seconds(record.StartSeconds)} s";
            var cycles = record.PlannedCycles is { } planned ? $"{Invariant(record.CompletedCycles)}/{Invariant(planned)}" : Invariant(record.CompletedCycles);
            var felt = record.Feeling is { } feeling ? Markup.Escape(feelings.Text(feeling)) : "[grey]–[/]";
            table.AddRow(ended, Markup.Escape(Name(record)), inhale, cycles, Labels.Duration(record.ActiveTime), felt);
        }

        return table;
    }

    private BarChart MinutesPerDay(PracticeStatistics statistics, int width)
    {
        var chart = new BarChart().Width(width)
            .Label($"[bold]Minutes per day[/] [grey](the last {Invariant(ChartDays)} days)[/]").LeftAlignLabel()
            .UseValueFormatter(value => value.ToString("0.#", CultureInfo.InvariantCulture));
        // Every one of the last days, those before the first session too, ending today.
        var byDate = statistics.Days.ToDictionary(day => day.Date);
        for (var date = statistics.Today.AddDays(1 - ChartDays); date <= statistics.Today; date = date.AddDays(1))
        {
            var minutes = byDate.TryGetValue(date, out var day) ? day.ActiveTime.TotalMinutes : 0;
            chart.AddItem(date.ToString("ddd d MMM", CultureInfo.InvariantCulture), Math.Round(minutes, 1), colour);
        }

        return chart;
    }

    private BarChart Levels(PracticeTechniqueStatistics technique, int width, TimeZoneInfo timeZone)
    {
        var name = content.Find(technique.TechniqueId)?.Name ?? technique.TechniqueId;
        var chart = new BarChart().Width(width)
            .Label($"[bold]{Markup.Escape(name)}[/], seconds per inhale [grey]({Latest(technique.Levels.Length)})[/]").LeftAlignLabel()
            .UseValueFormatter(value => Seconds(value));
        var levels = technique.Levels.TakeLast(LevelSessions).ToArray();
        if (content.Find(technique.TechniqueId) is { } known)
        {
            // The bars measure the way to the plan's goal (or further, where someone chose longer breaths themselves).
            chart.WithMaxValue(Math.Max(PracticePlan.Default.RangeOf(known.Technique).GoalSeconds, levels.Max(l => l.StartSeconds)));
        }

        foreach (var level in levels)
        {
            chart.AddItem(TimeZoneInfo.ConvertTime(level.EndedAt, timeZone).ToString("d MMM HH:mm", CultureInfo.InvariantCulture), level.StartSeconds, colour);
        }

        return chart;
    }

    private static string Latest(int sessions) => sessions switch
    {
        1 => "1 session",
        <= LevelSessions => $"{Invariant(sessions)} sessions",
        _ => $"the latest {Invariant(LevelSessions)} of {Invariant(sessions)}",
    };

    private string Name(PracticeRecord record) =>
        record.TechniqueId is { } id ? content.Find(id)?.Name ?? id : record.PatternName;

    private static string Seconds(double seconds) => seconds.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
