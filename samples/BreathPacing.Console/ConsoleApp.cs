using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Text;
using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Input;
using BreathPacing.ConsoleHost.Journal;
using BreathPacing.ConsoleHost.Rendering;
using BreathPacing.ConsoleHost.Sessions;
using BreathPacing.ConsoleHost.Timing;
using BreathPacing.Practice;
using BreathPacing.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace BreathPacing.ConsoleHost;

/// <summary>
/// The app: wires the library with <c>AddBreathPacing()</c>, reads the command line, opens the practice journal,
/// picks plain or live mode, plans the session (from the journal's practice plan, asking when there is someone to ask
/// and the command line did not choose), runs it and records it; or shows, exports or imports the journal. Uses the
/// library only through its public API, as a package user would.
/// </summary>
/// <param name="environment">The process the app runs in.</param>
/// <param name="configureServices">Changes to the services after <c>AddBreathPacing()</c>, e.g. a catalog with the app's own techniques.</param>
internal sealed class ConsoleApp(AppEnvironment environment, Action<IServiceCollection>? configureServices = null)
{
    /// <summary>Cycles breathed when nothing else says how many: a short demo in plain mode.</summary>
    public const int PlainDefaultCycles = CommandLineOptions.DefaultCycles;

    /// <summary>Cycles breathed in the live view when nothing else says how many.</summary>
    public const int LiveDefaultCycles = CommandLineOptions.LiveDefaultCycles;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        if (environment.Time != TimeProvider.System)
        {
            services.AddSingleton(environment.Time); // the pacer picks up a TimeProvider registered in the container
        }

        services.AddBreathPacing();
        configureServices?.Invoke(services);
        await using var provider = services.BuildServiceProvider();
        var content = GuidanceContent.FromServices(provider);

