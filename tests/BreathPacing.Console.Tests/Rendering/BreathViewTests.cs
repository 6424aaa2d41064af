using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Rendering;
using BreathPacing.ConsoleHost.Sessions;
using Spectre.Console;
using Spectre.Console.Testing;

namespace BreathPacing.ConsoleHost.Tests.Rendering;

public class BreathViewTests
{
    private const int Width = 100;
    private const int Height = 30;
    private static readonly GuidanceContent Content = GuidanceContent.Default;

    // Three-Part Breath at 3 s each way: each region takes exactly 1 s of its phase.
    private readonly SessionPlan _threePart = Plan(new CommandLineOptions { Technique = "three-part", Seconds = 3, Cycles = 2 });
    private readonly SessionPlan _ocean = Plan(new CommandLineOptions { Technique = "ocean", Cycles = 1 });

    [Fact]
    public void FillOrder_ThreePartBreath_IsLowerBellyUpperBellyChest()
    {
        View(_threePart).FillOrder.Should().Equal(BodyRegions.LowerBelly, BodyRegions.UpperBelly, BodyRegions.Chest);
    }

    [Theory]
    [InlineData(0.0, 0, 0, 0)]     // start: empty
    [InlineData(0.5, 0, 0, 20)]    // inhale, half of the lower belly
    [InlineData(1.5, 0, 20, 40)]   // inhale, lower belly full, upper belly half
    [InlineData(2.75, 30, 40, 40)] // inhale, chest three quarters
    [InlineData(3.0, 40, 40, 40)]  // exhale starts full
    [InlineData(3.5, 20, 40, 40)]  // exhale empties the chest first
    [InlineData(4.5, 0, 20, 40)]   // then the upper belly
    [InlineData(5.75, 0, 0, 10)]   // the lower belly last
    public void Render_ThreePartAtPosition_FillsTheRegionsInOrder(double seconds, int chest, int upperBelly, int lowerBelly)
    {
        var lines = RenderLines(_threePart, seconds);

        var top = Row(lines, "chest");
        var middle = Row(lines, "upper belly");
        var bottom = Row(lines, "lower belly");
        top.Index.Should().BeLessThan(middle.Index, "the chest is drawn on top");
        middle.Index.Should().BeLessThan(bottom.Index, "the lower belly is drawn at the bottom");
        FullCells(top.Text).Should().Be(chest);
        FullCells(middle.Text).Should().Be(upperBelly);
        FullCells(bottom.Text).Should().Be(lowerBelly);
    }

    [Fact]
    public void Render_TwoInhalesPerCycle_ShowsEveryRegionAndFillsAsTheTimelineSays()
    {
        // A sip into the belly, then a second inhale into the chest; one exhale empties all three.
        var pattern = BreathPattern.Create("double inhale")
            .Inhale(TimeSpan.FromSeconds(2), segments: s => s.Add(BodyRegions.LowerBelly, 0.5).Add(BodyRegions.UpperBelly, 0.5))
            .Inhale(TimeSpan.FromSeconds(1), segments: s => s.Add(BodyRegions.Chest, 1))
            .Exhale(TimeSpan.FromSeconds(3), segments: s => s.AddEqual(BodyRegions.Chest, BodyRegions.UpperBelly, BodyRegions.LowerBelly))
            .Build();
        var plan = new SessionPlan(pattern, SessionLength.Cycles(2), technique: null, findings: []);
        var barWidth = BreathView.BarWidthFor(Width);

        View(plan).FillOrder.Should().Equal(BodyRegions.LowerBelly, BodyRegions.UpperBelly, BodyRegions.Chest);
        for (var seconds = 0.0; seconds < 12; seconds += 0.125)
        {
            var position = plan.Timeline.At(TimeSpan.FromSeconds(seconds));
            var lines = RenderLines(plan, seconds);
            foreach (var region in position.Regions)
            {
                var (filled, empty) = BreathView.Bar(position.FillOf(region), barWidth);
                Row(lines, Labels.Region(region)).Text.Should().Contain($"{filled}{empty}", $"the {Labels.Region(region)} bar at {seconds} s shows the library's fill");
            }
        }

        // What a person sees in the second inhale: the belly stays full while the chest fills.
        var secondInhale = RenderLines(plan, 2.5);
        FullCells(Row(secondInhale, "lower belly").Text).Should().Be(barWidth);
        FullCells(Row(secondInhale, "upper belly").Text).Should().Be(barWidth);
        FullCells(Row(secondInhale, "chest").Text).Should().Be(barWidth / 2);
    }

    [Fact]
    public void Render_MidSegment_DrawsAPartialCellAtTheEdgeOfTheFill()
    {
        var lines = RenderLines(_threePart, 0.51);

        // 0.51 of 40 cells is 20.4 cells: 20 full and one cell three eighths full.
        Row(lines, "lower belly").Text.Should().Contain(new string('█', 20) + "▍░");
    }

