using BreathPacing.Engine;
using BreathPacing.Web.Api;

namespace BreathPacing.Web.Content;

/// <summary>
/// The grounding text the host shows: cue text for events and a self-care suggestion at the end.
/// </summary>
public sealed class GuidanceText
{
    /// <summary>The cue text for <paramref name="e"/>, if it has one.</summary>
    /// <param name="e">An engine event.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? CueFor(BreathEvent e) => null;

    /// <summary>One self-care suggestion, stable for a session.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <returns>The suggestion, or <see langword="null"/> when the content model has none.</returns>
    public SelfCareView? SelfCareFor(string sessionId) => null;
}
