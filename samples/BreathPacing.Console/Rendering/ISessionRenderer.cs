using BreathPacing.ConsoleHost.Content;
using BreathPacing.Grounding;
using BreathPacing.ConsoleHost.Sessions;

namespace BreathPacing.ConsoleHost.Rendering;

/// <summary>Shows a session: once before it starts, while it runs, and its summary at the end.</summary>
internal interface ISessionRenderer
{
    /// <summary>Shows what is about to be breathed and the safety findings, once, before the start.</summary>
    void Introduce(SessionPlan plan);

    /// <summary>Shows the running session; completes once the session has completed and its last state is shown.</summary>
    Task RenderAsync(BreathSession session, SessionPlan plan);

    /// <summary>Shows what the session amounted to and one self-care suggestion.</summary>
    void Summarise(SessionPlan plan, BreathSessionSummary summary, SelfCareRoutine? suggestion);
}
