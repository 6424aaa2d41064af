using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BreathPacing.Grounding;

namespace BreathPacing.Tests.Grounding;

public class GroundingLocalisationTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");
    private static readonly CultureInfo Austrian = CultureInfo.GetCultureInfo("de-AT");
    private static readonly string OceanName = GroundingTextKeys.TechniqueName(BreathingTechniques.OceansBreathId);

    private static string English(string key) => DictionaryGroundingTextProvider.English.Texts[key];

    [Fact]
    public void Default_Culture_IsEnglish() => GroundingCatalog.Default.Culture.Name.Should().Be("en");

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    [InlineData("ja")]
    [InlineData("")]
    public void GetCueText_CultureWithoutTexts_FallsBackToEnglish(string culture) =>
        GroundingCatalog.Default.GetCueText(CueKeys.OceanExhale, CultureInfo.GetCultureInfo(culture))
            .Should().Be(English(CueKeys.OceanExhale));

    [Fact]
    public void GetCueText_SpecificCulture_FallsBackToItsNeutralCulture()
    {
        var catalog = GroundingCatalog.Create(b => b.AddText("de", CueKeys.OceanInhale, "Durch die Nase einatmen."));

        catalog.GetCueText(CueKeys.OceanInhale, Austrian).Should().Be("Durch die Nase einatmen.");
        catalog.GetCueText(CueKeys.OceanInhale, German).Should().Be("Durch die Nase einatmen.");
        catalog.GetCueText(CueKeys.OceanExhale, Austrian).Should().Be(English(CueKeys.OceanExhale), "a key the translation lacks falls back to English");
        catalog.GetCueText(CueKeys.OceanInhale, CultureInfo.GetCultureInfo("fr")).Should().Be(English(CueKeys.OceanInhale));
    }

    [Fact]
    public void GetCueText_SpecificCultureText_WinsOverTheNeutralOne()
    {
        var catalog = GroundingCatalog.Create(b => b
            .AddText("de", CueKeys.OceanInhale, "Einatmen.")
            .AddText("de-AT", CueKeys.OceanInhale, "Einatmen, bitte."));

        catalog.GetCueText(CueKeys.OceanInhale, Austrian).Should().Be("Einatmen, bitte.");
        catalog.GetCueText(CueKeys.OceanInhale, CultureInfo.GetCultureInfo("de-DE")).Should().Be("Einatmen.");
    }

    [Fact]
    public void Create_EnglishOverride_ReplacesOneEntryAndLeavesTheDefaultAlone()
    {
        var catalog = GroundingCatalog.Create(b => b.AddText("en", OceanName, "Ujjayi Breath"));

        catalog.Find("ocean")!.Name.Should().Be("Ujjayi Breath");
        catalog.Find("ocean")!.Steps.Should().Equal(GroundingCatalog.Default.Find("ocean")!.Steps);
        GroundingCatalog.Default.Find("ocean")!.Name.Should().Be("Ocean's Breath");
    }

    [Fact]
    public void Create_LastEntryForAKey_Wins()
    {
        var catalog = GroundingCatalog.Create(b => b.AddText("en", OceanName, "First").AddText(CultureInfo.GetCultureInfo("en"), OceanName, "Second"));

        catalog.Find("ocean")!.Name.Should().Be("Second");
    }

    [Fact]
    public void ForCulture_Translation_LocalisesTheTechniquesAndKeepsTheRestInEnglish()
    {
        var catalog = GroundingCatalog.Create(b => b.AddTexts(German, new Dictionary<string, string>
        {
            [OceanName] = "Ozeanatmung",
            [GroundingTextKeys.TechniqueStep(BreathingTechniques.OceansBreathId, 1)] = "Atme durch die Nase ein.",
            [CueKeys.OceanExhale] = "Kehle leicht verengen und lange ausatmen.",
        }));

        var austrian = catalog.ForCulture(Austrian);
        var ocean = austrian.Find("ujjayi")!;

        austrian.Culture.Name.Should().Be("de-AT");
        ocean.Name.Should().Be("Ozeanatmung");
        ocean.Steps[0].Should().Be("Atme durch die Nase ein.");
        ocean.Steps[1].Should().Be(English(GroundingTextKeys.TechniqueStep(BreathingTechniques.OceansBreathId, 2)));
        ocean.Cues.Single(c => c.Key == CueKeys.OceanExhale).Text.Should().Be("Kehle leicht verengen und lange ausatmen.");
        austrian.GetCueText(CueKeys.OceanExhale).Should().Be("Kehle leicht verengen und lange ausatmen.", "a null culture means the catalog's own");
        catalog.Find("ujjayi")!.Name.Should().Be("Ocean's Breath", "the catalog itself stays English");
    }

    [Fact]
    public void Create_UseCulture_SetsTheDisplayCulture()
    {
        var catalog = GroundingCatalog.Create(b => b.AddText("de", OceanName, "Ozeanatmung").UseCulture(Austrian));

        catalog.Culture.Name.Should().Be("de-AT");
        catalog.Techniques.Select(t => t.Name).Should().Equal("Three-Part Breath", "Ozeanatmung");
    }

    [Fact]
    public void ForCulture_SameCultureTwice_ReturnsTheSameView()
    {
        var catalog = GroundingCatalog.Default;

        catalog.ForCulture(German).Should().BeSameAs(catalog.ForCulture(CultureInfo.GetCultureInfo("DE")));
        catalog.ForCulture(German).ForCulture(Austrian).Should().BeSameAs(catalog.ForCulture(Austrian));
        catalog.ForCulture(CultureInfo.GetCultureInfo("en")).Should().BeSameAs(catalog);
    }

    [Fact]
    public void ForCulture_WithoutTranslation_HasContentEqualToTheEnglish()
    {
        var view = GroundingCatalog.Default.ForCulture(CultureInfo.GetCultureInfo("en-GB"));

        view.Should().NotBeSameAs(GroundingCatalog.Default);
        view.Techniques.Should().Equal(GroundingCatalog.Default.Techniques);
        view.Guide.Should().Be(GroundingCatalog.Default.Guide);
    }

    [Fact]
    public void AddProvider_Provider_IsAskedBeforeTheBuiltInEnglish()
    {
        var provider = new StubProvider("de", (OceanName, "Ozeanatmung"));
        var catalog = GroundingCatalog.Create(b => b.AddProvider(provider));

        catalog.GetText(OceanName, Austrian).Should().Be("Ozeanatmung");
        provider.Asked.Should().Contain(("de-AT", OceanName)).And.Contain(("de", OceanName));
    }

    [Fact]
    public void AddProvider_Precedence_EntriesThenNewestProviderThenOlderProviders()
    {
        var older = new StubProvider("en", (OceanName, "older"), (CueKeys.OceanInhale, "older inhale"), (CueKeys.OceanExhale, "older exhale"));
        var newer = new StubProvider("en", (OceanName, "newer"), (CueKeys.OceanInhale, "newer inhale"));
        var catalog = GroundingCatalog.Create(b => b
            .AddProvider(older)
            .AddProvider(newer)
            .AddText("en", OceanName, "entry"));

        catalog.GetText(OceanName).Should().Be("entry");
        catalog.GetText(CueKeys.OceanInhale).Should().Be("newer inhale");
        catalog.GetText(CueKeys.OceanExhale).Should().Be("older exhale");
    }

    [Fact]
    public void AddProvider_BlankText_CountsAsMissing()
    {
        var catalog = GroundingCatalog.Create(b => b.AddProvider(new StubProvider("en", (OceanName, "  "))));

        catalog.Find("ocean")!.Name.Should().Be("Ocean's Breath");
    }

    [Fact]
    public void AddText_InvariantCulture_ThrowsNamingTheCulture() =>
        FluentActions.Invoking(() => GroundingCatalog.Create(b => b.AddText(CultureInfo.InvariantCulture, OceanName, "x")))
            .Should().Throw<ArgumentException>().WithParameterName("culture").WithMessage("*invariant*");

    [Fact]
    public void AddText_BlankKey_ThrowsNamingTheKey() =>
        FluentActions.Invoking(() => GroundingCatalog.Create(b => b.AddText("de", " ", "x")))
            .Should().Throw<ArgumentException>().WithParameterName("key");

    [Fact]
    public void AddText_BlankText_ThrowsNamingTheKey() =>
        FluentActions.Invoking(() => GroundingCatalog.Create(b => b.AddText("de", OceanName, "")))
            .Should().Throw<ArgumentException>().WithParameterName("text").WithMessage($"*'{OceanName}'*");

    [Fact]
    public void AddText_UnknownCultureName_Throws() =>
        FluentActions.Invoking(() => GroundingCatalog.Create(b => b.AddText("not a culture!", OceanName, "x")))
            .Should().Throw<CultureNotFoundException>();

    [Fact]
    public void AddTexts_BlankEntry_ThrowsNamingTheKey() =>
        FluentActions.Invoking(() => GroundingCatalog.Create(b => b.AddTexts(German, new Dictionary<string, string> { [OceanName] = "Ozeanatmung", [CueKeys.OceanExhale] = " " })))
            .Should().Throw<ArgumentException>().WithParameterName("texts").WithMessage($"*'{CueKeys.OceanExhale}'*");

    [Fact]
    public void Builder_UsedAfterTheCatalogIsMade_Throws()
    {
        GroundingCatalogBuilder? captured = null;
        GroundingCatalog.Create(b => captured = b);

        FluentActions.Invoking(() => captured!.AddText("de", OceanName, "Ozeanatmung"))
            .Should().Throw<InvalidOperationException>().WithMessage("*already*");
    }

    [Fact]
    public void DictionaryProvider_DuplicateKey_ThrowsNamingIt() =>
        FluentActions.Invoking(() => new DictionaryGroundingTextProvider(German, [new(OceanName, "a"), new(OceanName, "b")]))
            .Should().Throw<ArgumentException>().WithParameterName("texts").WithMessage($"*'{OceanName}'*more than once*");

    [Fact]
    public void DictionaryProvider_OtherCulture_AnswersNothing()
    {
        var provider = new DictionaryGroundingTextProvider(German, [new(OceanName, "Ozeanatmung")]);

        provider.TryGetText(OceanName, German, out var text).Should().BeTrue();
        text.Should().Be("Ozeanatmung");
        provider.TryGetText(OceanName, Austrian, out _).Should().BeFalse("a provider answers only for its exact culture; the catalog does the fallback");
    }

    private sealed class StubProvider(string culture, params (string Key, string Text)[] texts) : IGroundingTextProvider
    {
        public List<(string Culture, string Key)> Asked { get; } = [];

        public bool TryGetText(string key, CultureInfo requested, [NotNullWhen(true)] out string? text)
        {
            lock (Asked)
            {
                Asked.Add((requested.Name, key));
            }

            text = requested.Name == culture ? texts.FirstOrDefault(t => t.Key == key).Text : null;
            return text is not null;
        }
    }
}
