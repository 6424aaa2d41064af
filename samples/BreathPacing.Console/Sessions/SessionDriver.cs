using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Rendering;

namespace BreathPacing.ConsoleHost.Sessions;

/// <summary>
/// Runs one planned session on a scheduler: introduces it, starts it, applies the user's commands
/// (pause, resume, stop) and cancellation (Ctrl+C), lets the renderer show it, then summarises it.
/// Under a virtual-time scheduler it runs as fast as the test advances the clock.
/// </summary>
internal sealed class SessionDriver(IBreathPacer pacer, IScheduler scheduler, GuidanceContent content, int suggestionSeed)
{
    /// <summary>Runs the session to its end (or until stopped) and returns its summary.</summary>
    public async Task<BreathSessionSummary> RunAsync(SessionPlan plan, ISessionRenderer renderer, IObservable<SessionCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(commands);

        renderer.Introduce(plan);
        using var session = pacer.Start(plan.Timeline, scheduler);
        var completed = session.Events.OfType<SessionCompleted>().FirstAsync().ToTask();
        using (commands.Subscribe(command => Apply(session, command)))
        using (cancellationToken.Register(session.Stop))
        {
            await renderer.RenderAsync(session, plan).ConfigureAwait(false);
        }

        var summary = (await completed.ConfigureAwait(false)).Summary;
        renderer.Summarise(plan, summary, content.Suggest(suggestionSeed));
        return summary;
    }

    private static void Apply(BreathSession session, SessionCommand command)
    {
        switch (command)
        {
            case SessionCommand.TogglePause when session.State == BreathSessionState.Running:
                session.Pause();
                break;
            case SessionCommand.TogglePause:
                session.Resume();
                break;
            case SessionCommand.Stop:
                session.Stop();
                break;
        }
    }
}
