using System.Globalization;
using BreathPacing.Grounding;
using BreathPacing.Tests.Support;

namespace BreathPacing.Tests.Grounding;

/// <summary>A host showing the cue for each engine event, with the real engine under virtual time.</summary>
public class GroundingCueEventTests
{
    private static readonly GroundingCatalog Catalog = GroundingCatalog.Default;

    private static List<(TimeSpan At, BreathEvent Event, string? Text)> RunOneSession(BreathPattern pattern, int cycles, IGroundingCatalog catalog, CultureInfo? culture = null)
    {
        var time = new VirtualTime();
        var pacer = new BreathPacer();
        using var recorder = time.Record(pacer.Pace(pattern, SessionLength.Cycles(cycles), time.Scheduler));
        time.AdvanceBy(TimeSpan.FromMinutes(5));
        recorder.CompletedAt.Should().NotBeNull();
        return recorder.Values.Select(v => (v.At, v.Value, v.Value.CueKey is { } key ? catalog.GetCueText(key, culture) : null)).ToList();
    }

    [Fact]
    public void GetCueText_ThreePartSession_ShowsEachRegionsCueWhenItsSegmentStarts()
    {
        var shown = RunOneSession(BreathingTechniques.ThreePartBreath(), 1, Catalog)
            .Where(e => e.Event is SegmentStarted)
            .ToList();

        string Cue(string key) => Catalog.GetCueText(key)!;
        shown.Select(e => e.Text).Should().Equal(
            Cue(CueKeys.ThreePartInhaleLowerBelly),
            Cue(CueKeys.ThreePartInhaleUpperBelly),
            Cue(CueKeys.ThreePartInhaleChest),
            Cue(CueKeys.ThreePartExhaleChest),
            Cue(CueKeys.ThreePartExhaleUpperBelly),
            Cue(CueKeys.ThreePartExhaleLowerBelly));
        var thirds = new[] { 0, 1, 2, 3, 4, 5 }.Select(i => TimeSpan.FromSeconds(i * 4.0 / 3)).ToList();
        shown.Select(e => e.At).Zip(thirds).Should().OnlyContain(p => (p.First - p.Second).Duration() <= TimeSpan.FromTicks(1));
        shown[0].Text.Should().Contain("lower belly");
        shown[5].Text.Should().Contain("core");
    }

    [Fact]
    public void GetCueText_ThreePartSession_ShowsThePhaseCueWhenEachPhaseStarts()
    {
        var phases = RunOneSession(BreathingTechniques.ThreePartBreath(), 2, Catalog)
            .Where(e => e.Event is PhaseStarted)
            .Select(e => (e.At.TotalSeconds, e.Text))
            .ToList();

        var inhale = Catalog.GetCueText(CueKeys.ThreePartInhale);
        var exhale = Catalog.GetCueText(CueKeys.ThreePartExhale);
        phases.Should().Equal((0d, inhale), (4d, exhale), (8d, inhale), (12d, exhale));
    }

    [Fact]
    public void GetCueText_OceanSession_ShowsTheWaveSoundCueWhenTheExhaleStarts()
    {
        var phases = RunOneSession(BreathingTechniques.OceansBreath(), 1, Catalog)
            .Where(e => e.Event is PhaseStarted)
            .ToList();

        phases.Select(p => p.At).Should().Equal(TimeSpan.Zero, TimeSpan.FromSeconds(4));
        phases[0].Text.Should().Contain("nose");
        phases[1].Text.Should().Contain("soft wave").And.Contain("fogging a mirror");
    }

    [Fact]
    public void GetCueText_EventsOtherThanPhaseOrSegmentStarts_ReturnNull()
    {
        var others = RunOneSession(BreathingTechniques.OceansBreath(), 2, Catalog)
            .Where(e => e.Event is not (PhaseStarted or SegmentStarted))
            .ToList();

        others.Select(e => e.Event.Kind).Should().Contain([BreathEventKind.SessionStarted, BreathEventKind.CycleCompleted, BreathEventKind.SessionCompleted]);
        others.Should().OnlyContain(e => e.Text == null);
    }

    [Fact]
    public void GetCueText_SegmentWithoutCue_FallsBackToThePhaseCue()
    {
        var pattern = BreathPattern.Create("partly cued")
            .Inhale(TimeSpan.FromSeconds(2), Airway.Nose, CueKeys.ThreePartInhale, s => s
                .Add(BodyRegions.LowerBelly, 0.5, CueKeys.ThreePartInhaleLowerBelly)
                .Add(BodyRegions.Chest, 0.5))
            .Exhale(TimeSpan.FromSeconds(2))
            .Build();

        var shown = RunOneSession(pattern, 1, Catalog)
            .Where(e => e.Event is PhaseStarted or SegmentStarted)
            .Select(e => e.Text)
            .ToList();

        shown.Should().Equal(
            Catalog.GetCueText(CueKeys.ThreePartInhale),
            Catalog.GetCueText(CueKeys.ThreePartInhaleLowerBelly),
            Catalog.GetCueText(CueKeys.ThreePartInhale),
            null);
    }

    [Fact]
    public void GetCueText_CustomPatternWithItsOwnCueKeys_ResolvesTextsAddedToTheCatalog()
    {
        var catalog = GroundingCatalog.Create(b => b
            .AddText("en", "box.in", "In for four.")
            .AddText("de", "box.in", "Vier Sekunden ein."));
        var box = BreathPattern.Create("box")
            .Inhale(TimeSpan.FromSeconds(4), cueKey: "box.in")
            .HoldAfterInhale(TimeSpan.FromSeconds(4))
            .Exhale(TimeSpan.FromSeconds(4))
            .HoldAfterExhale(TimeSpan.FromSeconds(4))
            .Build();

        var english = RunOneSession(box, 1, catalog).Where(e => e.Event is PhaseStarted).Select(e => e.Text);
        var german = RunOneSession(box, 1, catalog, CultureInfo.GetCultureInfo("de-CH")).Where(e => e.Event is PhaseStarted).Select(e => e.Text);

        english.Should().Equal("In for four.", null, null, null);
        german.Should().Equal("Vier Sekunden ein.", null, null, null);
    }

    [Fact]
    public void GetCueText_NullKey_Throws() =>
        FluentActions.Invoking(() => Catalog.GetCueText(null!)).Should().Throw<ArgumentNullException>().WithParameterName("cueKey");
}
