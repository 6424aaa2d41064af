namespace BreathPacing.Practice;

/// <summary>
/// Which records <see cref="IPracticeJournal.QueryAsync"/> returns: those that ended in a time range, of one technique
/// or of all. Immutable; adjust with <c>with</c>, e.g. <c>PracticeQuery.ForTechnique(id) with { From = monday }</c>.
/// </summary>
public sealed record PracticeQuery
{
    private readonly string? _techniqueId;

    /// <summary>Every record.</summary>
    public static PracticeQuery All { get; } = new();

    /// <summary>
    /// The earliest end time to include (inclusive), or <see langword="null"/> for no lower bound. Instants are compared
    /// as instants: the offsets do not matter.
    /// <value>The default is <see langword="null"/>.</value>
    /// </summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>
    /// The end time to stop before (exclusive), or <see langword="null"/> for no upper bound. A range whose
    /// <see cref="To"/> is not after <see cref="From"/> matches nothing.
    /// <value>The default is <see langword="null"/>.</value>
    /// </summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>
    /// The technique whose records to include (compared ordinally), or <see langword="null"/> for every technique and custom pattern.
    /// <value>The default is <see langword="null"/>. Not blank.</value>
    /// </summary>
    /// <exception cref="ArgumentException">The id is blank.</exception>
    public string? TechniqueId
    {
        get => _techniqueId;
        init
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"Invalid TechniqueId = '{value}': expected null (every technique) or a technique's id.", nameof(TechniqueId));
            }

            _techniqueId = value;
        }
    }

    /// <summary>The records of one technique, at any time.</summary>
    /// <param name="techniqueId">The technique's id, e.g. <see cref="BreathTechnique.Id"/>.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException"><paramref name="techniqueId"/> is null or blank.</exception>
    public static PracticeQuery ForTechnique(string techniqueId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(techniqueId);
        return new() { TechniqueId = techniqueId };
    }

    /// <summary>The records that ended from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    /// <param name="from">The earliest end time to include.</param>
    /// <param name="to">The end time to stop before.</param>
    /// <returns>The query.</returns>
    public static PracticeQuery Between(DateTimeOffset from, DateTimeOffset to) => new() { From = from, To = to };

    /// <summary>Whether <paramref name="record"/> is one this query asks for; a journal's own store may filter the same way in its own terms.</summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public bool Matches(PracticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (From is not { } from || record.EndedAt >= from)
            && (To is not { } to || record.EndedAt < to)
            && (TechniqueId is null || string.Equals(TechniqueId, record.TechniqueId, StringComparison.Ordinal));
    }
}
