using BreathPacing.Grounding;
using BreathPacing.Web.Api;

namespace BreathPacing.Web.Content;

/// <summary>The grounding text the host shows, from the catalog: cue text for events and a self-care suggestion at the end.</summary>
public sealed class GuidanceText(IGroundingCatalog catalog)
{
    /// <summary>The cue text for <paramref name="e"/>, if it has one.</summary>
    /// <param name="e">An engine event.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? CueFor(BreathEvent e) => e.CueKey is { } key ? catalog.GetCueText(key) : null;

    /// <summary>One self-care suggestion, the same for the whole of a session and varying between sessions.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <returns>The suggestion, or <see langword="null"/> when the catalog has none.</returns>
    public SelfCareView? SelfCareFor(string sessionId)
    {
        var routines = catalog.SelfCareRoutines;
        if (routines.IsDefaultOrEmpty)
        {
            return null;
        }

        // A stable pick (string.GetHashCode is randomised per process): the id is random hex, so its first bits will do.
        var pick = routines[(int)(Convert.ToUInt32(sessionId[..Math.Min(8, sessionId.Length)], 16) % (uint)routines.Length)];
        return new SelfCareView(pick.Id, pick.Name, pick.Description);
    }
}
