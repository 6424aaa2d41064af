using BreathPacing.Grounding;
using BreathPacing.Practice;

namespace BreathPacing.ConsoleHost.Journal;

/// <summary>What the practice plan suggests for a technique's next session: the seconds per inhale, and why, in the catalog's words.</summary>
/// <param name="Seconds">The starting seconds per inhale (<see cref="PracticePlanReason.ToSeconds"/>).</param>
/// <param name="Reason">The reason's text from the catalog, filled in, e.g. <c>2 easy sessions in a row: breathe in for 6 seconds now, up from 5.</c></param>
internal sealed record PlanAdvice(double Seconds, string Reason);

/// <summary>
/// The library's <see cref="PracticePlan"/> over the journal's records, read once when the app starts: for any technique
/// of the catalog, the seconds to start the next session with and the reason (its text looked up with
/// <see cref="PracticePlanReason.TextKey"/> and filled in with <see cref="PracticePlanReason.Format"/>).
/// </summary>
internal sealed class PracticeAdvisor(IGroundingCatalog catalog, IReadOnlyList<PracticeRecord> records, PracticePlan? plan = null)
{
    private readonly Dictionary<string, PlanAdvice> _advice = new(StringComparer.Ordinal);

    /// <summary>The journal's records, in end-time order.</summary>
    public IReadOnlyList<PracticeRecord> Records => records;

    /// <summary>The plan's advice for the next session of <paramref name="technique"/>.</summary>
    public PlanAdvice Advise(GroundingTechnique technique)
    {
        ArgumentNullException.ThrowIfNull(technique);
        if (!_advice.TryGetValue(technique.Id, out var advice))
        {
            var suggestion = (plan ?? PracticePlan.Default).Next(technique.Technique, records);
            var reason = suggestion.Reason;
            var text = catalog.GetText(reason.TextKey) is { } template ? reason.Format(template, catalog.Culture) : reason.ToString();
            advice = new PlanAdvice(suggestion.Options.StartSeconds, text);
            _advice[technique.Id] = advice;
        }

        return advice;
    }
}
