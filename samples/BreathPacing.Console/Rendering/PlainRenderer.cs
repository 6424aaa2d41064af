using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Text;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.Grounding;
using BreathPacing.Safety;
using BreathPacing.ConsoleHost.Sessions;

namespace BreathPacing.ConsoleHost.Rendering;

/// <summary>
/// Plain text for pipes, logs and dumb terminals: one line per engine event, aligned in columns, then the
/// summary. Never writes an escape code.
/// </summary>
/// <example><c>00:04.0  cycle 1/3  Exhale        1.3 s  chest        Empty the chest first…</c></example>
internal sealed class PlainRenderer(TextWriter output, GuidanceContent content) : ISessionRenderer
{
    private const int PhaseWidth = 12;   // "Hold (empty)"
    private const int DurationWidth = 7; // "600.0 s"
    private const int RegionWidth = 11;  // "lower belly"
    private readonly object _gate = new();

    public void Introduce(SessionPlan plan)
    {
        var total = plan.Timeline.TotalDuration is { } d ? ", " + Labels.ClockSeconds(d) : string.Empty;
        output.WriteLine($"{plan.Title}: {Labels.Length(plan.Length)}{total}. Breathe along.");
        if (plan.PlanNote is { } note)
        {
            output.WriteLine($"Plan: {note}");
        }

        foreach (var finding in plan.Findings)
        {
            output.WriteLine($"{(finding.Severity == SafetySeverity.Warning ? "caution" : "note")}: {finding.Message}");
        }
    }

    public Task RenderAsync(BreathSession session, SessionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(session);
        var total = plan.Timeline.TotalCycles;
        var cycleWidth = Labels.Cycle((total ?? 1000) - 1, total).Length; // the widest cycle label
        var hasRegions = !plan.Timeline.Regions.IsEmpty;
        return session.Events
            .Do(e => Write(Describe(e, plan, cycleWidth, hasRegions)))
            .LastOrDefaultAsync()
            .ToTask();
    }

    public void Summarise(SessionPlan plan, BreathSessionSummary summary, SelfCareRoutine? suggestion)
    {
        foreach (var line in SummaryLines(SummaryText.For(summary, plan.Pattern), suggestion))
        {
            Write(line);
        }
    }

    /// <summary>The summary as lines; the live view's summary table shows the same facts.</summary>
    internal static IEnumerable<string> SummaryLines(SummaryText summary, SelfCareRoutine? suggestion)
    {
        yield return summary.Title;
        foreach (var fact in summary.Facts)
        {
            yield return "  " + fact;
        }

        if (suggestion is not null)
        {
            yield return $"Self-care: {suggestion.Name}. {suggestion.Description}";
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
        }
    }

    private string Describe(BreathEvent e, SessionPlan plan, int cycleWidth, bool hasRegions)
    {
        var total = plan.Timeline.TotalCycles;
        var line = new StringBuilder(Labels.Clock(e.Offset)).Append("  ");
        switch (e)
        {
            case SessionStarted:
                line.Append("start".PadRight(cycleWidth)).Append("  ").Append(plan.Title).Append(", ").Append(Labels.Length(plan.Length));
                break;
            case PhaseStarted p:
                line.Append(Labels.Cycle(p.CycleIndex, total).PadRight(cycleWidth)).Append("  ")
                    .Append(Labels.Phase(p.PhaseKind).PadRight(PhaseWidth)).Append("  ")
                    .Append(Labels.Seconds(p.Duration).PadLeft(DurationWidth)).Append("  ");
                if (hasRegions)
                {
                    line.Append(string.Empty.PadRight(RegionWidth)).Append("  ");
                }

                line.Append(content.CueText(e));
                break;
            case SegmentStarted s:
                line.Append(Labels.Cycle(s.CycleIndex, total).PadRight(cycleWidth)).Append("  ")
                    .Append(Labels.Phase(s.Phase.Kind).PadRight(PhaseWidth)).Append("  ")
                    .Append(Labels.Seconds(s.Duration).PadLeft(DurationWidth)).Append("  ")
                    .Append(Labels.Region(s.Region).PadRight(RegionWidth)).Append("  ")
                    .Append(content.CueText(e));
                break;
            case CycleCompleted c:
                line.Append(Labels.Cycle(c.CycleIndex, total).PadRight(cycleWidth)).Append("  complete");
                break;
            case SessionPaused:
                line.Append("paused");
                break;
            case SessionResumed r:
                line.Append("resumed after ").Append(Labels.Seconds(r.PausedFor));
                break;
            case SessionSkippedAhead k:
                line.Append("skipped ahead past ").Append(k.MissedEvents).Append(" events (the session woke late)");
                break;
            case SessionCompleted c:
                line.Append(c.Summary.EndedEarly ? "ended early" : "session complete");
                break;
            default:
                line.Append(e.Kind);
                break;
        }

        return line.ToString().TrimEnd();
    }
}
