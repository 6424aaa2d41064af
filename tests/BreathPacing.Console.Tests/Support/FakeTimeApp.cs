using System.Diagnostics;
using BreathPacing.ConsoleHost.Input;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace BreathPacing.ConsoleHost.Tests.Support;

/// <summary>
/// Runs <see cref="ConsoleApp"/> in-process on a fake clock (sessions and the records' times both come from it), with a
/// temp folder as the user's data folder (XDG_DATA_HOME), so the journal is a real SQLite file. The clock is advanced
/// in small steps until the run ends (a session of a minute takes a fraction of a second); between runs a test moves it
/// on itself (e.g. a day).
/// </summary>
public sealed class FakeTimeApp : IDisposable
{
    /// <summary>Monday 2 March 2026, 18:00 in a zone one hour ahead of UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 18, 0, 0, TimeSpan.FromHours(1));

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a run may take in real time (starting up on a busy machine included) before the test fails.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public FakeTimeApp()
    {
        Clock.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1"));
        Variables = Folder.DataHome;
    }

    public TempFolder Folder { get; } = new();

    /// <summary>The clock, started at <see cref="Start"/> (given in UTC: the fake clock keeps the offset it is given as "UTC").</summary>
    public FakeTimeProvider Clock { get; } = new(Start.ToUniversalTime());

    /// <summary>The environment variables the app sees: XDG_DATA_HOME is <see cref="Folder"/>.</summary>
    public Dictionary<string, string> Variables { get; }

    /// <summary>The journal the app uses by default.</summary>
    public string Journal => Folder.DefaultJournal;

    /// <summary>A terminal to run in (live view, questions); <see langword="null"/> for output and input redirected.</summary>
    public TestConsole? Terminal { get; set; }

    public TimeSpan? BusyTimeout { get; set; }

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new AppEnvironment(output, error, IsOutputRedirected: Terminal is null, IsInputRedirected: Terminal is null, name => Variables.GetValueOrDefault(name), Clock)
        {
            Terminal = Terminal,
            Keys = Terminal is null ? null : new ConsoleKeyCommands(() => false, () => throw new InvalidOperationException("no key is typed during the session")),
            JournalBusyTimeout = BusyTimeout,
        };
        var run = Task.Run(() => new ConsoleApp(environment).RunAsync(args, CancellationToken.None));
        var patience = Stopwatch.StartNew();
        while (!run.IsCompleted && patience.Elapsed < Patience)
        {
            Clock.Advance(Step);
            await Task.Delay(1);
        }

        run.IsCompleted.Should().BeTrue($"the run ends within {Patience.TotalSeconds} s");
        return (await run, output.ToString(), error.ToString());
    }

    public void Dispose() => Folder.Dispose();
}
