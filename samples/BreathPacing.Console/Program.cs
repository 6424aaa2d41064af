using BreathPacing.ConsoleHost;

// Ctrl+C ends the session gracefully (with its summary); a second Ctrl+C ends the process at once.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await new ConsoleApp(AppEnvironment.FromConsole()).RunAsync(args, cancellation.Token);
