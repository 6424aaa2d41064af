using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.Grounding;
using BreathPacing.Safety;
using BreathPacing.ConsoleHost.Sessions;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BreathPacing.ConsoleHost.Rendering;

/// <summary>
/// The live view in a real terminal: redraws <see cref="BreathView"/> in place on every frame of the
/// session's frame stream, so it animates smoothly without flicker and sleeps between frames.
/// </summary>
/// <remarks>
/// Frames tick on <paramref name="frameScheduler"/> (in the app, one dedicated event-loop thread at 25 frames
/// per second of real time, whatever <c>--speed</c> is) and the subscription is made on that scheduler too,
/// so every frame, redraw and key read happens on one thread, one after another. The frame ticker re-arms
/// itself from inside a frame; on a scheduler that may run a due-now item concurrently (a thread-pool timer),
/// a re-arm can race the arming that is still in progress and the animation stops.
/// </remarks>
/// <param name="frameScheduler">Where frames tick; <see langword="null"/> for the session's own scheduler (e.g. virtual time in tests).</param>
/// <param name="beforeFrame">Runs on the frame thread before each frame, e.g. to read keys between redraws.</param>
internal sealed class LiveRenderer(
    IAnsiConsole console,
    GuidanceContent content,
    Color colour,
    TimeSpan frameInterval,
    IScheduler? frameScheduler = null,
    Action? beforeFrame = null) : ISessionRenderer
{
    /// <summary>25 frames per second of real time: smooth for filling bars, light on a shared machine.</summary>
    public static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(40);

    public void Introduce(SessionPlan plan)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(plan.Title)}[/] [grey]· {Labels.Length(plan.Length)}[/]").LeftJustified().RuleStyle(new Style(Color.Grey)));
        if (plan.PlanNote is { } note)
        {
            console.MarkupLine($"[grey]Plan:[/] {Markup.Escape(note)}");
        }

        if (plan.Findings.Count > 0)
        {
            var lines = plan.Findings.Select(f => (f.Severity == SafetySeverity.Warning ? "[yellow]caution[/] " : "[grey]note[/] ") + Markup.Escape(f.Message));
            console.Write(new Panel(new Markup(string.Join('\n', lines))).Header("[yellow] before you start [/]").Border(BoxBorder.Rounded).BorderColor(Color.Yellow));
        }

        console.WriteLine();
    }

    public async Task RenderAsync(BreathSession session, SessionPlan plan)
    {
        var view = new BreathView(plan, colour, content);
        (TimeSpan, BreathSessionState, int, int)? lastShown = null;
        await console.Live(Draw(view, session.Position, session.State))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async context =>
            {
                var frames = frameScheduler is null
                    ? session.Frames(frameInterval)
                    : session.Frames(frameInterval, frameScheduler).SubscribeOn(frameScheduler);
                await frames
                    .Do(frame =>
                    {
                        beforeFrame?.Invoke();

                        // While paused the position stands still: redraw only when something on screen would change.
                        var shown = (frame.Position.Elapsed, session.State, console.Profile.Width, console.Profile.Height);
                        if (shown == lastShown)
                        {
                            return;
                        }

                        lastShown = shown;
                        context.UpdateTarget(Draw(view, frame.Position, session.State));
                        context.Refresh();
                    })
                    .LastOrDefaultAsync()
                    .ToTask()
                    .ConfigureAwait(false);

                // The session may end between two frames: show where it ended (complete, or ended early).
                context.UpdateTarget(Draw(view, session.Position, session.State));
                context.Refresh();
            })
            .ConfigureAwait(false);
    }

    public void Summarise(SessionPlan plan, BreathSessionSummary summary, SelfCareRoutine? suggestion)
    {
        var text = SummaryText.For(summary, plan.Pattern);
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey).HideHeaders()
            .Title(summary.EndedEarly ? "[bold]Summary[/] [grey](ended early)[/]" : "[bold]Summary[/]")
            .AddColumn("fact");
        foreach (var fact in text.Facts)
        {
            table.AddRow(Markup.Escape(fact));
        }

        console.WriteLine();
        console.Write(new Padder(table, new Padding(2, 0, 0, 0)));
        if (suggestion is not null)
        {
            console.Write(new Padder(
                new Markup($"[{colour.ToMarkup()}]Self-care:[/] [bold]{Markup.Escape(suggestion.Name)}[/]. {Markup.Escape(suggestion.Description)}"),
                new Padding(2, 1, 0, 0)));
        }
    }

    private IRenderable Draw(BreathView view, BreathPosition position, BreathSessionState state) =>
        view.Render(position, state, console.Profile.Width, console.Profile.Height);
}
