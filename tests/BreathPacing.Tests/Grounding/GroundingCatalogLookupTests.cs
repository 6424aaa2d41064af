using BreathPacing.Grounding;

namespace BreathPacing.Tests.Grounding;

public class GroundingCatalogLookupTests
{
    private static readonly GroundingCatalog Catalog = GroundingCatalog.Default;

    [Theory]
    [InlineData("three-part-breath", BreathingTechniques.ThreePartBreathId)]
    [InlineData("THREE-PART-BREATH", BreathingTechniques.ThreePartBreathId)]
    [InlineData("three-part", BreathingTechniques.ThreePartBreathId)]
    [InlineData("Three-Part Breath", BreathingTechniques.ThreePartBreathId)]
    [InlineData("three part breath", BreathingTechniques.ThreePartBreathId)]
    [InlineData("oceans-breath", BreathingTechniques.OceansBreathId)]
    [InlineData("Ocean", BreathingTechniques.OceansBreathId)]
    [InlineData("OCEANS", BreathingTechniques.OceansBreathId)]
    [InlineData("Ocean's Breath", BreathingTechniques.OceansBreathId)]
    [InlineData("Ocean\u2019s Breath", BreathingTechniques.OceansBreathId)]
    [InlineData("Ujjayi", BreathingTechniques.OceansBreathId)]
    [InlineData("  ujjayi  ", BreathingTechniques.OceansBreathId)]
    public void Find_IdOrAliasInAnyCase_ReturnsTheTechnique(string idOrAlias, string expectedId) =>
        Catalog.Find(idOrAlias)!.Id.Should().Be(expectedId);

    [Fact]
    public void Find_EveryAliasInUpperLowerAndTitleCase_ReturnsItsTechnique()
    {
        foreach (var technique in Catalog.Techniques)
        {
            foreach (var name in technique.Aliases.Prepend(technique.Id))
            {
                var title = System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name);
                foreach (var variant in new[] { name, name.ToUpperInvariant(), name.ToLowerInvariant(), title })
                {
                    Catalog.Find(variant).Should().BeSameAs(technique, $"'{variant}' names {technique.Id}");
                }
            }
        }
    }

    [Fact]
    public void Aliases_RequiredOnes_ArePresentAndNoneIsInventedFromOutsideTheArticle()
    {
        Catalog.Find(BreathingTechniques.ThreePartBreathId)!.Aliases.Should().Contain(["three-part", "three-part breath"]);
        Catalog.Find(BreathingTechniques.OceansBreathId)!.Aliases.Should().Contain(["ocean", "ocean's breath", "oceans", "ujjayi"]);
        Catalog.Techniques.SelectMany(t => t.Aliases).Should().NotContain(a => a.Contains("dirga", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Aliases_AcrossTechniques_AreUniqueAndLowerCase()
    {
        var names = Catalog.Techniques.SelectMany(t => t.Aliases.Prepend(t.Id)).ToList();

        names.Should().OnlyHaveUniqueItems(n => n.ToUpperInvariant());
        names.Should().OnlyContain(n => n == n.ToLowerInvariant());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("dirga")]
    [InlineData("box breathing")]
    [InlineData("three")]
    [InlineData("ocean's")]
    public void Find_Unknown_ReturnsNull(string idOrAlias) => Catalog.Find(idOrAlias).Should().BeNull();

    [Fact]
    public void Find_Null_Throws() =>
        FluentActions.Invoking(() => Catalog.Find(null!)).Should().Throw<ArgumentNullException>().WithParameterName("idOrAlias");

    [Fact]
    public void FindSource_EachIdInAnyCase_ReturnsTheSource()
    {
        foreach (var source in Catalog.Sources)
        {
            Catalog.FindSource(source.Id).Should().BeSameAs(source);
            Catalog.FindSource(source.Id.ToUpperInvariant()).Should().BeSameAs(source);
        }

        Catalog.FindSource("price-2005")!.Authors.Should().Equal("Price");
        Catalog.FindSource("smith-2020").Should().BeNull();
    }

    [Fact]
    public void GetCueText_KnownKey_ReturnsItsText() =>
        Catalog.GetCueText(CueKeys.ThreePartInhaleLowerBelly).Should().Contain("lower belly");

    [Fact]
    public void GetCueText_UnknownKey_ReturnsNull() =>
        Catalog.GetCueText("box.inhale").Should().BeNull();

    [Fact]
    public void GetText_GuideKey_ReturnsTheGuideText() =>
        Catalog.GetText(GroundingTextKeys.GuidePurpose).Should().Be(Catalog.Guide.Purpose);

    [Fact]
    public void GetCueText_NullKey_Throws() =>
        FluentActions.Invoking(() => Catalog.GetCueText((string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("cueKey");

    [Fact]
    public void TextKeys_Composed_FollowTheDocumentedScheme()
    {
        GroundingTextKeys.TechniqueStep("oceans-breath", 2).Should().Be("technique.oceans-breath.step.2");
        GroundingTextKeys.RoutineDescription("stroll").Should().Be("routine.stroll.description");
        GroundingTextKeys.SourceNote("price-2005").Should().Be("source.price-2005.note");
    }

    [Fact]
    public void TextKeys_BadArguments_ThrowNamingTheParameter()
    {
        FluentActions.Invoking(() => GroundingTextKeys.TechniqueStep("oceans-breath", 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("number");
        FluentActions.Invoking(() => GroundingTextKeys.TechniqueName(" "))
            .Should().Throw<ArgumentException>().WithParameterName("techniqueId");
        FluentActions.Invoking(() => GroundingTextKeys.RoutineName(""))
            .Should().Throw<ArgumentException>().WithParameterName("routineId");
    }
}
