using BreathPacing.ConsoleHost.Input;
using BreathPacing.ConsoleHost.Sessions;

namespace BreathPacing.ConsoleHost.Tests.Input;

public class ConsoleKeyCommandsTests
{
    private readonly Queue<ConsoleKeyInfo> _typed = new();
    private readonly List<SessionCommand> _received = [];

    [Theory]
    [InlineData(ConsoleKey.Spacebar, "TogglePause")]
    [InlineData(ConsoleKey.Q, "Stop")]
    [InlineData(ConsoleKey.Escape, "Stop")]
    public void Map_SessionKeys_GiveTheirCommands(ConsoleKey key, string expected)
    {
        ConsoleKeyCommands.Map(Key(key)).Should().Be(Enum.Parse<SessionCommand>(expected));
    }

    [Theory]
    [InlineData(ConsoleKey.Enter)]
    [InlineData(ConsoleKey.A)]
    [InlineData(ConsoleKey.UpArrow)]
    public void Map_OtherKeys_AreIgnored(ConsoleKey key)
    {
        ConsoleKeyCommands.Map(Key(key)).Should().BeNull();
    }

    [Fact]
    public void Poll_KeysTypedSinceLastPoll_PublishesTheirCommandsInOrder()
    {
        var keys = CreateSut();
        Type(ConsoleKey.Spacebar, ConsoleKey.X, ConsoleKey.Spacebar, ConsoleKey.Q);

        keys.Poll();

        _received.Should().Equal(SessionCommand.TogglePause, SessionCommand.TogglePause, SessionCommand.Stop);
        _typed.Should().BeEmpty("every waiting key is read");
    }

    [Fact]
    public void Poll_NoKeysWaiting_PublishesNothingAndDoesNotBlock()
    {
        var keys = CreateSut();

        keys.Poll();

        _received.Should().BeEmpty();
    }

    private static ConsoleKeyInfo Key(ConsoleKey key) => new(key == ConsoleKey.Spacebar ? ' ' : '\0', key, shift: false, alt: false, control: false);

    private ConsoleKeyCommands CreateSut()
    {
        var keys = new ConsoleKeyCommands(() => _typed.Count > 0, () => _typed.Dequeue());
        keys.Subscribe(_received.Add);
        return keys;
    }

    private void Type(params ConsoleKey[] keys)
    {
        foreach (var key in keys)
        {
            _typed.Enqueue(Key(key));
        }
    }
}
