using BreathPacing.Grounding;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.ConsoleHost.Content;

/// <summary>
/// What this host takes from the library's grounding content model (<see cref="IGroundingCatalog"/>, as
/// registered by <c>AddBreathPacing()</c>): the purpose line, the techniques, cue texts, sources and a
/// self-care suggestion.
/// </summary>
internal sealed class GuidanceContent(IGroundingCatalog catalog)
{
    /// <summary>The built-in English content.</summary>
    public static GuidanceContent Default { get; } = new(GroundingCatalog.Default);

    public IGroundingCatalog Catalog => catalog;

    /// <summary>What grounding is for, in one sentence.</summary>
    public string Purpose => catalog.Guide.Purpose;

    public IReadOnlyList<GroundingTechnique> Techniques => catalog.Techniques;

    /// <summary>The content registered by <c>AddBreathPacing()</c>.</summary>
    public static GuidanceContent FromServices(IServiceProvider services) => new(services.GetRequiredService<IGroundingCatalog>());

    /// <summary>The technique with this id or alias (case-insensitive), or <see langword="null"/>.</summary>
    public GroundingTechnique? Find(string idOrAlias) => catalog.Find(idOrAlias);

    /// <summary>The guidance for an event: a phase's or segment's cue, or <see langword="null"/>.</summary>
    public string? CueText(BreathEvent breathEvent) => CueText(breathEvent.CueKey);

    /// <summary>The guidance for a cue key, or <see langword="null"/>.</summary>
    public string? CueText(string? cueKey) => cueKey is null ? null : catalog.GetCueText(cueKey);

    /// <summary>The display citations of a technique's sources.</summary>
    public IReadOnlyList<string> Sources(GroundingTechnique technique) =>
        technique.SourceIds.Select(id => catalog.FindSource(id)?.Citation ?? id).ToArray();

    /// <summary>One self-care routine, chosen by <paramref name="seed"/> so repeated sessions vary; <see langword="null"/> when there are none.</summary>
    public SelfCareRoutine? Suggest(int seed)
    {
        var routines = catalog.SelfCareRoutines;
        return routines.IsDefaultOrEmpty ? null : routines[(int)((uint)seed % (uint)routines.Length)];
    }
}
