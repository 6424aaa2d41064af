using System.Text.Json;
using BreathPacing.Web.Api;

namespace BreathPacing.Web.Content;

/// <summary>A technique as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Aliases">Other names it is found by.</param>
/// <param name="DefaultPattern">Its default pattern in the library's JSON format.</param>
/// <param name="Phases">Its default pattern's phases.</param>
public sealed record TechniqueView(string Id, string Name, IReadOnlyList<string> Aliases, JsonElement DefaultPattern, IReadOnlyList<PhaseView> Phases);

/// <summary>Builds the API's views of the techniques.</summary>
public sealed class TechniqueViews(TechniqueDirectory directory, PatternFormats formats)
{
    /// <summary>Every technique.</summary>
    /// <returns>The views.</returns>
    public IReadOnlyList<TechniqueView> All() => directory.All.Select(View).ToArray();

    /// <summary>One technique by id or alias.</summary>
    /// <param name="idOrAlias">The id or alias.</param>
    /// <returns>The view, or <see langword="null"/>.</returns>
    public TechniqueView? Find(string idOrAlias) => directory.Find(idOrAlias) is { } t ? View(t) : null;

    private TechniqueView View(TechniqueRef technique)
    {
        var pattern = directory.Pattern(technique, null, false).Pattern!;
        return new(technique.Id, technique.Name, technique.Aliases, formats.ToJson(pattern), pattern.Phases.Select(PhaseView.Of).ToArray());
    }
}
