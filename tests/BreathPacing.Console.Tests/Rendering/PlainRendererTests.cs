using System.Reactive.Linq;
using System.Reactive.Subjects;
using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Rendering;
using BreathPacing.ConsoleHost.Sessions;
using BreathPacing.ConsoleHost.Tests.Support;
using BreathPacing.Safety;
using BreathPacing.Serialization;

namespace BreathPacing.ConsoleHost.Tests.Rendering;

public class PlainRendererTests
{
    private static readonly GuidanceContent Content = GuidanceContent.Default;
    private readonly VirtualClock _clock = new();
    private readonly StringWriter _output = new();

    [Fact]
    public async Task RenderAsync_ThreePartBreath_WritesOneLinePerEventThenTheSummary()
    {
        var run = Start(new CommandLineOptions { Technique = "three-part", Seconds = 2, Cycles = 1 });

        _clock.AdvanceTo(10);
        await run;

        Lines().Should().Equal(
        [
            "Three-Part Breath: 1 cycle, 00:04. Breathe along.",
            "00:00.0  start      Three-Part Breath, 1 cycle",
            Cued("00:00.0  cycle 1/1  Inhale          2.0 s               ", CueKeys.ThreePartInhale),
            Cued("00:00.0  cycle 1/1  Inhale          0.7 s  lower belly  ", CueKeys.ThreePartInhaleLowerBelly),
            Cued("00:00.7  cycle 1/1  Inhale          0.7 s  upper belly  ", CueKeys.ThreePartInhaleUpperBelly),
            Cued("00:01.3  cycle 1/1  Inhale          0.7 s  chest        ", CueKeys.ThreePartInhaleChest),
            Cued("00:02.0  cycle 1/1  Exhale          2.0 s               ", CueKeys.ThreePartExhale),
            Cued("00:02.0  cycle 1/1  Exhale          0.7 s  chest        ", CueKeys.ThreePartExhaleChest),
            Cued("00:02.7  cycle 1/1  Exhale          0.7 s  upper belly  ", CueKeys.ThreePartExhaleUpperBelly),
            Cued("00:03.3  cycle 1/1  Exhale          0.7 s  lower belly  ", CueKeys.ThreePartExhaleLowerBelly),
            "00:04.0  cycle 1/1  complete",
            "00:04.0  session complete",
            "Summary",
            "  1 full breath",
            "  paced at 15 breaths a minute, inhale:exhale 1:1",
            "  0:04 breathing",
            .. SelfCareLines(),
        ]);
    }

    [Fact]
    public async Task RenderAsync_OceansBreath_ShowsTheLongerExhaleAndItsRatio()
    {
        var run = Start(new CommandLineOptions { Technique = "ocean", Cycles = 2 });

        _clock.AdvanceTo(30);
        await run;

        Lines().Should().StartWith(
        [
            "Ocean's Breath: 2 cycles, 00:20. Breathe along.",
            "00:00.0  start      Ocean's Breath, 2 cycles",
            Cued("00:00.0  cycle 1/2  Inhale          4.0 s  ", CueKeys.OceanInhale),
            Cued("00:04.0  cycle 1/2  Exhale          6.0 s  ", CueKeys.OceanExhale),
            "00:10.0  cycle 1/2  complete",
            Cued("00:10.0  cycle 2/2  Inhale          4.0 s  ", CueKeys.OceanInhale),
            Cued("00:14.0  cycle 2/2  Exhale          6.0 s  ", CueKeys.OceanExhale),
            "00:20.0  cycle 2/2  complete",
            "00:20.0  session complete",
            "Summary",
            "  2 full breaths",
            "  paced at 6 breaths a minute, inhale:exhale 1:1.5",
            "  0:20 breathing",
        ]);
    }

    [Fact]
    public async Task RenderAsync_CustomPattern_ShowsItsSafetyFindingsOnceBeforeTheStart()
    {
        var findings = SafetyProfile.Gentle.Evaluate(BreathNotation.Parse("1-0-1-0"));
        var run = Start(new CommandLineOptions { Pattern = "1-0-1-0", Cycles = 2 });

        _clock.AdvanceTo(10);
        await run;

        findings.Should().NotBeEmpty("a 1 s breath is quicker than the gentle profile allows");
        Lines().Should().Equal(
        [
            "Custom pattern 1-1: 2 cycles, 00:04. Breathe along.",
            .. findings.Select(f => $"{(f.Severity == SafetySeverity.Warning ? "caution" : "note")}: {f.Message}"),
            "00:00.0  start      Custom pattern 1-1, 2 cycles",
            "00:00.0  cycle 1/2  Inhale          1.0 s",
            "00:01.0  cycle 1/2  Exhale          1.0 s",
            "00:02.0  cycle 1/2  complete",
            "00:02.0  cycle 2/2  Inhale          1.0 s",
            "00:03.0  cycle 2/2  Exhale          1.0 s",
            "00:04.0  cycle 2/2  complete",
            "00:04.0  session complete",
            "Summary",
            "  2 full breaths",
            "  paced at 30 breaths a minute, inhale:exhale 1:1",
            "  0:04 breathing",
            .. SelfCareLines(),
        ]);
    }

