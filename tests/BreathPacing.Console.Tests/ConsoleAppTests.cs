using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Tests.Support;
using BreathPacing.Grounding;
using BreathPacing.Serialization;

namespace BreathPacing.ConsoleHost.Tests;

public class ConsoleAppTests
{
    public static TheoryData<string[], string> BadCommandLines => new()
    {
        { ["--frobnicate"], "--frobnicate" },
        { ["--technique", "box-breathing"], "\"box-breathing\"" },
        { ["--cycles", "0"], "\"0\"" },
        { ["--minutes", "-1"], "\"-1\"" },
        { ["--seconds", "30"], "\"30\"" },
        { ["--speed", "0"], "\"0\"" },
        { ["--colour", "blurple"], "\"blurple\"" },
        { ["--technique", "ocean", "--pattern", "4-0-6-0"], "--pattern" },
        { ["--cycles", "3", "--minutes", "2"], "--minutes" },
        { ["--pattern-file", "no-such-file.json"], "\"no-such-file.json\"" },
        { ["--list", "--cycles", "2"], "--cycles" },
        { ["--pattern", "4-x-8"], "\"4-x-8\"" },
        { ["--pattern", "0-0"], "--pattern" },
        { ["--pattern", "5x 4-6", "--cycles", "0"], "\"0\"" },
        { ["--plain=yes"], "--plain" },
        { ["stray"], "\"stray\"" },
        { ["--felt", "meh"], "\"meh\"" },
        { ["--no-journal", "--felt", "easy"], "--felt" },
        { ["--history", "--cycles", "2"], "--cycles" },
        { ["--export", "xml"], "\"xml\"" },
        { ["--output", "sessions.json"], "--output" },
    };

    private static readonly string Help = new BreathCommand(GroundingCatalog.Default).HelpText;

    [Fact]
    public async Task RunAsync_MalformedNotation_SaysWhereAndWhatWasExpected()
    {
        var (_, _, error) = await AppRun.RunAsync("--pattern", "4-x-8");

        AppRun.Lines(error)[0].Should().Be("error: --pattern: cannot read \"4-x-8\": at character 3 expected a number of seconds, found 'x'.");
    }

