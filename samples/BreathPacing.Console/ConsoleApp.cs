using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Input;
using BreathPacing.ConsoleHost.Rendering;
using BreathPacing.ConsoleHost.Sessions;
using BreathPacing.ConsoleHost.Timing;
using BreathPacing.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace BreathPacing.ConsoleHost;

/// <summary>
/// The app: wires the library with <c>AddBreathPacing()</c>, reads the command line, picks plain or live mode,
/// plans the session (asking, when there is someone to ask and the command line did not choose) and runs it. Uses
/// the library only through its public API, as a package user would.
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

        var plain = options.Plain || environment.IsOutputRedirected || environment.DumbTerminal;
        var console = plain ? null : environment.CreateConsole();
        var asks = console is not null && !options.ChoosesSession && !environment.IsInputRedirected;
        var planner = new SessionPlanner(content);
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
        try
        {
            await driver.RunAsync(plan, renderer, commands, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // E.g. the terminal or the pipe went away mid-session: say so briefly rather than with a stack trace.
            environment.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }

        if (asks && console is not null)
        {
            console.WriteLine();
            console.MarkupLine($"[grey]To breathe this again:[/] {Markup.Escape(CommandLineText.Format(options.ToArguments()))}");
        }

        return ExitCodes.Success;
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
