using System.Reactive.Linq;
using System.Reactive.Subjects;
using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Input;
using BreathPacing.ConsoleHost.Rendering;
using BreathPacing.ConsoleHost.Sessions;
using BreathPacing.ConsoleHost.Tests.Support;
using Spectre.Console;
using Spectre.Console.Testing;

namespace BreathPacing.ConsoleHost.Tests.Rendering;

public class LiveRendererTests
{
    private static readonly GuidanceContent Content = GuidanceContent.Default;
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(40);
    private readonly VirtualClock _clock = new();
    private readonly TestConsole _console = new();

    public LiveRendererTests()
    {
        _console.Width(100).Height(30);
    }

    [Fact]
    public async Task RenderAsync_WholeSession_DrawsTheViewUntilCompleteThenTheSummary()
    {
        var (run, _) = Start(new CommandLineOptions { Technique = "three-part", Seconds = 2, Cycles = 1 });

        await AdvanceUntilDone(run, 10);

        var output = _console.Output;
        output.Should().Contain("Three-Part Breath · 1 cycle", "the introduction names the session");
        output.Should().Contain("space pauses · q or Esc ends");
        output.Should().Contain("100% · 00:04 / 00:04   session complete");
        output.Should().Contain("│ 1 full breath").And.Contain("│ paced at 15 breaths a minute, inhale:exhale 1:1").And.Contain("│ 0:04 breathing");
    }

    [Fact]
    public async Task RenderAsync_PauseThenStop_ShowsPausedThenEndsEarly()
    {
        var commands = new Subject<SessionCommand>();
        var (run, frames) = Start(new CommandLineOptions { Technique = "ocean", Cycles = 3 }, commands);

        await AdvanceUntil(() => _clock.Elapsed >= TimeSpan.FromSeconds(2));
        commands.OnNext(SessionCommand.TogglePause);
        await AdvanceUntil(() => _clock.Elapsed >= TimeSpan.FromSeconds(3));
        var framesWhilePaused = frames();
        commands.OnNext(SessionCommand.Stop);
        await AdvanceUntilDone(run, 5);

        framesWhilePaused.Should().Contain("paused · space resumes · q ends");
        _console.Output.Should().Contain("ended early").And.Contain("(ended early)");
        _console.Output.Should().Contain("│ no full breath yet, stopped partway through the 1st (inhale)")
            .And.Contain("│ paced at 6 breaths a minute, inhale:exhale 1:1.5")
            .And.Contain("│ 0:02 breathing, 0:01 paused", "the summary table tells the same facts as plain output");
        (await run).ActiveTime.Should().Be(TimeSpan.FromSeconds(2), "paused time is not active time");
    }

    [Fact]
    public void Introduce_PatternWithFindings_ShowsEachOnceBeforeTheStart()
    {
        var plan = new SessionPlanner(Content).FromOptions(new CommandLineOptions { Pattern = "1-1", Cycles = 1 }, 1);
        var renderer = new LiveRenderer(_console.Width(200), Content, Color.Teal, FrameInterval);

        renderer.Introduce(plan);

        plan.Findings.Should().NotBeEmpty();
        foreach (var finding in plan.Findings)
        {
            _console.Output.Should().Contain(finding.Message, Exactly.Once());
        }

        _console.Output.Should().Contain("before you start");
    }

    [Fact]
    public async Task RenderAsync_KeysReadBetweenFrames_PauseAndEndTheSession()
    {
        var typed = new Queue<ConsoleKeyInfo>();
        var keys = new ConsoleKeyCommands(() => typed.Count > 0, () => typed.Dequeue());
        var plan = new SessionPlanner(Content).FromOptions(new CommandLineOptions { Technique = "ocean", Cycles = 3 }, 1);
        var renderer = new LiveRenderer(_console, Content, Color.Teal, FrameInterval, _clock.Scheduler, keys.Poll);
        var run = new SessionDriver(new BreathPacer(), _clock.Scheduler, Content, suggestionSeed: 0)
            .RunAsync(plan, renderer, keys, CancellationToken.None);

        await AdvanceUntil(() => _clock.Elapsed >= TimeSpan.FromSeconds(1));
        typed.Enqueue(new ConsoleKeyInfo(' ', ConsoleKey.Spacebar, false, false, false));
        await AdvanceUntil(() => _clock.Elapsed >= TimeSpan.FromSeconds(4));
        typed.Enqueue(new ConsoleKeyInfo('q', ConsoleKey.Q, false, false, false));
        await AdvanceUntilDone(run, 2);

        var summary = await run;
        summary.EndedEarly.Should().BeTrue();
        summary.ActiveTime.Should().BeCloseTo(TimeSpan.FromSeconds(1), FrameInterval, "the space was read at the next frame");
        summary.PausedTime.Should().BeCloseTo(TimeSpan.FromSeconds(3), FrameInterval);
    }

    private (Task<BreathSessionSummary> Run, Func<string> Output) Start(CommandLineOptions options, IObservable<SessionCommand>? commands = null)
    {
        var plan = new SessionPlanner(Content).FromOptions(options, 1);
        var renderer = new LiveRenderer(_console, Content, Color.Teal, FrameInterval);
        var driver = new SessionDriver(new BreathPacer(), _clock.Scheduler, Content, suggestionSeed: 0);
        return (driver.RunAsync(plan, renderer, commands ?? Observable.Never<SessionCommand>(), CancellationToken.None), () => _console.Output);
    }

    // The live display may start its callback on another thread; step virtual time a frame at a time
    // and let it catch up, with a bound so that a hang fails the test instead of blocking it.
    private async Task AdvanceUntilDone(Task run, double maxSeconds)
    {
        await AdvanceUntil(() => run.IsCompleted, maxSeconds);
        run.IsCompleted.Should().BeTrue();
        await run;
    }

    private async Task AdvanceUntil(Func<bool> done, double maxSeconds = 30)
    {
        for (var steps = 0; !done() && steps < maxSeconds / FrameInterval.TotalSeconds; steps++)
        {
            await Task.Yield();
            _clock.Scheduler.AdvanceBy(FrameInterval);
        }

        await Task.Yield();
    }
}
