using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing.Grounding;

/// <summary>
/// The culture-independent shape of the built-in content: ids, aliases, how many steps and cautions each
/// technique has, and the bibliographic facts of the sources. Display text comes from the text providers.
/// Source article: "Emotional Trauma Release Massage - Grounding Techniques", Dr. Bill Butcher,
/// spinal-injury.net, published 2022-10-05.
/// </summary>
internal static class BuiltInGroundingContent
{
    public const string MindfulFoodChoicesId = "mindful-food-choices";
    public const string StretchingOrYogaId = "stretching-or-yoga";
    public const string StrollId = "stroll";
    public const string ReadingId = "reading";
    public const string EssentialOilAromasId = "essential-oil-aromas";

    public const string CollingeKahnSoltysik2012Id = "collinge-kahn-soltysik-2012";
    public const string Price2005Id = "price-2005";
    public const string Field2005Id = "field-hernandez-reif-diego-schanberg-kuhn-2005";
    public const string Hatayama2008Id = "hatayama-kitamura-tamura-nagano-ohnuki-2008";
    public const string SourceArticleId = "butcher-2022";

    /// <summary>Everything the article says about grounding comes from the article; the studies it cites back its account of massage.</summary>
    public static ImmutableArray<string> GuideSourceIds { get; } =
        [SourceArticleId, CollingeKahnSoltysik2012Id, Price2005Id, Field2005Id, Hatayama2008Id];

    public static ImmutableArray<TechniqueDefinition> Techniques { get; } =
    [
        new(
            BreathingTechniques.ThreePartBreathId,
            ["three-part", "three-part breath", "three part breath"],
            StepCount: 5,
            CautionCount: 2,
            HasVisualisation: true,
            [SourceArticleId],
            BreathingTechniques.ThreePart),
        new(
            BreathingTechniques.OceansBreathId,
            ["ocean", "oceans", "ocean's breath", "oceans breath", "ocean breath", "ujjayi"],
            StepCount: 4,
            CautionCount: 2,
            HasVisualisation: true,
            [SourceArticleId],
            BreathingTechniques.Ocean),
    ];

    public static ImmutableArray<string> RoutineIds { get; } =
        [MindfulFoodChoicesId, StretchingOrYogaId, StrollId, ReadingId, EssentialOilAromasId];

    public static ImmutableArray<SourceDefinition> Sources { get; } =
    [
        new(SourceArticleId, SourceKind.Article, ["Dr. Bill Butcher"], 2022,
            Title: "Emotional Trauma Release Massage - Grounding Techniques",
            Site: "spinal-injury.net",
            Url: new Uri("https://spinal-injury.net/emotional-trauma-release-massage/"),
            Published: DateTimeOffset.Parse("2022-10-05T00:34:52.810Z", CultureInfo.InvariantCulture)),
        new(CollingeKahnSoltysik2012Id, SourceKind.Study, ["Collinge", "Kahn", "Soltysik"], 2012),
        new(Price2005Id, SourceKind.Study, ["Price"], 2005),
        new(Field2005Id, SourceKind.Study, ["Field", "Hernandez-Reif", "Diego", "Schanberg", "Kuhn"], 2005),
        new(Hatayama2008Id, SourceKind.Study, ["Hatayama", "Kitamura", "Tamura", "Nagano", "Ohnuki"], 2008),
    ];
}

/// <summary>The culture-independent shape of a technique in the catalog.</summary>
internal sealed record TechniqueDefinition(
    string Id,
    ImmutableArray<string> Aliases,
    int StepCount,
    int CautionCount,
    bool HasVisualisation,
    ImmutableArray<string> SourceIds,
    BreathTechnique Technique);

/// <summary>The bibliographic facts of a source, as the article gives them.</summary>
internal sealed record SourceDefinition(
    string Id,
    SourceKind Kind,
    ImmutableArray<string> Authors,
    int Year,
    string? Title = null,
    string? Site = null,
    Uri? Url = null,
    DateTimeOffset? Published = null);
