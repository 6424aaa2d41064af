using BreathPacing.ConsoleHost.Input;
using BreathPacing.ConsoleHost.Journal;
using Spectre.Console;

namespace BreathPacing.ConsoleHost;

/// <summary>What the app needs from the process it runs in, so tests can run it on strings and fake clocks.</summary>
internal sealed record AppEnvironment(
    TextWriter Out,
    TextWriter Error,
    bool IsOutputRedirected,
    bool IsInputRedirected,
    Func<string, string?> GetVariable,
    TimeProvider Time)
{
    /// <summary>The real console, environment, clock and data folder.</summary>
    public static AppEnvironment FromConsole() => new(
        Console.Out,
        Console.Error,
        Console.IsOutputRedirected,
        Console.IsInputRedirected,
        Environment.GetEnvironmentVariable,
        TimeProvider.System)
    {
        DataFolder = JournalLocation.PlatformDataFolder(),
    };

    /// <summary>
    /// The platform's folder for the user's data (where the practice journal lives unless XDG_DATA_HOME or
    /// <c>--journal</c> says otherwise), or <see langword="null"/> when there is none.
    /// </summary>
    public string? DataFolder { get; init; }

    /// <summary>How long the journal waits for another program's lock; <see langword="null"/> for <see cref="SqlitePracticeJournal.DefaultBusyTimeout"/>.</summary>
    public TimeSpan? JournalBusyTimeout { get; init; }

    /// <summary>The terminal to draw and ask in instead of one over <see cref="Out"/> (e.g. Spectre.Console.Testing's TestConsole), or <see langword="null"/>.</summary>
    public IAnsiConsole? Terminal { get; init; }

    /// <summary>The keys typed during the live view instead of the real keyboard's, or <see langword="null"/>.</summary>
    public ConsoleKeyCommands? Keys { get; init; }

    /// <summary>Whether the user asked for no colour (https://no-color.org: any non-empty NO_COLOR).</summary>
    public bool NoColor => !string.IsNullOrEmpty(GetVariable("NO_COLOR"));

    /// <summary>Whether the terminal cannot position the cursor (TERM=dumb).</summary>
    public bool DumbTerminal => string.Equals(GetVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>A Spectre console over <see cref="Out"/> that honours NO_COLOR.</summary>
    public IAnsiConsole CreateConsole() => Terminal ?? AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Detect,
        ColorSystem = NoColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = IsInputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        Out = new AnsiConsoleOutput(Out),
    });

    /// <summary>
    /// A Spectre console for tables and charts: <see cref="CreateConsole"/> in a terminal; with <paramref name="plain"/>
    /// (or output redirected, or TERM=dumb) one that writes no escape codes, at Spectre's default width.
    /// </summary>
    public IAnsiConsole CreateReportConsole(bool plain) => Terminal ?? (plain || IsOutputRedirected || DumbTerminal
        ? AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Out),
        })
        : CreateConsole());
}
