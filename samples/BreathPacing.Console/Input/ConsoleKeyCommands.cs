using System.Reactive.Concurrency;
using System.Reactive.Linq;
using BreathPacing.ConsoleHost.Sessions;

namespace BreathPacing.ConsoleHost.Input;

/// <summary>
/// The session commands typed at the terminal: space pauses and resumes, q or Esc ends. Checks for keys
/// 20 times a second of real time (Console has no key event to wait on); nothing runs in between.
/// </summary>
internal static class ConsoleKeyCommands
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static IObservable<SessionCommand> Poll(IScheduler scheduler) =>
        Observable.Interval(PollInterval, scheduler)
            .SelectMany(_ => ReadAvailable())
            .Select(Map)
            .Where(c => c is not null)
            .Select(c => c!.Value);

    /// <summary>The command a key stands for, or <see langword="null"/>.</summary>
    public static SessionCommand? Map(ConsoleKeyInfo key) => key.Key switch
    {
        ConsoleKey.Spacebar => SessionCommand.TogglePause,
        ConsoleKey.Q or ConsoleKey.Escape => SessionCommand.Stop,
        _ => null,
    };

    private static List<ConsoleKeyInfo> ReadAvailable()
    {
        var keys = new List<ConsoleKeyInfo>();
        while (Console.KeyAvailable)
        {
            keys.Add(Console.ReadKey(intercept: true));
        }

        return keys;
    }
}
