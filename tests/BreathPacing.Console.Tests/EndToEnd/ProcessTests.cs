using System.Diagnostics;
using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Tests.Support;
using BreathPacing.Safety;
using BreathPacing.Serialization;

namespace BreathPacing.ConsoleHost.Tests.EndToEnd;

/// <summary>
/// Runs the built app as its own process, the way the README's run command does with output piped. Each test's
/// process keeps its journal in a temp folder of its own (XDG_DATA_HOME), never in the user's data folder.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Run_TechniqueInPlainModeAtSpeed4_PrintsTheSessionAndExits0()
    {
        var watch = Stopwatch.StartNew();
        var (code, output, error) = await RunAppAsync("--technique", "three-part", "--seconds", "2", "--cycles", "1", "--plain", "--speed", "4");

        error.Should().BeEmpty();
        code.Should().Be(ExitCodes.Success);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines[0].Should().Be("Three-Part Breath: 1 cycle, 00:04. Breathe along.");
        string[] expected =
        [
            "00:00.0  start      Three-Part Breath, 1 cycle",
            "00:00.0  cycle 1/1  Inhale          2.0 s",
            "00:00.0  cycle 1/1  Inhale          0.7 s  lower belly",
            "00:00.7  cycle 1/1  Inhale          0.7 s  upper belly",
            "00:01.3  cycle 1/1  Inhale          0.7 s  chest",
            "00:02.0  cycle 1/1  Exhale          2.0 s",
            "00:02.0  cycle 1/1  Exhale          0.7 s  chest",
            "00:02.7  cycle 1/1  Exhale          0.7 s  upper belly",
            "00:03.3  cycle 1/1  Exhale          0.7 s  lower belly",
            "00:04.0  cycle 1/1  complete",
            "00:04.0  session complete",
            "Summary",
        ];

        lines[1].Should().Be("Plan: --seconds 2 overrides the plan's 4 s. (Begin gently, breathing in for 4 seconds.)");

        // Each line starts with the event's columns; the cue text from the content model may follow.
        lines.Skip(2).Take(expected.Length).Should().SatisfyRespectively(expected.Select(e => (Action<string>)(l => l.Should().StartWith(e))));
        output.Should().Contain("  1 full breath\n").And.Contain("  paced at 15 breaths a minute, inhale:exhale 1:1").And.NotContain("\u001b");

        // 4 s of session at speed 4 is 1 s of waiting; allow generously for process start on a busy machine.
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Run_NotationInPlainModeAtSpeed4_PrintsFindingsEventsAndSummaryAndExits0()
    {
        var (code, output, error) = await RunAppAsync("--pattern", "1-0-1-0", "--cycles", "2", "--plain", "--speed", "4");

        error.Should().BeEmpty();
        code.Should().Be(ExitCodes.Success);
        var findings = SafetyProfile.Gentle.Evaluate(BreathNotation.Parse("1-0-1-0"));
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
        lines.Should().StartWith(
        [
            "Custom pattern 1-1: 2 cycles, 00:04. Breathe along.",
            .. findings.Select(f => "caution: " + f.Message),
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
        ]);
        lines[^2].Should().StartWith("Self-care: ");
        lines[^1].Should().Be("Journal: not recorded, since sessions at --speed 4 are demos.");
    }

    [Fact]
    public async Task Run_BadOption_PrintsTheErrorAndUsageOnStandardErrorAndExits2()
    {
        var (code, output, error) = await RunAppAsync("--cycles", "0", "--plain");

        code.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        error.Should().StartWith("error: --cycles: expected a whole number of cycles from 1 to 1000000; got \"0\".").And.Contain("Usage:");
    }

    [Fact]
    public async Task Run_InterruptedWithCtrlC_EndsGracefullyWithTheSummaryAndExits0()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT is sent with kill(1); Windows has no such signal to send to another process.
        }

        using var process = StartApp("--technique", "ocean", "--cycles", "5", "--plain");
        var firstLine = await process.StandardOutput.ReadLineAsync();
        firstLine.Should().StartWith("Ocean's Breath: 5 cycles");
        await process.StandardOutput.ReadLineAsync(); // the session has started

        using (var kill = Process.Start("kill", ["-s", "INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var rest = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(ExitCodes.Success);
        rest.Should().Contain("  ended early").And.Contain("Summary (ended early)").And.Contain("  paced at 6 breaths a minute").And.Contain("Self-care: ");
        rest.Should().Contain($"Journal: recorded in {_data.DefaultJournal}, not rated", "what was breathed before Ctrl+C is kept");
    }

    [Fact]
    public async Task Run_NoArgumentsWithOutputPiped_BreathesThreePartBreathOnItsDefault()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // ended with SIGINT, as above
        }

        // The README's main command, piped: a short plain session (24 s in real time, so it is ended after it starts).
        using var process = StartApp();
        (await process.StandardOutput.ReadLineAsync()).Should().Be("Three-Part Breath: 3 cycles, 00:24. Breathe along.");
        (await process.StandardOutput.ReadLineAsync()).Should().Be("Plan: Begin gently, breathing in for 4 seconds.", "a fresh journal's plan starts at the beginning");
        (await process.StandardOutput.ReadLineAsync()).Should().Be("00:00.0  start      Three-Part Breath, 3 cycles");
        using (var kill = Process.Start("kill", ["-s", "INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var rest = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(ExitCodes.Success);
        rest.Should().Contain("Summary (ended early)").And.Contain("  paced at 7.5 breaths a minute, inhale:exhale 1:1").And.NotContain("\u001b");
    }

    [Fact]
    public async Task Run_WithInvariantGlobalization_StillShowsTheBuiltInGuidance()
    {
        // Containers often run .NET with invariant globalization, where no culture but the invariant one exists.
        var (code, output, error) = await RunAppInAsync(new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" }, "--technique", "ocean", "--seconds", "2", "--cycles", "1", "--plain", "--speed", "8");

        error.Should().BeEmpty();
        code.Should().Be(ExitCodes.Success);
        output.Should().Contain("Breathe in through the nose.").And.Contain("Self-care: ");
    }

    [Fact]
    public async Task Run_ASessionAtSpeed1_IsKeptInTheJournalWhichHistoryShowsInAnotherRun()
    {
        var (code, output, error) = await RunAppAsync("--pattern", "1-0-1-0", "--cycles", "1", "--felt", "comfortable");

        error.Should().BeEmpty();
        code.Should().Be(ExitCodes.Success);
        output.Should().EndWith($"Journal: recorded in {_data.DefaultJournal}, felt: Comfortable.\n");
        var (historyCode, history, _) = await RunAppAsync("--history");
        historyCode.Should().Be(ExitCodes.Success);
        history.Should().StartWith($"Practice journal\n{_data.DefaultJournal}\n").And.Contain("1 session · 0:02 breathing").And.Contain("│ 1-1 ").And.Contain("│ Comfortable │");
        history.Should().NotContain("\u001b", "piped, the history has no escape codes");
    }

    [Fact]
    public async Task Run_WithTheDataFolderUnwritable_SaysOnceThatTheJournalIsOffAndBreathes()
    {
        // A fresh CI machine or a container may have no writable home: the session must still run.
        var blocker = _data.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the data folder would be");

        var (code, output, error) = await RunAppInAsync(new() { ["XDG_DATA_HOME"] = blocker }, "--pattern", "1-0-1-0", "--cycles", "1");

        code.Should().Be(ExitCodes.Success);
        output.Should().Contain("Summary").And.NotContain("Journal:");
        error.Should().StartWith("note: the practice journal is off: cannot create the folder").And.Contain("Sessions are not recorded");
        error.TrimEnd().Split('\n').Should().ContainSingle("the note is said once");
    }

    internal Task<(int ExitCode, string Output, string Error)> RunAppAsync(params string[] args) => RunAppInAsync([], args);

    internal async Task<(int ExitCode, string Output, string Error)> RunAppInAsync(Dictionary<string, string> environment, params string[] args)
    {
        using var process = StartApp(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private Process StartApp(params string[] args) => StartApp([], args);

    private Process StartApp(Dictionary<string, string> environment, params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "BreathPacing.Console.dll");
        File.Exists(app).Should().BeTrue($"the app is built beside the tests ({app})");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["XDG_DATA_HOME"] = _data.Path;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }
}
