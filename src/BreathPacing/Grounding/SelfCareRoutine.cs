using System.Collections.Immutable;

namespace BreathPacing.Grounding;

/// <summary>
/// A self-care habit that supports grounding besides the breathing techniques, e.g. a stroll or a good book.
/// Immutable and thread-safe; equality is by value. The text is in the culture of the catalog that made it.
/// </summary>
public sealed record SelfCareRoutine
{
    internal SelfCareRoutine(string id, string name, string description, ImmutableArray<string> sourceIds)
    {
        Id = id;
        Name = name;
        Description = description;
        SourceIds = sourceIds;
    }

    /// <summary>The stable, culture-independent id, e.g. <c>stroll</c>.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>A one-sentence description of the habit.</summary>
    public string Description { get; }

    /// <summary>The ids of the <see cref="SourceReference"/> entries behind the routine.</summary>
    public ImmutableArray<string> SourceIds { get; }

    /// <inheritdoc />
    public bool Equals(SelfCareRoutine? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && ValueEquality.Equal(SourceIds, other.SourceIds);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id, StringComparer.Ordinal);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Description, StringComparer.Ordinal);
        ValueEquality.Add(ref hash, SourceIds);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