    [Fact]
    public void Render_WhileRunning_ShowsCycleProgressAndKeys()
    {
        var text = string.Join('\n', RenderLines(_threePart, 7.5));

        text.Should().Contain("Three-Part Breath  cycle 2/2");
        text.Should().Contain("63% · 00:07 / 00:12");
        text.Should().Contain("space pauses · q or Esc ends");
    }

    [Fact]
    public void Render_Paused_SaysSoAndHowToResume()
    {
        var text = string.Join('\n', RenderLines(_threePart, 2, BreathSessionState.Paused));

        text.Should().Contain("paused · space resumes · q ends");
    }

    [Fact]
    public void Render_SmallTerminal_ShowsThePhaseAndCountdownAsText()
    {
        var lines = RenderLines(_threePart, 1.5, height: 20);

        lines.Should().Contain(l => l.Trim() == "INHALE  2", "1.5 s of a 3 s inhale remain, shown rounded up");
    }

    [Fact]
    public void Render_LargeTerminal_ShowsThePhaseInLargeLetters()
    {
        var small = RenderLines(_threePart, 1.5, height: 20).Length;
        var large = RenderLines(_threePart, 1.5).Length;

        large.Should().BeGreaterThanOrEqualTo(small + 4, "large letters take several rows");
        large.Should().BeLessThanOrEqualTo(Height, "the whole view fits a 30-row terminal");
    }

    [Fact]
    public void Render_NarrowTerminal_ShortensTheBarsToFit()
    {
        var lines = RenderLines(_threePart, 3.0, width: 60);

        FullCells(Row(lines, "chest").Text).Should().Be(BreathView.BarWidthFor(60));
        lines.Should().OnlyContain(l => l.Length <= 60);
    }

    [Fact]
    public void Render_OceansBreath_DrawsAWaveThatSwellsWithTheLungs()
    {
        var empty = RenderLines(_ocean, 0.0);
        var full = RenderLines(_ocean, 3.95); // near the end of the inhale

        View(_ocean).ShowsRegions.Should().BeFalse();
        WaterCells(full).Should().BeGreaterThan(WaterCells(empty) * 3);
        string.Join('\n', full).Should().Contain("swell");
        string.Join('\n', RenderLines(_ocean, 7.0)).Should().Contain("ebb");
    }

    [Fact]
    public void WaveRows_AtEmptyAndFullLungs_KeepTheWaterLineLowOrHigh()
    {
        var timeline = _ocean.Timeline;

        var low = BreathView.WaveRows(timeline.At(TimeSpan.Zero), 30, BreathView.WaveHeight);
        var high = BreathView.WaveRows(timeline.At(TimeSpan.FromSeconds(4)), 30, BreathView.WaveHeight);

        low.Take(BreathView.WaveHeight - 2).Should().OnlyContain(r => string.IsNullOrWhiteSpace(r), "little water when the lungs are empty");
        high.Last().Should().Be(new string('█', 30), "the bottom is under water when the lungs are full");
        high.First().Should().NotBe(new string(' ', 30), "the crest reaches the top row");
    }

    [Fact]
    public void Bar_Fractions_FillInEighthsOfACell()
    {
        BreathView.Bar(0, 4).Should().Be((string.Empty, "░░░░"));
        BreathView.Bar(1, 4).Should().Be(("████", string.Empty));
        BreathView.Bar(0.5, 4).Should().Be(("██", "░░"));
        BreathView.Bar(0.125 / 4 * 3, 4).Should().Be(("▍", "░░░"));
    }

    private static SessionPlan Plan(CommandLineOptions options) => new SessionPlanner(Content).FromOptions(options, 1);


    private static BreathView View(SessionPlan plan) => new(plan, Color.Teal, Content);

    private static string[] RenderLines(SessionPlan plan, double seconds, BreathSessionState state = BreathSessionState.Running, int width = Width, int height = Height)
    {
        var console = new TestConsole().Width(width).Height(height);
        console.Write(View(plan).Render(plan.Timeline.At(TimeSpan.FromSeconds(seconds)), state, width, height));
        return console.Lines.Select(l => l.TrimEnd()).ToArray();
    }

    private static (int Index, string Text) Row(string[] lines, string label)
    {
        var index = Array.FindIndex(lines, l => l.Contains("│", StringComparison.Ordinal) && l.Contains("  " + label + "  ", StringComparison.Ordinal));
        index.Should().BeGreaterThanOrEqualTo(0, $"a row is labelled {label}");
        return (index, lines[index]);
    }

    private static int FullCells(string row) => row.Count(c => c == '█');

    private static int WaterCells(string[] lines) => lines.Sum(l => l.Count(c => c is '█' or '▁' or '▂' or '▃' or '▄' or '▅' or '▆' or '▇'));
}
