using System.Reactive.Subjects;
using BreathPacing.ConsoleHost.Sessions;

namespace BreathPacing.ConsoleHost.Input;

/// <summary>
/// The session commands typed at the terminal: space pauses and resumes, q or Esc ends. Console has no key
/// event to wait on, so the live view calls <see cref="Poll"/> once per frame, on the thread that draws:
/// no extra thread or timer, and keys are read between redraws rather than while one is being written.
/// </summary>
internal sealed class ConsoleKeyCommands(Func<bool> keyAvailable, Func<ConsoleKeyInfo> readKey) : IObservable<SessionCommand>
{
    private readonly Subject<SessionCommand> _commands = new();

    public ConsoleKeyCommands()
        : this(() => Console.KeyAvailable, () => Console.ReadKey(intercept: true))
    {
    }

    /// <summary>The command a key stands for, or <see langword="null"/>.</summary>
    public static SessionCommand? Map(ConsoleKeyInfo key) => key.Key switch
    {
        ConsoleKey.Spacebar => SessionCommand.TogglePause,
        ConsoleKey.Q or ConsoleKey.Escape => SessionCommand.Stop,
        _ => null,
    };

    public IDisposable Subscribe(IObserver<SessionCommand> observer) => _commands.Subscribe(observer);

    /// <summary>Reads the keys typed since the last call and publishes their commands.</summary>
    public void Poll()
    {
        while (keyAvailable())
        {
            if (Map(readKey()) is { } command)
            {
                _commands.OnNext(command);
            }
        }
    }
}
