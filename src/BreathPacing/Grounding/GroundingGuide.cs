using System.Collections.Immutable;

namespace BreathPacing.Grounding;

/// <summary>
/// What the grounding content is for and whom it serves: practitioners, such as massage therapists, who
/// work with traumatised clients and need to ground themselves and prevent burnout after demanding sessions.
/// Immutable and thread-safe; equality is by value. The text is in the culture of the catalog that made it.
/// </summary>
public sealed record GroundingGuide
{
    internal GroundingGuide(string title, string purpose, string audience, string background, ImmutableArray<string> sourceIds)
    {
        Title = title;
        Purpose = purpose;
        Audience = audience;
        Background = background;
        SourceIds = sourceIds;
    }

    /// <summary>A short display title for the guide.</summary>
    public string Title { get; }

    /// <summary>What the techniques and routines are for: grounding oneself and preventing burnout.</summary>
    public string Purpose { get; }

    /// <summary>Who the guide is written for.</summary>
    public string Audience { get; }

    /// <summary>The context the source article gives: why this work is demanding and why self-care matters.</summary>
    public string Background { get; }

    /// <summary>The ids of the <see cref="SourceReference"/> entries behind the guide, in citation order.</summary>
    public ImmutableArray<string> SourceIds { get; }

    /// <inheritdoc />
    public bool Equals(GroundingGuide? other) =>
        other is not null
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && string.Equals(Purpose, other.Purpose, StringComparison.Ordinal)
        && string.Equals(Audience, other.Audience, StringComparison.Ordinal)
        && string.Equals(Background, other.Background, StringComparison.Ordinal)
        && ValueEquality.Equal(SourceIds, other.SourceIds);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Title, StringComparer.Ordinal);
        hash.Add(Purpose, StringComparer.Ordinal);
        hash.Add(Audience, StringComparer.Ordinal);
        hash.Add(Background, StringComparer.Ordinal);
        ValueEquality.Add(ref hash, SourceIds);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Title;
}
