using System.Text.Json;
using BreathPacing.Grounding;
using BreathPacing.Web.Api;

namespace BreathPacing.Web.Content;

/// <summary>A technique as the API shows it: its guidance from the grounding catalog and its default pattern.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Aliases">Other names it is found by.</param>
/// <param name="Summary">What it is, in a sentence or two.</param>
/// <param name="Steps">How to do it, in order.</param>
/// <param name="Visualisation">What to picture while doing it, if anything.</param>
/// <param name="Cues">The text shown for each phase and segment.</param>
/// <param name="Cautions">What to watch out for.</param>
/// <param name="TimingGuidance">How long to breathe each way.</param>
/// <param name="Sources">Where the guidance comes from.</param>
/// <param name="DefaultPattern">Its default pattern in the library's JSON format.</param>
/// <param name="Phases">Its default pattern's phases.</param>
/// <param name="Visual">How the page draws it: <c>body</c> (its phases fill body regions) or <c>wave</c>, as a session of it answers.</param>
/// <param name="DefaultOptions">
/// Its default options, of its own options type (the shared <c>startSeconds</c>, <c>progress</c>, <c>targetSeconds</c>,
/// <c>stepSeconds</c>, <c>cyclesPerStep</c>, and its own, e.g. <c>exhaleRatio</c>): what <c>POST /api/sessions</c>
/// takes as <c>options</c>.
/// </param>
/// <param name="MinimumSeconds">The shortest <c>startSeconds</c> it accepts.</param>
/// <param name="MaximumSeconds">The longest <c>startSeconds</c> (and progression target) it accepts.</param>
public sealed record TechniqueView(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    string Summary,
    IReadOnlyList<string> Steps,
    string? Visualisation,
    IReadOnlyList<CueView> Cues,
    IReadOnlyList<string> Cautions,
    string TimingGuidance,
    IReadOnlyList<SourceView> Sources,
    JsonElement DefaultPattern,
    IReadOnlyList<PhaseView> Phases,
    string Visual,
    JsonElement DefaultOptions,
    double MinimumSeconds,
    double MaximumSeconds);

/// <summary>A cue's text for a phase or segment.</summary>
/// <param name="Key">The cue key.</param>
/// <param name="PhaseIndex">The phase it belongs to.</param>
/// <param name="PhaseKind">What the breath does in that phase.</param>
/// <param name="SegmentIndex">The segment, if it is a segment's cue.</param>
/// <param name="Region">The segment's body region, if any.</param>
/// <param name="Text">The text.</param>
public sealed record CueView(string Key, int PhaseIndex, BreathPhaseKind PhaseKind, int? SegmentIndex, string? Region, string Text);

/// <summary>A source the guidance cites.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Citation">How to cite it: authors and year for a study, as the article cites it (e.g. <c>Price (2005)</c>).</param>
/// <param name="Kind">What kind of source it is.</param>
/// <param name="Year">Its year.</param>
/// <param name="Url">Where to read it, if known.</param>
/// <param name="Authors">Its authors in citation order.</param>
/// <param name="Title">Its title, when known (the article's).</param>
/// <param name="Site">The web site that published it, if any.</param>
/// <param name="Note">What the article draws from it.</param>
public sealed record SourceView(string Id, string Citation, SourceKind Kind, int Year, Uri? Url, IReadOnlyList<string> Authors, string? Title, string? Site, string Note)
{
    /// <summary>Describes <paramref name="source"/>.</summary>
    /// <param name="source">The catalog's source.</param>
    /// <returns>Its view.</returns>
    public static SourceView Of(SourceReference source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(source.Id, source.Citation, source.Kind, source.Year, source.Url, source.Authors, source.Title, source.Site, source.Note);
    }
}

/// <summary>Builds the API's views of the techniques.</summary>
public sealed class TechniqueViews(IGroundingCatalog catalog, PatternFormats formats)
{
    /// <summary>Every technique.</summary>
    /// <returns>The views.</returns>
    public IReadOnlyList<TechniqueView> All() => catalog.Techniques.Select(View).ToArray();

    /// <summary>One technique by id or alias.</summary>
    /// <param name="idOrAlias">The id or alias.</param>
    /// <returns>The view, or <see langword="null"/>.</returns>
    public TechniqueView? Find(string idOrAlias) => catalog.Find(idOrAlias) is { } t ? View(t) : null;

    private TechniqueView View(GroundingTechnique t)
    {
        var sources = t.SourceIds.Select(catalog.FindSource).OfType<SourceReference>()
            .Select(SourceView.Of).ToArray();
        var cues = t.Cues.Select(static c => new CueView(c.Key, c.PhaseIndex, c.PhaseKind, c.SegmentIndex, c.Region, c.Text)).ToArray();
        var visual = t.DefaultPattern.Phases.Any(static p => !p.Segments.IsDefaultOrEmpty) ? "body" : "wave";
        return new(t.Id, t.Name, t.Aliases, t.Summary, t.Steps, t.Visualisation, cues, t.Cautions, t.TimingGuidance, sources,
            formats.ToJson(t.DefaultPattern), t.DefaultPattern.Phases.Select(PhaseView.Of).ToArray(), visual,
            TechniqueOptionsJson.Write(t.DefaultOptions), t.Technique.MinimumSeconds, t.Technique.MaximumSeconds);
    }
}

/// <summary>The grounding guide: what it is for, other self-care routines, and every source.</summary>
/// <param name="Title">The guide's title.</param>
/// <param name="Purpose">What the techniques and routines are for.</param>
/// <param name="Audience">Who the guide is written for.</param>
/// <param name="Background">Why this work is demanding and why self-care matters.</param>
/// <param name="SelfCare">Other self-care routines.</param>
/// <param name="Sources">Every source the content cites.</param>
public sealed record GuideView(string Title, string Purpose, string Audience, string Background, IReadOnlyList<SelfCareView> SelfCare, IReadOnlyList<SourceView> Sources)
{
    /// <summary>Describes <paramref name="catalog"/>'s guide.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The view.</returns>
    public static GuideView Of(IGroundingCatalog catalog) => new(
        catalog.Guide.Title,
        catalog.Guide.Purpose,
        catalog.Guide.Audience,
        catalog.Guide.Background,
        catalog.SelfCareRoutines.Select(static r => new SelfCareView(r.Id, r.Name, r.Description)).ToArray(),
        catalog.Sources.Select(SourceView.Of).ToArray());
}
