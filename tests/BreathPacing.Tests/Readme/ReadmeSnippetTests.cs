
namespace BreathPacing.Tests.Readme;

[Collection(nameof(ConsoleOutput))]
public class ReadmeSnippetTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BreathPacing.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    private static string Region(string file, string name)
    {
        var lines = File.ReadAllLines(file);
        var start = Array.FindIndex(lines, l => l.Trim() == $"// <{name}>");
        var end = Array.FindIndex(lines, l => l.Trim() == $"// </{name}>");
        var body = lines[(start + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [Theory]
    [InlineData("quick-start")]
    [InlineData("custom-patterns")]
    public void Readme_Snippet_IsTheCompiledCodeVerbatim(string region)
    {
        var root = RepositoryRoot();
        var snippet = Region(Path.Combine(root, "tests", "BreathPacing.Tests", "Readme", "QuickStart.cs"), region);
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");

        readme.Should().Contain(snippet);
    }

    [Fact]
    public void CustomPatterns_BuildsAndPrintsWhatTheReadmeSays()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        BreathPattern pattern;
        try
        {
            pattern = QuickStart.CustomPatterns();
        }
        finally
        {
            Console.SetOut(original);
        }

        pattern.Phases.Should().HaveCount(3);
        output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "Exhale 25% done, lungs 0.75, cycle 1 of 17",
            "Invalid phases[0].duration = 0 s: a phase lasts from 0.01 s to 600 s.");
    }

    [Fact]
    public async Task QuickStart_RunsAndPrintsTheSession()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var pacer = new BreathPacer(new BreathPacingOptions { TimeProvider = new FastTimeProvider(speed: 100) });
            await Task.Run(() => QuickStart.RunAsync(pacer)).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain(["  0.0 s  SessionStarted", "  4.0 s  PhaseStarted", " 20.0 s  SessionCompleted"]);
        lines.Should().ContainInOrder("Inhale  lower-belly", "Inhale  upper-belly", "Inhale  chest", "Exhale  chest", "Exhale  upper-belly", "Exhale  lower-belly");
        lines.Last().Should().Be("1 cycle(s) at 7.5 breaths/min");
    }
}

[CollectionDefinition(nameof(ConsoleOutput), DisableParallelization = true)]
public sealed class ConsoleOutput;
