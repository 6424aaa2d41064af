using System.Reflection;
using BreathPacing.Grounding;

namespace BreathPacing.Tests.Grounding;

/// <summary>The built-in content is complete and says what the source article says (in the project's own words).</summary>
public class GroundingContentTests
{
    private static readonly GroundingCatalog Catalog = GroundingCatalog.Default;

    private static GroundingTechnique ThreePart => Catalog.Find(BreathingTechniques.ThreePartBreathId)!;

    private static GroundingTechnique Ocean => Catalog.Find(BreathingTechniques.OceansBreathId)!;

    public static TheoryData<string> TechniqueIds => [BreathingTechniques.ThreePartBreathId, BreathingTechniques.OceansBreathId];

    [Fact]
    public void Techniques_BuiltIn_AreThreePartThenOceansBreath()
    {
        Catalog.Techniques.Select(t => t.Id).Should().Equal(BreathingTechniques.ThreePartBreathId, BreathingTechniques.OceansBreathId);
        Catalog.Techniques.Select(t => t.Name).Should().Equal("Three-Part Breath", "Ocean's Breath");
    }

    [Theory]
    [MemberData(nameof(TechniqueIds))]
    public void Technique_BuiltIn_HasSummaryStepsVisualisationCautionsAndTiming(string id)
    {
        var technique = Catalog.Find(id)!;

        technique.Summary.Should().NotBeNullOrWhiteSpace();
        technique.Steps.Should().HaveCountGreaterThanOrEqualTo(3).And.OnlyContain(s => !string.IsNullOrWhiteSpace(s));
        technique.Steps.Should().OnlyHaveUniqueItems();
        technique.Visualisation.Should().NotBeNullOrWhiteSpace();
        technique.Cautions.Should().NotBeEmpty().And.OnlyContain(c => !string.IsNullOrWhiteSpace(c));
        technique.TimingGuidance.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(TechniqueIds))]
    public void Technique_SourceIds_ResolveToSources(string id)
    {
        var technique = Catalog.Find(id)!;

        technique.SourceIds.Should().NotBeEmpty();
        technique.SourceIds.Select(Catalog.FindSource).Should().NotContainNulls();
    }

    [Theory]
    [MemberData(nameof(TechniqueIds))]
    public void Technique_Cues_CoverEveryPhaseAndSegmentOfTheDefaultPattern(string id)
    {
        var technique = Catalog.Find(id)!;
        var expected = new List<(int Phase, int? Segment, string Key)>();
        for (var p = 0; p < technique.DefaultPattern.Phases.Length; p++)
        {
            var phase = technique.DefaultPattern.Phases[p];
            phase.CueKey.Should().NotBeNull($"phase {p} of {id} should carry a cue key");
            expected.Add((p, null, phase.CueKey!));
            for (var s = 0; s < phase.Segments.Length; s++)
            {
                phase.Segments[s].CueKey.Should().NotBeNull($"segment {s} of phase {p} of {id} should carry a cue key");
                expected.Add((p, s, phase.Segments[s].CueKey!));
            }
        }

        technique.Cues.Select(c => (c.PhaseIndex, c.SegmentIndex, c.Key)).Should().Equal(expected);
        technique.Cues.Should().OnlyContain(c => !string.IsNullOrWhiteSpace(c.Text) && c.Text == Catalog.GetCueText(c.Key, null));
    }

    [Fact]
    public void CueKeys_EveryConstant_ResolvesToText()
    {
        var keys = typeof(CueKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        keys.Should().HaveCount(10);
        keys.Should().OnlyContain(k => !string.IsNullOrWhiteSpace(Catalog.GetCueText(k, null)));
    }

    public static TheoryData<string, BreathPattern> BuiltInPatterns => new()
    {
        { "three-part default", BreathingTechniques.ThreePartBreath() },
        { "three-part progressing", BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { StartSeconds = 5, Progress = true }) },
        { "ocean default", BreathingTechniques.OceansBreath() },
        { "ocean long exhale", BreathingTechniques.OceansBreath(new OceansBreathOptions { StartSeconds = 5, ExhaleRatio = 2 }) },
    };

    [Theory]
    [MemberData(nameof(BuiltInPatterns))]
    public void BuiltInPattern_EveryPhaseAndSegmentCueKey_ResolvesToText(string label, BreathPattern pattern)
    {
        var keys = pattern.Phases
            .SelectMany(phase => phase.Segments.Select(s => s.CueKey).Prepend(phase.CueKey))
            .ToList();

        keys.Should().NotContainNulls(label);
        keys.Should().OnlyContain(k => !string.IsNullOrWhiteSpace(Catalog.GetCueText(k!, null)), label);
    }

    [Fact]
    public void ThreePart_Steps_NameTheThreeRegionsAndTheirOrder()
    {
        var steps = string.Join(" ", ThreePart.Steps);

        steps.Should().Contain("navel").And.Contain("rib cage").And.Contain("chest");
        ThreePart.Steps.Should().Contain(s => s.Contains("colour", StringComparison.OrdinalIgnoreCase));
        ThreePart.Steps.Should().Contain(s => s.Contains("core", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ThreePart_Visualisation_ColoursTheBreath()
    {
        ThreePart.Visualisation.Should().Contain("Colour your breath");
        ThreePart.Visualisation.Should().Contain("lower belly").And.Contain("upper belly").And.Contain("chest");
    }

    [Fact]
    public void ThreePart_InhaleCues_FillLowerBellyThenUpperBellyThenChest()
    {
        var inhale = ThreePart.Cues.Where(c => c.PhaseKind == BreathPhaseKind.Inhale && c.SegmentIndex is not null).ToList();

        inhale.Select(c => c.Region).Should().Equal(BodyRegions.LowerBelly, BodyRegions.UpperBelly, BodyRegions.Chest);
        inhale[0].Text.Should().Contain("lower belly").And.Contain("below the navel");
        inhale[1].Text.Should().Contain("upper belly").And.Contain("rib cage");
        inhale[2].Text.Should().Contain("chest");
    }

    [Fact]
    public void ThreePart_ExhaleCues_EmptyChestFirstAndDrawTheCoreIn()
    {
        var exhale = ThreePart.Cues.Where(c => c.PhaseKind == BreathPhaseKind.Exhale).ToList();

        exhale.Where(c => c.SegmentIndex is not null).Select(c => c.Region)
            .Should().Equal(BodyRegions.Chest, BodyRegions.UpperBelly, BodyRegions.LowerBelly);
        exhale.Should().HaveCount(4).And.OnlyContain(c => c.Text.Contains("core", StringComparison.Ordinal));
    }

    [Fact]
    public void ThreePart_Timing_StartsAtFourToFiveSecondsAndWorksUpToTen()
    {
        ThreePart.TimingGuidance.Should().Contain("4 to 5 seconds").And.Contain("10 seconds");
        ThreePart.Cautions.Should().Contain(c => c.Contains("dizzy", StringComparison.Ordinal));
    }

    [Fact]
    public void ThreePart_Options_MatchTheTimingGuidance()
    {
        ThreePart.Technique.OptionsType.Should().Be<ThreePartBreathOptions>();
        var options = ThreePart.DefaultOptions.Should().BeOfType<ThreePartBreathOptions>().Subject;
        options.StartSeconds.Should().BeInRange(4, 5);
        options.TargetSeconds.Should().Be(10);
    }

    [Fact]
    public void Ocean_Cues_InhaleThroughTheNoseAndExhaleWithASoftWaveSound()
    {
        Ocean.Cues.Select(c => c.Key).Should().Equal(CueKeys.OceanInhale, CueKeys.OceanExhale);
        Ocean.Cues[0].Text.Should().Contain("nose");
        Ocean.Cues[1].Text.Should().Contain("throat").And.Contain("soft wave").And.Contain("fogging a mirror").And.Contain("longer");
    }

    [Fact]
    public void Ocean_Guidance_AsksForAnExhaleLongerThanTheInhale()
    {
        Ocean.Steps.Should().Contain(s => s.Contains("nose", StringComparison.Ordinal));
        Ocean.Steps.Should().Contain(s => s.Contains("longer than the inhale", StringComparison.Ordinal));
        Ocean.Visualisation.Should().Contain("mirror");
        Ocean.TimingGuidance.Should().Contain("longer than the inhale");
        Ocean.DefaultPattern.ExhaleDuration.Should().BeGreaterThan(Ocean.DefaultPattern.InhaleDuration);
        Ocean.Technique.OptionsType.Should().Be<OceansBreathOptions>();
    }

    [Fact]
    public void Ocean_Summary_NamesUjjayi()
    {
        Ocean.Summary.Should().Contain("ujjayi");
        Ocean.Aliases.Should().Contain("ujjayi");
    }

    [Fact]
    public void CreatePattern_WithOptions_MakesTheTechniquesPattern()
    {
        var options = new ThreePartBreathOptions { StartSeconds = 5 };

        ThreePart.CreatePattern(options).Should().Be(BreathingTechniques.ThreePartBreath(options));
        ThreePart.CreatePattern().Should().Be(ThreePart.DefaultPattern);
        Ocean.CreatePattern(new OceansBreathOptions { ExhaleRatio = 2 }).ExhaleDuration.Should().Be(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void CreatePattern_OptionsOfAnotherTechnique_ThrowsNamingTheTypes()
    {
        var act = () => ThreePart.CreatePattern(new OceansBreathOptions());

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "options")
            .WithMessage("*three-part-breath*ThreePartBreathOptions*OceansBreathOptions*");
    }

    [Fact]
    public void CreatePattern_OptionOutOfRange_ThrowsNamingTheOption()
    {
        var act = () => Ocean.CreatePattern(new OceansBreathOptions { ExhaleRatio = 0.5 });

        act.Should().Throw<InvalidBreathPatternException>().WithMessage("*exhaleRatio*");
    }

    [Fact]
    public void SelfCareRoutines_AreTheFiveTheArticleNames()
    {
        Catalog.SelfCareRoutines.Select(r => r.Id).Should().Equal(
            "mindful-food-choices", "stretching-or-yoga", "stroll", "reading", "essential-oil-aromas");
        Catalog.SelfCareRoutines.Should().OnlyContain(r => !string.IsNullOrWhiteSpace(r.Name) && !string.IsNullOrWhiteSpace(r.Description));
        Catalog.SelfCareRoutines.SelectMany(r => r.SourceIds).Select(Catalog.FindSource).Should().NotContainNulls();

        var text = Catalog.SelfCareRoutines.Select(r => $"{r.Name} {r.Description}").ToList();
        text[0].Should().Contain("food");
        text[1].Should().Contain("stretching").And.Contain("yoga");
        text[2].Should().Contain("walk");
        text[3].Should().Contain("book");
        text[4].Should().Contain("essential oil");
    }

    [Fact]
    public void Guide_PurposeAndAudience_ArePractitionersGroundingThemselvesAgainstBurnout()
    {
        Catalog.Guide.Purpose.Should().Contain("burnout").And.Contain("practitioner");
        Catalog.Guide.Audience.Should().Contain("massage therapists").And.Contain("trauma");
        Catalog.Guide.Title.Should().NotBeNullOrWhiteSpace();
        Catalog.Guide.Background.Should().NotBeNullOrWhiteSpace();
        Catalog.Guide.SourceIds.Should().BeEquivalentTo(Catalog.Sources.Select(s => s.Id));
    }

    [Fact]
    public void Sources_Studies_AreCitedByAuthorsAndYearOnly()
    {
        var studies = Catalog.Sources.Where(s => s.Kind == SourceKind.Study).ToList();

        studies.Select(s => s.Citation).Should().Equal(
            "Collinge, Kahn & Soltysik (2012)",
            "Price (2005)",
            "Field, Hernandez-Reif, Diego, Schanberg & Kuhn (2005)",
            "Hatayama, Kitamura, Tamura, Nagano & Ohnuki (2008)");
        studies.Should().OnlyContain(s => s.Title == null && s.Site == null && s.Url == null && s.Published == null,
            "the article gives no titles, journals or addresses for the studies, so none may be invented");
        studies.Should().OnlyContain(s => s.Note.StartsWith("The article cites this study", StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_Article_HasItsTitleSiteAuthorAndPublicationDate()
    {
        var article = Catalog.Sources.Single(s => s.Kind == SourceKind.Article);

        article.Title.Should().Be("Emotional Trauma Release Massage - Grounding Techniques");
        article.Site.Should().Be("spinal-injury.net");
        article.Url.Should().Be(new Uri("https://spinal-injury.net/emotional-trauma-release-massage/"));
        article.Authors.Should().Equal("Dr. Bill Butcher");
        article.Year.Should().Be(2022);
        article.Published.Should().Be(new DateTimeOffset(2022, 10, 5, 0, 34, 52, 810, TimeSpan.Zero));
        article.Citation.Should().Be("Dr. Bill Butcher (2022-10-05). Emotional Trauma Release Massage - Grounding Techniques. spinal-injury.net. https://spinal-injury.net/emotional-trauma-release-massage/");
    }

    [Fact]
    public void Sources_Ids_AreUniqueAndNotesPresent()
    {
        Catalog.Sources.Should().HaveCount(5);
        Catalog.Sources.Select(s => s.Id).Should().OnlyHaveUniqueItems();
        Catalog.Sources.Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.Note));
    }

    [Fact]
    public void EnglishTexts_EveryKey_IsUsedByTheCatalog()
    {
        // A key nobody reads is content that silently never shows; catch it.
        var used = new HashSet<string>(StringComparer.Ordinal)
        {
            GroundingTextKeys.GuideTitle, GroundingTextKeys.GuidePurpose, GroundingTextKeys.GuideAudience, GroundingTextKeys.GuideBackground,
        };
        foreach (var t in Catalog.Techniques)
        {
            used.UnionWith([GroundingTextKeys.TechniqueName(t.Id), GroundingTextKeys.TechniqueSummary(t.Id), GroundingTextKeys.TechniqueVisualisation(t.Id), GroundingTextKeys.TechniqueTiming(t.Id)]);
            used.UnionWith(t.Steps.Select((_, i) => GroundingTextKeys.TechniqueStep(t.Id, i + 1)));
            used.UnionWith(t.Cautions.Select((_, i) => GroundingTextKeys.TechniqueCaution(t.Id, i + 1)));
            used.UnionWith(t.Cues.Select(c => c.Key));
        }

        used.UnionWith(Catalog.SelfCareRoutines.SelectMany(r => new[] { GroundingTextKeys.RoutineName(r.Id), GroundingTextKeys.RoutineDescription(r.Id) }));
        used.UnionWith(Catalog.Sources.Select(s => GroundingTextKeys.SourceNote(s.Id)));
        used.UnionWith(Practice.PracticeTextTests.AllKeys()); // the practice types hand these keys to hosts

        DictionaryGroundingTextProvider.English.Texts.Keys.Should().BeEquivalentTo(used);
        DictionaryGroundingTextProvider.English.Culture.Name.Should().Be("en");
    }
}
