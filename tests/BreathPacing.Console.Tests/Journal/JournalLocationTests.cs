using BreathPacing.ConsoleHost.Journal;

namespace BreathPacing.ConsoleHost.Tests.Journal;

public class JournalLocationTests
{
    private static readonly string Home = Path.Combine(Path.GetTempPath(), "home", ".local", "share");
    private static readonly string Xdg = Path.Combine(Path.GetTempPath(), "xdg-data");

    [Fact]
    public void Default_WithXdgDataHome_IsInIt()
    {
        JournalLocation.Default(Variables(("XDG_DATA_HOME", Xdg)), Home).Should().Be(Path.Combine(Xdg, "BreathPacing", "journal.db"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("relative/data")] // the XDG rule: a relative path is ignored
    public void Default_WithXdgDataHomeEmptyOrRelative_IsInThePlatformsDataFolder(string xdg)
    {
        JournalLocation.Default(Variables(("XDG_DATA_HOME", xdg)), Home).Should().Be(Path.Combine(Home, "BreathPacing", "journal.db"));
    }

    [Fact]
    public void Default_WithNoDataFolderAtAll_IsNone()
    {
        JournalLocation.Default(Variables(), platformDataFolder: null).Should().BeNull();
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
