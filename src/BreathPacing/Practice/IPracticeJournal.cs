namespace BreathPacing.Practice;

/// <summary>
/// Where practice records are kept: append, query by time range and technique, delete all. The library ships
/// <see cref="InMemoryPracticeJournal"/>; a host keeps records where it likes (a SQLite file, the browser's IndexedDB)
/// by implementing this interface, storing each record as its JSON object (<see cref="PracticeJournalJson.SerializeRecord"/>).
/// </summary>
/// <remarks>
/// <para>The contract every implementation keeps:</para>
/// <list type="bullet">
/// <item>Records come back ordered by <see cref="PracticeRecord.EndedAt"/> (as an instant), records that ended at the same instant in the order they were appended.</item>
/// <item>A record equal to one already kept (the same session appended or imported twice) is not added again.</item>
/// <item><see cref="AppendRangeAsync"/> is all-or-nothing: when it fails, the journal is as it was.</item>
/// <item>Calls may come from several threads at once.</item>
/// </list>
/// </remarks>
public interface IPracticeJournal
{
    /// <summary>Adds a record, unless an equal one is already kept.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call before it changes anything.</param>
    /// <returns><see langword="true"/> when the record was added; <see langword="false"/> when an equal one was already kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    ValueTask<bool> AppendAsync(PracticeRecord record, CancellationToken cancellationToken = default);

    /// <summary>Adds records all at once (e.g. an import), skipping those equal to one already kept or earlier in <paramref name="records"/>.</summary>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">Cancels the call before it changes anything.</param>
    /// <returns>How many records were added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An item is <see langword="null"/>; nothing was added.</exception>
    ValueTask<int> AppendRangeAsync(IEnumerable<PracticeRecord> records, CancellationToken cancellationToken = default);

    /// <summary>The records <paramref name="query"/> asks for, ordered by end time.</summary>
    /// <param name="query">The query, e.g. <see cref="PracticeQuery.All"/> or <see cref="PracticeQuery.ForTechnique"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A snapshot: later changes to the journal do not change it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    ValueTask<IReadOnlyList<PracticeRecord>> QueryAsync(PracticeQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes every record.</summary>
    /// <param name="cancellationToken">Cancels the call before it changes anything.</param>
    /// <returns>How many records were deleted.</returns>
    ValueTask<int> DeleteAllAsync(CancellationToken cancellationToken = default);
}
