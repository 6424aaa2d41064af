using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing.Grounding;

/// <summary>
/// A work the grounding content rests on: a study the source article cites (by its authors and year, exactly as
/// the article gives them), or the article itself (title, site, address, author and publication date).
/// Nothing beyond what the article states is recorded: no titles, journals or identifiers are made up for the studies.
/// Immutable and thread-safe; equality is by value.
/// </summary>
public sealed record SourceReference
{
    internal SourceReference(
        string id,
        SourceKind kind,
        ImmutableArray<string> authors,
        int year,
        string? title,
        string? site,
        Uri? url,
        DateTimeOffset? published,
        string note)
    {
        Id = id;
        Kind = kind;
        Authors = authors;
        Year = year;
        Title = title;
        Site = site;
        Url = url;
        Published = published;
        Note = note;
        Citation = FormatCitation();
    }

    /// <summary>The stable id that <c>SourceIds</c> lists refer to, e.g. <c>price-2005</c>.</summary>
    public string Id { get; }

    /// <summary>Whether this is a cited study or the article itself.</summary>
    public SourceKind Kind { get; }

    /// <summary>The authors in citation order, as the article names them (surnames for the studies).</summary>
    public ImmutableArray<string> Authors { get; }

    /// <summary>The year of publication.</summary>
    public int Year { get; }

    /// <summary>The title, when known (the article's); <see langword="null"/> for the studies, whose titles the article does not give.</summary>
    public string? Title { get; }

    /// <summary>The web site that published the work, or <see langword="null"/>.</summary>
    public string? Site { get; }

    /// <summary>The work's address, or <see langword="null"/>.</summary>
    public Uri? Url { get; }

    /// <summary>The exact publication instant, when the work states it; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? Published { get; }

    /// <summary>
    /// What the source article draws from this work, in the culture of the catalog that made it.
    /// </summary>
    public string Note { get; }

    /// <summary>
    /// A display citation, culture-independent: <c>Collinge, Kahn &amp; Soltysik (2012)</c> for a study;
    /// author, date, title, site and address for the article.
    /// </summary>
    public string Citation { get; }

    /// <inheritdoc />
    public bool Equals(SourceReference? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Kind == other.Kind
        && ValueEquality.Equal(Authors, other.Authors)
        && Year == other.Year
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && string.Equals(Site, other.Site, StringComparison.Ordinal)
        && Equals(Url, other.Url)
        && Published == other.Published
        && string.Equals(Note, other.Note, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id, StringComparer.Ordinal);
        hash.Add(Kind);
        ValueEquality.Add(ref hash, Authors);
        hash.Add(Year);
        hash.Add(Title, StringComparer.Ordinal);
        hash.Add(Site, StringComparer.Ordinal);
        hash.Add(Url);
        hash.Add(Published);
        hash.Add(Note, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Citation;

    private string FormatCitation()
    {
        var authors = Authors.Length switch
        {
            0 => string.Empty,
            1 => Authors[0],
            _ => string.Join(", ", Authors.Take(Authors.Length - 1)) + " & " + Authors[^1],
        };
        var date = Published is { } published
            ? published.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Year.ToString(CultureInfo.InvariantCulture);
        var citation = $"{authors} ({date})";
        if (Title is not null)
        {
            citation += $". {Title}";
        }

        if (Site is not null)
        {
            citation += $". {Site}";
        }

        if (Url is not null)
        {
            citation += $". {Url.AbsoluteUri}";
        }

        return citation;
    }
}