    [Fact]
    public async Task RenderAsync_PatternWithHolds_NamesBothHolds()
    {
        var run = Start(new CommandLineOptions { Pattern = "4-4-4-4", Cycles = 1 });

        _clock.AdvanceTo(20);
        await run;

        Lines().Should().ContainInConsecutiveOrder(
            "00:00.0  cycle 1/1  Inhale          4.0 s",
            "00:04.0  cycle 1/1  Hold (full)     4.0 s",
            "00:08.0  cycle 1/1  Exhale          4.0 s",
            "00:12.0  cycle 1/1  Hold (empty)    4.0 s",
            "00:16.0  cycle 1/1  complete");
    }

    [Fact]
    public void RenderAsync_BeforeAnEventIsDue_HasNotWrittenIt()
    {
        _ = Start(new CommandLineOptions { Technique = "ocean", Cycles = 1 });

        _clock.AdvanceTo(3.999);
        Lines().Last().Should().StartWith("00:00.0  cycle 1/1  Inhale");

        _clock.AdvanceTo(4);
        Lines().Last().Should().StartWith("00:04.0  cycle 1/1  Exhale");
    }

    [Fact]
    public async Task RenderAsync_PausedAndResumed_ReportsBothAndExcludesThePauseFromActiveTime()
    {
        var commands = new Subject<SessionCommand>();
        var run = Start(new CommandLineOptions { Technique = "ocean", Cycles = 1 }, commands);

        _clock.AdvanceTo(5);
        commands.OnNext(SessionCommand.TogglePause);
        _clock.AdvanceTo(8);
        commands.OnNext(SessionCommand.TogglePause);
        _clock.AdvanceTo(20);
        await run;

        Lines().Should().ContainInConsecutiveOrder(
            Cued("00:04.0  cycle 1/1  Exhale          6.0 s  ", CueKeys.OceanExhale),
            "00:05.0  paused",
            "00:05.0  resumed after 3.0 s",
            "00:10.0  cycle 1/1  complete",
            "00:10.0  session complete",
            "Summary",
            "  1 full breath",
            "  paced at 6 breaths a minute, inhale:exhale 1:1.5",
            "  0:10 breathing, 0:03 paused");
    }

    [Fact]
    public async Task RenderAsync_StopCommand_EndsEarlyWithTheSummarySoFar()
    {
        var commands = new Subject<SessionCommand>();
        var run = Start(new CommandLineOptions { Technique = "ocean", Cycles = 3 }, commands);

        _clock.AdvanceTo(12.5);
        commands.OnNext(SessionCommand.Stop);
        await run;

        Lines().Should().ContainInConsecutiveOrder(
            "00:12.5  ended early",
            "Summary (ended early)",
            "  1 full breath, stopped partway through the 2nd (inhale)",
            "  paced at 6 breaths a minute, inhale:exhale 1:1.5",
            "  0:12 breathing");
    }

    [Fact]
    public async Task Summarise_StoppedMidBreathAfterAPause_SaysWhatWasDoneThePaceSetAndTheTime()
    {
        // Three-Part Breath at 4 s each way (7.5 breaths a minute); the 4th exhale starts at 28 s of breathing.
        var commands = new Subject<SessionCommand>();
        var run = Start(new CommandLineOptions { Technique = "three-part", Cycles = 10 }, commands);

        _clock.AdvanceTo(20);
        commands.OnNext(SessionCommand.TogglePause);
        _clock.AdvanceTo(25);
        commands.OnNext(SessionCommand.TogglePause);
        _clock.AdvanceTo(34); // 29 s of breathing: the chest part of the 4th exhale
        commands.OnNext(SessionCommand.Stop);
        await run;

        Lines().Should().ContainInConsecutiveOrder(
            "Summary (ended early)",
            "  3 full breaths, stopped partway through the 4th (exhale, chest)",
            "  paced at 7.5 breaths a minute, inhale:exhale 1:1",
            "  0:29 breathing, 0:05 paused");
    }

