using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Sessions;
using BreathPacing.ConsoleHost.Tests.Support;

namespace BreathPacing.ConsoleHost.Tests.Sessions;

public class SessionPlannerTests
{
    private readonly SessionPlanner _planner = new(GuidanceContent.Default, path => throw new FileNotFoundException("not found", path));

    [Fact]
    public void FromOptions_Nothing_IsThreePartBreathForTheDefaultCycles()
    {
        var plan = _planner.FromOptions(CommandLineOptions.Default, defaultCycles: 3);

        plan.Technique!.Id.Should().Be(BreathingTechniques.ThreePartBreathId);
        plan.Length.Should().Be(SessionLength.Cycles(3));
        plan.Timeline.TotalDuration.Should().Be(TimeSpan.FromSeconds(24));
    }

    [Fact]
    public void FromOptions_Seconds_SetsTheStartingInhaleAndExhale()
    {
        var threePart = _planner.FromOptions(new CommandLineOptions { Technique = "three-part", Seconds = 5 }, 3);
        var ocean = _planner.FromOptions(new CommandLineOptions { Technique = "ocean", Seconds = 5 }, 3);

        threePart.Pattern.InhaleDuration.Should().Be(TimeSpan.FromSeconds(5));
        threePart.Pattern.ExhaleDuration.Should().Be(TimeSpan.FromSeconds(5));
        ocean.Pattern.InhaleDuration.Should().Be(TimeSpan.FromSeconds(5));
        ocean.Pattern.ExhaleDuration.Should().BeGreaterThan(TimeSpan.FromSeconds(5), "Ocean's Breath keeps its exhale longer");
    }

    [Fact]
    public void FromOptions_Progress_LengthensThreePartBreathTowardTenSeconds()
    {
        var plan = _planner.FromOptions(new CommandLineOptions { Technique = "three-part", Progress = true, Cycles = 60 }, 3);

        plan.Pattern.Progression!.Target.Should().Be(TimeSpan.FromSeconds(10));
        plan.Timeline.CycleDuration(59).Should().Be(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void FromOptions_Minutes_EndsOnAWholeCycleAfterThatLong()
    {
        var plan = _planner.FromOptions(new CommandLineOptions { Technique = "ocean", Minutes = 1.05 }, 3);

        plan.Timeline.TotalCycles.Should().Be(7);
        plan.Timeline.TotalDuration.Should().Be(TimeSpan.FromSeconds(70));
    }

    [Fact]
    public void FromOptions_NotationWithRepeatCount_TakesItsLengthUnlessCyclesAreGiven()
    {
        var own = _planner.FromOptions(new CommandLineOptions { Pattern = "5x 4-6" }, 3);
        var overridden = _planner.FromOptions(new CommandLineOptions { Pattern = "5x 4-6", Cycles = 2 }, 3);

        own.Length.Should().Be(SessionLength.Cycles(5));
        overridden.Length.Should().Be(SessionLength.Cycles(2));
        own.Title.Should().Be("Custom pattern 5x 4-6");
        own.Technique.Should().BeNull();
    }

    [Fact]
    public void FromOptions_GentlePattern_HasNoFindings()
    {
        _planner.FromOptions(new CommandLineOptions { Pattern = "4-6" }, 3).Findings.Should().BeEmpty();
        _planner.FromOptions(new CommandLineOptions { Technique = "ocean" }, 3).Findings.Should().BeEmpty();
    }

    [Fact]
    public void FromOptions_MalformedNotation_NamesTheOptionAndWhere()
    {
        var plan = () => _planner.FromOptions(new CommandLineOptions { Pattern = "4--6" }, 3);

        plan.Should().Throw<UsageException>().WithMessage("--pattern: cannot read \"4--6\": at character 3*");
    }

    [Fact]
    public void FromOptions_Progress_LengthensAnyTechnique()
    {
        var plan = _planner.FromOptions(new CommandLineOptions { Technique = "ocean", Progress = true, Cycles = 30 }, 3);

        plan.Pattern.Should().Be(BreathingTechniques.Ocean.CreatePattern(BreathingTechniques.Ocean.DefaultOptions with { Progress = true }));
        plan.Timeline.CycleDuration(29).Should().BeGreaterThan(plan.Timeline.CycleDuration(0));
    }

    [Fact]
    public void FromOptions_AppsOwnTechnique_IsMadeByTheTechniqueWithTheOptionsSettings()
    {
        var planner = new SessionPlanner(new GuidanceContent(SquareBreath.Catalog));

        var plan = planner.FromOptions(new CommandLineOptions { Technique = "square", Seconds = 3, Cycles = 2 }, 10);

        plan.Title.Should().Be(SquareBreath.Name);
        plan.Technique!.Id.Should().Be(SquareBreath.Id);
        plan.Pattern.Should().Be(SquareBreath.Technique.CreatePattern(SquareBreath.Technique.DefaultOptions with { StartSeconds = 3 }));
        plan.Timeline.TotalDuration.Should().Be(TimeSpan.FromSeconds(24));
    }

    [Fact]
    public void FromOptions_UnreadablePatternFile_NamesTheOptionAndPath()
    {
        var plan = () => _planner.FromOptions(new CommandLineOptions { PatternFile = "missing.json" }, 3);

        plan.Should().Throw<UsageException>().WithMessage("--pattern-file: cannot read \"missing.json\"*");
    }
}
