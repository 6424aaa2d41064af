using BreathPacing.ConsoleHost.Content;
using BreathPacing.Grounding;
using BreathPacing.Safety;

namespace BreathPacing.ConsoleHost.Sessions;

/// <summary>What to breathe and for how long, resolved and validated, with the findings to show first. Immutable.</summary>
internal sealed record SessionPlan
{
    public SessionPlan(BreathPattern pattern, SessionLength length, GroundingTechnique? technique, IReadOnlyList<SafetyFinding> findings, string? title = null)
    {
        Title = title ?? technique?.Name ?? pattern.Name;
        Pattern = pattern;
        Length = length;
        Technique = technique;
        Findings = findings;
        Timeline = new BreathTimeline(pattern, length);
    }

    public BreathPattern Pattern { get; }

    public SessionLength Length { get; }

    /// <summary>The built-in technique breathed, or <see langword="null"/> for a custom pattern.</summary>
    public GroundingTechnique? Technique { get; }

    public IReadOnlyList<SafetyFinding> Findings { get; }

    public BreathTimeline Timeline { get; }

    /// <summary>What the session is called on screen: the technique's name, or the custom pattern's.</summary>
    public string Title { get; }

    /// <summary>The technique's options the pattern was made with, or <see langword="null"/> for a custom pattern.</summary>
    public BreathTechniqueOptions? Options { get; init; }

    /// <summary>
    /// What the practice plan said about this session's seconds per inhale, to show before it starts (the plan's reason,
    /// or that <c>--seconds</c> overrides it), or <see langword="null"/> when there is no plan (no journal, or a custom pattern).
    /// </summary>
    public string? PlanNote { get; init; }
}
