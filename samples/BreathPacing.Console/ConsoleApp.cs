using System.Reactive.Concurrency;
using System.Reactive.Linq;
using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Input;
using BreathPacing.ConsoleHost.Rendering;
using BreathPacing.ConsoleHost.Sessions;
using BreathPacing.ConsoleHost.Timing;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.ConsoleHost;

/// <summary>
/// The app: reads the command line, picks plain or live mode, plans the session and runs it. Uses the
/// library only through its public API and <c>AddBreathPacing()</c>, as a package user would.
/// </summary>
internal sealed class ConsoleApp(AppEnvironment environment)
{
    /// <summary>Cycles breathed when nothing else says how many: a short demo in plain mode.</summary>
    public const int PlainDefaultCycles = CommandLineOptions.DefaultCycles;

    /// <summary>Cycles breathed in the live view when nothing else says how many.</summary>
    public const int LiveDefaultCycles = 10;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        CommandLineOptions options;
        try
        {
            options = CommandLineParser.Parse(args);
        }
        catch (UsageException e)
        {
            return UsageError(e);
        }

        if (options.Help)
        {
            environment.Out.WriteLine(Usage.Text);
            return ExitCodes.Success;
        }

        var services = new ServiceCollection();
        if (options.Speed != 1 || environment.Time != TimeProvider.System)
        {
            // The pacer picks up a TimeProvider registered in the container; --speed scales its clock.
            services.AddSingleton<TimeProvider>(options.Speed == 1 ? environment.Time : new ScaledTimeProvider(environment.Time, options.Speed));
        }

        services.AddBreathPacing();
        using var provider = services.BuildServiceProvider();
        var content = GuidanceContent.FromServices(provider);

        if (options.List)
        {
            TechniqueListWriter.Write(environment.Out, content);
            return ExitCodes.Success;
        }

        var plain = options.Plain || environment.IsOutputRedirected || environment.DumbTerminal;
        var planner = new SessionPlanner(content);
        var console = plain ? null : environment.CreateConsole();
        SessionPlan plan;
        try
        {
            plan = console is null || options.ChoosesSession || environment.IsInputRedirected
                ? planner.FromOptions(options, plain ? PlainDefaultCycles : LiveDefaultCycles)
                : new SessionPicker(console, content, planner).Pick(options, LiveDefaultCycles);
        }
        catch (UsageException e)
        {
            return UsageError(e);
        }

        var pacer = provider.GetRequiredService<IBreathPacer>();
        var keys = console is null || environment.IsInputRedirected ? null : new ConsoleKeyCommands();
        using var frameLoop = console is null ? null : new EventLoopScheduler(start => new Thread(start) { IsBackground = true, Name = "BreathPacing frames" });
        ISessionRenderer renderer = console is null
            ? new PlainRenderer(environment.Out, content)
            : new LiveRenderer(console, content, options.Colour, LiveRenderer.FrameInterval, frameLoop, keys is null ? null : keys.Poll);
        var commands = keys ?? Observable.Never<SessionCommand>();
        var driver = new SessionDriver(pacer, pacer.DefaultScheduler, content, suggestionSeed: Environment.TickCount);
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

        return ExitCodes.Success;
    }

    private int UsageError(UsageException e)
    {
        environment.Error.WriteLine($"error: {e.Message}");
        environment.Error.WriteLine();
        environment.Error.WriteLine(Usage.Text);
        return ExitCodes.Usage;
    }
}