    [Fact]
    public async Task RunAsync_InvalidPatternFile_NamesTheFileAndTheJsonPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bp-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{ \"version\": 1, \"name\": \"bad\", \"phases\": [ { \"kind\": \"inhale\", \"duration\": \"fast\" } ] }");
        try
        {
            var (code, output, error) = await AppRun.RunAsync("--pattern-file", path);

            code.Should().Be(ExitCodes.Usage);
            output.Should().BeEmpty();
            AppRun.Lines(error)[0].Should().StartWith($"error: --pattern-file: \"{path}\" is not a valid breath pattern at $.phases");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_PatternFile_BreathesThePatternSavedInIt()
    {
        var pattern = BreathPattern.Create("evening").Inhale(TimeSpan.FromSeconds(3)).Exhale(TimeSpan.FromSeconds(5)).Build();
        var path = Path.Combine(Path.GetTempPath(), $"bp-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, BreathPatternJson.Serialize(pattern));
        try
        {
            var (code, output, _) = await AppRun.RunAsync("--pattern-file", path, "--cycles", "1", "--speed", "50");

            code.Should().Be(ExitCodes.Success);
            AppRun.Lines(output).Should().Contain("evening: 1 cycle, 00:08. Breathe along.").And.Contain("00:08.0  session complete");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task RunAsync_BadCommandLine_PrintsOneErrorLineAndUsageAndExits2(string[] args, string named)
    {
        var (code, output, error) = await AppRun.RunAsync(args);

        code.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty("nothing but the error and the usage is written");
        var lines = AppRun.Lines(error);
        lines[0].Should().StartWith("error: ").And.Contain(named);
        lines[1].Should().BeEmpty("one mistake, one line");
        string.Join('\n', lines.Skip(2)).TrimEnd().Should().Be(Help.ReplaceLineEndings("\n").TrimEnd(), "the usage follows the error");
    }

    [Fact]
    public async Task RunAsync_UnknownTechnique_SaysWhichTechniquesExist()
    {
        var (_, _, error) = await AppRun.RunAsync("--technique", "box");

        AppRun.Lines(error)[0].Should().Be("error: --technique: unknown technique \"box\"; expected three-part or ocean.");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RunAsync_Help_PrintsUsageDescribingEveryOptionAndExits0(string help)
    {
        var (code, output, error) = await AppRun.RunAsync(help);

        code.Should().Be(ExitCodes.Success);
        error.Should().BeEmpty();
        output.Should().Be(Help);
        foreach (var option in new[] { "--technique", "--pattern", "--pattern-file", "--cycles", "--minutes", "--seconds", "--progress", "--colour", "--plain", "--list", "--speed", "--felt", "--journal", "--no-journal", "--history", "--export", "--output", "--import", "--help" })
        {
            output.Should().MatchRegex($"(?m)^  (-[-\\w?]+, )*{option}[ ,]", $"--help describes {option}");
        }
    }

    [Fact]
    public async Task RunAsync_AppsOwnTechniqueByItsId_RunsItWithoutChangesToTheHost()
    {
        var (code, output, error) = await AppRun.RunWithCatalogAsync(SquareBreath.Catalog, "--technique", SquareBreath.Id, "--seconds", "1", "--cycles", "2", "--speed", "50");

        error.Should().BeEmpty();
        code.Should().Be(ExitCodes.Success);
        var lines = AppRun.Lines(output);
        lines[0].Should().Be("Square Breath: 2 cycles, 00:08. Breathe along.");
        lines.Should().ContainInConsecutiveOrder(
            "00:00.0  cycle 1/2  Inhale          1.0 s",
            "00:01.0  cycle 1/2  Hold (full)     1.0 s",
            "00:02.0  cycle 1/2  Exhale          1.0 s",
            "00:03.0  cycle 1/2  Hold (empty)    1.0 s",
            "00:04.0  cycle 1/2  complete");
        lines.Should().Contain("  2 full breaths").And.Contain("  paced at 15 breaths a minute, inhale:exhale 1:1");
    }

    [Fact]
    public async Task RunAsync_AppsOwnTechnique_IsListedAndItsRangeChecked()
    {
        var (_, list, _) = await AppRun.RunWithCatalogAsync(SquareBreath.Catalog, "--list");
        var (code, _, error) = await AppRun.RunWithCatalogAsync(SquareBreath.Catalog, "--technique", "square", "--seconds", "15");

        list.Should().Contain("Square Breath  (--technique square)");
        code.Should().Be(ExitCodes.Usage);
        AppRun.Lines(error)[0].Should().Be("error: --seconds: expected from 1 to 12 seconds for Square Breath; got \"15\".");
    }

    [Fact]
    public async Task RunAsync_ProgressStartingAtTheTarget_SaysWhyAndExits2()
    {
        var (code, output, error) = await AppRun.RunAsync("--technique", "ocean", "--seconds", "12", "--progress");

        code.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        AppRun.Lines(error)[0].Should().StartWith("error: --progress: Invalid targetSeconds = 10: expected more than startSeconds (12)");
    }

    [Fact]
    public async Task RunAsync_List_ShowsEachTechniqueAndHowToChooseIt()
    {
        var (code, output, error) = await AppRun.RunAsync("--list");

        code.Should().Be(ExitCodes.Success);
        error.Should().BeEmpty();
        output.Should().Contain("Three-Part Breath  (--technique three-part)").And.Contain("Ocean's Breath  (--technique ocean)");
    }

    [Fact]
    public async Task RunAsync_List_ShowsEveryStepCautionAndSourceOfTheCatalog()
    {
        var catalog = GroundingCatalog.Default;

        var (_, output, _) = await AppRun.RunAsync("--list");

        foreach (var technique in catalog.Techniques)
        {
            output.Should().Contain(technique.Summary);
            technique.Steps.Should().OnlyContain(step => output.Contains(step, StringComparison.Ordinal));
            technique.Cautions.Should().OnlyContain(caution => output.Contains("- " + caution, StringComparison.Ordinal));
            technique.SourceIds.Should().OnlyContain(id => output.Contains("- " + catalog.FindSource(id)!.Citation, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("ujjayi", "Ocean's Breath")]
    [InlineData("OCEAN", "Ocean's Breath")]
    [InlineData("three-part-breath", "Three-Part Breath")]
    public async Task RunAsync_TechniqueAlias_ResolvesThroughTheCatalog(string alias, string name)
    {
        var (code, output, _) = await AppRun.RunAsync("--technique", alias, "--cycles", "1", "--seconds", "2", "--speed", "50");

        code.Should().Be(ExitCodes.Success);
        AppRun.Lines(output)[0].Should().StartWith(name + ": 1 cycle");
    }

    [Theory]
    [InlineData(true, false, null)]     // output redirected
    [InlineData(false, true, null)]     // --plain in a terminal
    [InlineData(false, false, "dumb")]  // TERM=dumb
    public async Task RunAsync_PlainCases_WriteOneLinePerEventWithoutEscapeCodes(bool redirected, bool plainOption, string? term)
    {
        string[] args = ["--technique", "ocean", "--cycles", "1", "--speed", "50", .. plainOption ? new[] { "--plain" } : []];
        var variables = term is null ? new Dictionary<string, string>() : new() { ["TERM"] = term };

        var (code, output, _) = await AppRun.RunInAsync(redirected, variables, args);

        code.Should().Be(ExitCodes.Success);
        AppRun.Lines(output).Should().Contain("00:10.0  session complete");
        output.Should().NotContain("\u001b");
    }

    [Fact]
    public async Task RunAsync_NoArgumentsWithOutputRedirected_RunsTheShortDefaultSession()
    {
        // Speed only shortens the wait: the plan is the real default (3 cycles of Three-Part Breath, 24 s).
        var (code, output, error) = await AppRun.RunAsync("--speed", "200");

        code.Should().Be(ExitCodes.Success);
        error.Should().BeEmpty();
        var lines = AppRun.Lines(output);
        lines[0].Should().Be("Three-Part Breath: 3 cycles, 00:24. Breathe along.");
        lines.Should().Contain(l => l.StartsWith("00:24.0  session complete", StringComparison.Ordinal));
        output.Should().NotContain("\u001b", "plain output has no escape codes");
    }
}