        BreathCommand? command = null;
        command = new BreathCommand(content.Catalog, (options, token) => RunAsync(options, provider, content, command!, token));
        var parsed = command.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            return UsageError(command.Mistakes(parsed), command);
        }

        // Help, the version, shell completions ([suggest]) or the session. Ctrl+C is the app's own (see Program).
        return await parsed.InvokeAsync(
            new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> RunAsync(CommandLineOptions options, IServiceProvider provider, GuidanceContent content, BreathCommand command, CancellationToken cancellationToken)
    {
        if (options.List)
        {
            TechniqueListWriter.Write(environment.Out, content);
            return ExitCodes.Success;
        }

        var journalCommand = options.History || options.Export is not null || options.Import is not null;
        OpenedJournal opened;
        try
        {
            opened = JournalSetup.Open(options, environment, required: journalCommand);
            if (journalCommand)
            {
                var journal = opened.Journal!;
                return options.History ? await ShowHistoryAsync(journal, content, options, cancellationToken).ConfigureAwait(false)
                    : options.Export is { } format ? await ExportAsync(journal, format, options.Output, cancellationToken).ConfigureAwait(false)
                    : await ImportAsync(journal, options.Import!, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JournalException e)
        {
            return JournalError(e);
        }

        if (opened.OffReason is { } reason)
        {
            environment.Error.WriteLine($"note: the practice journal is off: {reason.TrimEnd('.')}. Sessions are not recorded; {BreathCommand.JournalName} <path> chooses a file, {BreathCommand.NoJournalName} turns this note off.");
        }

        PracticeAdvisor? advisor = null;
        if (opened.Journal is { } journalForPlan)
        {
            try
            {
                advisor = new PracticeAdvisor(content.Catalog, await journalForPlan.QueryAsync(PracticeQuery.All, cancellationToken).ConfigureAwait(false));
            }
            catch (JournalException e)
            {
                return JournalError(e);
            }
        }

        var plain = options.Plain || environment.IsOutputRedirected || environment.DumbTerminal;
        var console = plain ? null : environment.CreateConsole();
        var asks = console is not null && !options.ChoosesSession && !environment.IsInputRedirected;
        var planner = new SessionPlanner(content, advisor);
        SessionPlan plan;
        try
        {
            if (asks)
            {
                options = new SessionPicker(console!, content, planner).Pick(options);
            }

            plan = planner.FromOptions(options, plain ? PlainDefaultCycles : LiveDefaultCycles);
        }
        catch (UsageException e)
        {
            return UsageError([e.Message], command);
        }

        var pacer = provider.GetRequiredService<IBreathPacer>();

        // --speed runs the session on a clock that runs faster; the pattern itself never changes.
        var scheduler = options.Speed == 1 ? pacer.DefaultScheduler : new TimeProviderScheduler(new ScaledTimeProvider(environment.Time, options.Speed));
        var keys = console is null || environment.IsInputRedirected ? null : environment.Keys ?? new ConsoleKeyCommands();
        using var frameLoop = console is null ? null : new EventLoopScheduler(start => new Thread(start) { IsBackground = true, Name = "BreathPacing frames" });
        ISessionRenderer renderer = console is null
            ? new PlainRenderer(environment.Out, content)
            : new LiveRenderer(console, content, options.Colour.Colour, LiveRenderer.FrameInterval, frameLoop, keys is null ? null : keys.Poll);
        var commands = keys ?? Observable.Never<SessionCommand>();
        var driver = new SessionDriver(pacer, scheduler, content, suggestionSeed: Environment.TickCount);
        BreathSessionSummary summary;
        try
        {
            summary = await driver.RunAsync(plan, renderer, commands, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // E.g. the terminal or the pipe went away mid-session: say so briefly rather than with a stack trace.
            environment.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }

        var code = opened.Journal is { } journalForRecord
            ? await RecordAsync(journalForRecord, plan, summary, options, content, console, cancellationToken).ConfigureAwait(false)
            : ExitCodes.Success;

        if (asks && console is not null)
        {
            console.WriteLine();
            console.MarkupLine($"[grey]To breathe this again:[/] {Markup.Escape(CommandLineText.Format(options.ToArguments()))}");
        }

        return code;
    }

    /// <summary>
    /// Keeps the session in the journal, with how it felt: <c>--felt</c>, or the answer to the question the live view asks
    /// (one key; not asked after Ctrl+C). Sessions at another <c>--speed</c> are demos, and a session that ended before it
    /// began has nothing to keep: neither is recorded, and the app says so.
    /// </summary>
    private async Task<int> RecordAsync(SqlitePracticeJournal journal, SessionPlan plan, BreathSessionSummary summary, CommandLineOptions options, GuidanceContent content, IAnsiConsole? console, CancellationToken cancellationToken)
    {
        void Say(string text, string? live = null)
        {
            if (console is null)
            {
                environment.Out.WriteLine(text);
            }
            else
            {
                console.MarkupLine($"  [grey]{Markup.Escape(live ?? text)}[/]");
            }
        }

        if (options.Speed != 1)
        {
            Say($"Journal: not recorded, since sessions at {BreathCommand.SpeedName} {Labels.Number(options.Speed, "0.###")} are demos.");
            return ExitCodes.Success;
        }

        if (summary.ActiveTime <= TimeSpan.Zero)
        {
            Say("Journal: not recorded, since the session ended before it began.");
            return ExitCodes.Success;
        }

        var feelings = new Feelings(content.Catalog);
        var felt = options.Felt;
        if (felt is null && console is not null && console.Profile.Capabilities.Interactive && !environment.IsInputRedirected && !cancellationToken.IsCancellationRequested)
        {
            felt = await feelings.AskAsync(console, cancellationToken).ConfigureAwait(false);
        }

        var endedAt = environment.Time.GetLocalNow();
        var techniqueId = plan.Technique?.Technique.Id;
        PracticeRecord record;
        try
        {
            record = PracticeRecord.From(summary, plan.Timeline, techniqueId, plan.Options, felt, endedAt);
        }
        catch (ArgumentException) when (plan.Options is not null)
        {
            // An app's own technique whose first inhale is not its StartSeconds: keep the session without its options.
            record = PracticeRecord.From(summary, plan.Timeline, techniqueId, options: null, felt, endedAt);
        }

        try
        {
            await journal.AppendAsync(record, CancellationToken.None).ConfigureAwait(false); // Ctrl+C ended the session, not the recording
        }
        catch (JournalException e)
        {
            return JournalError(e, "the session was not recorded: ");
        }

        // Plain output names the file (it may be read in a log); the live view keeps to one short line (--history names it).
        Say(
            felt is { } feeling
                ? $"Journal: recorded in {journal.Path}, felt: {feelings.Text(feeling)}."
                : $"Journal: recorded in {journal.Path}, not rated ({BreathCommand.FeltName} {string.Join('|', Feelings.Codes)} says how a session felt).",
            felt is { } answer ? $"Journal: recorded, felt: {feelings.Text(answer)}." : "Journal: recorded, not rated.");
        return ExitCodes.Success;
    }

    private async Task<int> ShowHistoryAsync(SqlitePracticeJournal journal, GuidanceContent content, CommandLineOptions options, CancellationToken cancellationToken)
    {
        var records = await journal.QueryAsync(PracticeQuery.All, cancellationToken).ConfigureAwait(false);
        var console = environment.CreateReportConsole(options.Plain);
        new HistoryView(content, new Feelings(content.Catalog), options.Colour.Colour)
            .Write(console, journal.Path, new PracticeAdvisor(content.Catalog, records), environment.Time.GetUtcNow(), environment.Time.LocalTimeZone);
        return ExitCodes.Success;
    }

    private async Task<int> ExportAsync(SqlitePracticeJournal journal, JournalFormat format, string? output, CancellationToken cancellationToken)
    {
        var records = await journal.QueryAsync(PracticeQuery.All, cancellationToken).ConfigureAwait(false);
        var text = format == JournalFormat.Json ? PracticeJournalJson.Serialize(records) + "\n" : PracticeJournalCsv.Write(records);
        if (output is null)
        {
            environment.Out.Write(text);
            return ExitCodes.Success;
        }

        // Written beside the target, then moved over it: the file is never left half-written.
        string? temporary = null;
        try
        {
            var target = Path.GetFullPath(output);
            temporary = $"{target}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, target, overwrite: true);
            environment.Out.WriteLine($"Exported {Sessions(records.Count)} from \"{journal.Path}\" to \"{target}\" as {format.ToString().ToUpperInvariant()}.");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            TryDelete(temporary);
            environment.Error.WriteLine($"error: {BreathCommand.OutputName}: cannot write \"{output}\": {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private async Task<int> ImportAsync(SqlitePracticeJournal journal, string path, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            environment.Error.WriteLine($"error: {BreathCommand.ImportName}: cannot read \"{path}\": {e.Message}");
            return ExitCodes.Failure;
        }

        ImmutableArray<PracticeRecord> records;
        try
        {
            records = PracticeJournalJson.Deserialize(json);
        }
        catch (PracticeJournalJsonException e)
        {
            environment.Error.WriteLine($"error: {BreathCommand.ImportName}: \"{path}\" is not a valid practice journal: {e.Message} Nothing was imported.");
            return ExitCodes.ImportInvalid;
        }

        var added = await journal.AppendRangeAsync(records, cancellationToken).ConfigureAwait(false);
        var skipped = records.Length - added;
        environment.Out.WriteLine($"Imported {Sessions(added)} from \"{path}\" into \"{journal.Path}\""
            + (skipped == 0 ? "." : $"; {Sessions(skipped)} {(skipped == 1 ? "was" : "were")} already there and skipped."));
        return ExitCodes.Success;
    }

    private int JournalError(JournalException e, string prefix = "")
    {
        environment.Error.WriteLine($"error: {prefix}{e.Message}");
        var hint = e.Problem switch
        {
            JournalProblem.Busy => $"Try again once the other program is done, or breathe without the journal with {BreathCommand.NoJournalName}.",
            JournalProblem.Newer => $"Use the newer version with it, choose another file with {BreathCommand.JournalName} <path>, or breathe without the journal with {BreathCommand.NoJournalName}.",
            JournalProblem.Damaged or JournalProblem.NotAJournal => $"Move it aside to start a new journal, choose another file with {BreathCommand.JournalName} <path>, or breathe without the journal with {BreathCommand.NoJournalName}.",
            _ => $"Choose another file with {BreathCommand.JournalName} <path>, or breathe without the journal with {BreathCommand.NoJournalName}.",
        };
        environment.Error.WriteLine($"  {hint}");
        return ExitCodes.Journal;
    }

    private static string Sessions(int count) => count == 1 ? "1 session" : $"{count.ToString(CultureInfo.InvariantCulture)} sessions";

    private static void TryDelete(string? path)
    {
        try
        {
            if (path is not null)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the export itself has already been reported as failed.
        }
    }

    private int UsageError(IEnumerable<string> messages, BreathCommand command)
    {
        foreach (var message in messages.Distinct())
        {
            environment.Error.WriteLine($"error: {message}");
        }

        environment.Error.WriteLine();
        environment.Error.Write(command.HelpText);
        return ExitCodes.Usage;
    }
}