    [Fact]
    public async Task Summarise_StoppedInTheFirstBreath_GivesThePaceSetNotZero()
    {
        var commands = new Subject<SessionCommand>();
        var run = Start(new CommandLineOptions { Technique = "three-part", Cycles = 10 }, commands);

        _clock.AdvanceTo(1);
        commands.OnNext(SessionCommand.Stop);
        await run;

        Lines().Should().ContainInConsecutiveOrder(
            "Summary (ended early)",
            "  no full breath yet, stopped partway through the 1st (inhale, lower belly)",
            "  paced at 7.5 breaths a minute, inhale:exhale 1:1",
            "  0:01 breathing");
    }

    [Fact]
    public async Task Summarise_Progression_GivesTheAveragePaceOfTheBreathsTaken()
    {
        var commands = new Subject<SessionCommand>();
        var run = Start(new CommandLineOptions { Technique = "three-part", Progress = true, Cycles = 20 }, commands);

        // 3 cycles at 4 s each way (24 s), then 3 at 5 s (30 s): 6 breaths in 54 s.
        _clock.AdvanceTo(54);
        commands.OnNext(SessionCommand.Stop);
        await run;

        Lines().Should().ContainInConsecutiveOrder(
            "Summary (ended early)",
            "  6 full breaths",
            "  paced at 6.7 breaths a minute on average, inhale:exhale 1:1",
            "  0:54 breathing");
    }

    [Fact]
    public async Task Summarise_TwoBreathsPerCycle_CountsCyclesAndSaysHowManyBreaths()
    {
        var twice = BreathPattern.Create("twice")
            .Inhale(TimeSpan.FromSeconds(2)).Exhale(TimeSpan.FromSeconds(2))
            .Inhale(TimeSpan.FromSeconds(2)).Exhale(TimeSpan.FromSeconds(4))
            .Build();
        var commands = new Subject<SessionCommand>();
        var run = new SessionDriver(new BreathPacer(), _clock.Scheduler, Content, suggestionSeed: 0)
            .RunAsync(new SessionPlan(twice, SessionLength.Cycles(5), technique: null, findings: []), new PlainRenderer(_output, Content), commands, CancellationToken.None);

        _clock.AdvanceTo(25); // two cycles of 10 s, then 5 s into the third: its second inhale
        commands.OnNext(SessionCommand.Stop);
        await run;

        twice.BreathsPerCycle.Should().Be(2);
        Lines().Should().ContainInConsecutiveOrder(
            "Summary (ended early)",
            "  2 full cycles (4 breaths), stopped partway through the 3rd (inhale)",
            "  paced at 12 breaths a minute, inhale:exhale 1:1.5",
            "  0:25 breathing");
    }

    [Fact]
    public async Task RenderAsync_Cancelled_EndsGracefullyWithTheSummary()
    {
        using var cancellation = new CancellationTokenSource();
        var run = Start(new CommandLineOptions { Technique = "ocean", Cycles = 3 }, cancellationToken: cancellation.Token);

        _clock.AdvanceTo(2);
        await cancellation.CancelAsync();
        var summary = await run;

        summary.EndedEarly.Should().BeTrue();
        Lines().Should().Contain("00:02.0  ended early").And.Contain("Summary (ended early)");
    }

    [Fact]
    public async Task RenderAsync_AnyOutput_HasNoEscapeCodes()
    {
        var run = Start(new CommandLineOptions { Technique = "three-part", Cycles = 2 });

        _clock.AdvanceTo(60);
        await run;

        _output.ToString().Should().NotContain("\u001b");
    }

    private static string Cued(string line, string cueKey) => (line + Content.CueText(cueKey)).TrimEnd();

    private static IEnumerable<string> SelfCareLines() =>
        Content.Suggest(0) is { } s ? [$"Self-care: {s.Name}. {s.Description}"] : [];

    private Task<BreathSessionSummary> Start(CommandLineOptions options, IObservable<SessionCommand>? commands = null, CancellationToken cancellationToken = default)
    {
        var plan = new SessionPlanner(Content).FromOptions(options, ConsoleApp.PlainDefaultCycles);
        var driver = new SessionDriver(new BreathPacer(), _clock.Scheduler, Content, suggestionSeed: 0);
        return driver.RunAsync(plan, new PlainRenderer(_output, Content), commands ?? Observable.Never<SessionCommand>(), cancellationToken);
    }

    private string[] Lines() => AppRun.Lines(_output.ToString().TrimEnd());
}
