using System.Text.RegularExpressions;
using BreathPacing.Tests.Support;

namespace BreathPacing.Tests.Readme;

/// <summary>
/// Every fenced <c>```csharp</c> block of README.md, samples/README.md and each sample's README is compiled as its own
/// program against the library and run; its output must be what its comments promise. The conventions (also in the
/// README's Contributing section):
/// <list type="bullet">
/// <item>A block is a whole <c>dotnet new console</c> program (top-level statements; implicit usings, nullable on,
/// warnings as errors) and shows every other <c>using</c> it needs: everyday library types need only
/// <c>using BreathPacing;</c>.</item>
/// <item><c>// prints: &lt;line&gt;</c> — at the end of a statement or on a line of its own — promises one line of
/// output. The output must be exactly the promised lines, in the order they are written (spaces at either end and
/// blank lines do not count); <c>…</c> inside a promise stands for any text, and <c>// prints: …</c> alone for any
/// number of lines. A block without promises must print nothing.</item>
/// <item>Everything it prints must come before its program ends (await the session, e.g.
/// <c>await session.Events.LastAsync()</c>): output after the end fails the block, as a real run would never show it.</item>
/// <item>Sessions run on a clock 100× faster than real time: the test hands every <c>new BreathPacer()</c> in a block
/// a fast <see cref="TimeProvider"/>; a block must finish within 18 s of real time.</item>
/// <item>A block that cannot run alone starts with <c>// fragment: &lt;scaffold&gt;</c>, naming one of
/// <see cref="ReadmeProgram.Scaffolds"/> (<c>services</c>, <c>pacer</c>); it is compiled and run inside that scaffold.</item>
/// </list>
/// Each block is its own test case, named by its file and line.
/// </summary>
[Collection(nameof(ConsoleOutput))]
public class ReadmeSnippetTests
{
    private static readonly string Root = InMemoryCompilation.RepositoryRoot;

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var block in ReadmeBlock.All(Root))
        {
            data.Add(block.File, block.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task Block_CompilesRunsAndPrintsWhatItPromises(string file, int line)
    {
        var block = ReadmeBlock.All(Root).Single(b => b.File == file && b.Line == line);

        var output = ReadmeBlock.OutputLines(await ReadmeProgram.RunAsync(block));

        ReadmeBlock.Keeps(block.Promises, output).Should().BeTrue(
            $"{block} promises (// prints:)\n  {string.Join("\n  ", block.Promises)}\nand printed\n  {string.Join("\n  ", output)}\n");
    }

    [Fact]
    public void Blocks_AreEveryCSharpFenceOfEveryReadme()
    {
        // Counted independently of the parser, so a block the parser skipped (and so never ran) fails here.
        var fences = ReadmeBlock.Files(Root)
            .Sum(f => File.ReadAllLines(Path.Combine(Root, f)).Count(l => Regex.IsMatch(l, @"^\s*```+\s*(csharp|cs|c#)\s*$")));

        ReadmeBlock.Files(Root).Should().Contain(["README.md", "samples/README.md", "samples/BreathPacing.Console/README.md", "samples/BreathPacing.Web/README.md"]);
        ReadmeBlock.All(Root).Should().HaveCount(fences).And.HaveCountGreaterThanOrEqualTo(6);
    }

    [Fact]
    public void Extraction_FindsIndentedBlocksWithTheirFirstLine()
    {
        const string markdown = "# Title\n\n- a list item:\n\n  ```csharp\n  using BreathPacing;\n  Console.WriteLine(1); // prints: 1\n  ```\n\n```bash\necho no\n```\n";

        ReadmeBlock.In("x.md", markdown).Should().Equal(new ReadmeBlock("x.md", 6, "using BreathPacing;\nConsole.WriteLine(1); // prints: 1\n"));
    }

    [Theory]
    [InlineData(new[] { "a", "b" }, new[] { "a", "b" }, true)]
    [InlineData(new[] { "a", "b" }, new[] { "a", "b", "c" }, false)]
    [InlineData(new[] { "a", "b" }, new[] { "b", "a" }, false)]
    [InlineData(new[] { "a", "…", "d" }, new[] { "a", "b", "c", "d" }, true)]
    [InlineData(new[] { "a", "…", "d" }, new[] { "a", "d" }, true)]
    [InlineData(new[] { "a", "…" }, new[] { "a", "d" }, true)]
    [InlineData(new[] { "a", "…", "d" }, new[] { "a", "b" }, false)]
    [InlineData(new[] { "Warning x: 30 breaths …" }, new[] { "Warning x: 30 breaths per minute." }, true)]
    [InlineData(new[] { "Warning x: 30 breaths …" }, new[] { "Warning x: 20 breaths per minute." }, false)]
    [InlineData(new[] { "1.5 (x)" }, new[] { "1x5 (x)" }, false)]
    [InlineData(new string[0], new string[0], true)]
    [InlineData(new string[0], new[] { "unpromised" }, false)]
    public void Keeps_MatchesPromisesLineByLineWithElisions(string[] promises, string[] output, bool kept) =>
        ReadmeBlock.Keeps(promises, output).Should().Be(kept);

    [Fact]
    public void Promises_AreThePrintsCommentsInOrder_NotTextInStrings()
    {
        var block = new ReadmeBlock("x.md", 1, "Console.WriteLine(\"// prints: no\"); // prints: // prints: no\n// prints: …\n// not a promise\n");

        block.Promises.Should().Equal("// prints: no", "…");
    }

    [Fact]
    public async Task Run_ABlockThatDoesNotCompile_NamesItsReadmeLine()
    {
        var block = new ReadmeBlock("planted.md", 40, "using BreathPacing;\n\nvar pattern = BreathPattern.Create(\"x\").Inhale(TimeSpan.FromSeconds(4)).Bulid();\n");

        var run = () => ReadmeProgram.RunAsync(block);

        (await run.Should().ThrowAsync<ReadmeBlockException>())
            .WithMessage("planted.md:40: the ```csharp block does not compile as written:*planted.md(42,*CS1061*Bulid*");
    }

    [Fact]
    public async Task Run_ABlockWithoutItsUsing_DoesNotCompile()
    {
        var block = new ReadmeBlock("planted.md", 1, "var timeline = new BreathTimeline(BreathingTechniques.OceansBreath());\n");

        var run = () => ReadmeProgram.RunAsync(block);

        (await run.Should().ThrowAsync<ReadmeBlockException>()).WithMessage("*CS0246*BreathTimeline*");
    }

    [Fact]
    public async Task Run_ASessionLeftRunning_FailsForPrintingAfterTheEnd()
    {
        var block = new ReadmeBlock("planted.md", 1, """
            using BreathPacing;

            var session = new BreathPacer().Start(BreathingTechniques.OceansBreath(), SessionLength.Cycles(1));
            session.Events.Subscribe(e => Console.WriteLine(e.Kind));
            """);

        var run = () => ReadmeProgram.RunAsync(block);

        (await run.Should().ThrowAsync<ReadmeBlockException>()).WithMessage("planted.md:1: *printed after its program had ended*");
    }

    [Fact]
    public async Task Run_ANewBreathPacer_RunsOnTheFastClock()
    {
        // Two 4 s + 6 s cycles: 20 s of session time in well under the 18 s limit, and its offsets are the ideal ones.
        var block = new ReadmeBlock("planted.md", 1, """
            using System.Reactive.Linq;
            using BreathPacing;

            var calm = BreathPattern.Create("calm").Inhale(TimeSpan.FromSeconds(4)).Exhale(TimeSpan.FromSeconds(6)).Build();
            var end = await new BreathPacer().Pace(calm, SessionLength.Cycles(2)).LastAsync();
            Console.WriteLine(end.Offset);
            """);

        var started = TimeProvider.System.GetTimestamp();
        var output = await ReadmeProgram.RunAsync(block);

        output.Trim().Should().Be("00:00:20");
        TimeProvider.System.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Run_AnUnknownFragment_NamesTheKnownScaffolds()
    {
        var block = new ReadmeBlock("planted.md", 7, "// fragment: database\nusing BreathPacing;\n");

        var run = () => ReadmeProgram.RunAsync(block);

        (await run.Should().ThrowAsync<ReadmeBlockException>())
            .WithMessage("planted.md:7: the ```csharp block names the unknown scaffold 'database'*known: 'pacer' (*), 'services' (*)*");
    }

    [Fact]
    public async Task Run_AServicesFragment_ResolvesWhatItRegisters()
    {
        // The scaffold resolves every registration, so a registration that cannot be built fails the block.
        var broken = new ReadmeBlock("planted.md", 3, """
            // fragment: services
            using Microsoft.Extensions.DependencyInjection;

            services.AddSingleton<IDisposable, MemoryStream>();
            services.AddSingleton<Uri>();
            """);

        var run = () => ReadmeProgram.RunAsync(broken);

        (await run.Should().ThrowAsync<ReadmeBlockException>()).WithMessage("planted.md:3: *threw*System.Uri*");
    }

    [Fact]
    public void Readme_RunItCommands_AreTheOnesCiRunsAsWritten()
    {
        // README's "Run it" block holds the two commands a newcomer types; CI proves them by running them unchanged.
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        var runIt = Regex.Match(readme, @"## Run it\n+```bash\n(?<body>.*?)\n```", RegexOptions.Singleline).Groups["body"].Value;
        var commands = runIt.Split('\n').Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToList();
        var ci = File.ReadAllLines(Path.Combine(Root, ".ci", "run")).Select(l => l.Trim()).Where(l => !l.StartsWith('#')).ToList();

        commands.Should().Equal("dotnet run --project samples/BreathPacing.Console", "dotnet test BreathPacing.sln");
        foreach (var command in commands)
        {
            // Only a time limit may come before it, and only redirections or a pipe after it.
            ci.Should().Contain(
                l => Regex.IsMatch(l, $@"^(timeout \d+ )?{Regex.Escape(command)}( *$| +[|<>2])"),
                $".ci/run runs the README's command `{command}` as written");
        }

        var testCommand = commands.Single(c => c.StartsWith("dotnet test ", StringComparison.Ordinal));
        ci.Where(l => Regex.IsMatch(l, @"^(\w+=\S* |timeout \d+ )*dotnet test\b"))
            .Should().OnlyContain(l => Regex.IsMatch(l, $@"^{Regex.Escape(testCommand)}( *$| +[|<>2])"), "CI runs the tests only the README's way");
    }

    [Fact]
    public void Readme_Install_SaysHowToGetThePackageToday()
    {
        // The package is not on nuget.org yet: the README gives the commands that work, packing into a folder feed.
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        var install = readme[readme.IndexOf("## Install\n", StringComparison.Ordinal)..readme.IndexOf("## Quick start\n", StringComparison.Ordinal)];

        install.Should().Contain("dotnet add package BreathPacing")
            .And.Contain("not on nuget.org yet")
            .And.Contain("dotnet pack src/BreathPacing -c Release -o \"$HOME/breathpacing-feed\"")
            .And.Contain("dotnet nuget add source \"$HOME/breathpacing-feed\"");
    }
}

[CollectionDefinition(nameof(ConsoleOutput), DisableParallelization = true)]
public sealed class ConsoleOutput;
