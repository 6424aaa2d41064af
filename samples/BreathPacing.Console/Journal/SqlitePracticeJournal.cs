using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BreathPacing.Practice;
using Microsoft.Data.Sqlite;

namespace BreathPacing.ConsoleHost.Journal;

/// <summary>
/// The library's <see cref="IPracticeJournal"/> kept in a SQLite file (Microsoft.Data.Sqlite): one row per record, the
/// record as its JSON object (<see cref="PracticeJournalJson.SerializeRecord"/>), its end time and technique beside it
/// for queries.
/// </summary>
/// <remarks>
/// <para>The schema, versioned in the file's <c>user_version</c> and marked as this app's with its <c>application_id</c>:</para>
/// <code>
/// records (id INTEGER PRIMARY KEY, ended_at_utc_ticks INTEGER NOT NULL, technique_id TEXT NULL,
///          record TEXT NOT NULL UNIQUE, record_version INTEGER NOT NULL DEFAULT 1)
/// records_by_technique ON records (technique_id, ended_at_utc_ticks)
/// records_by_time ON records (ended_at_utc_ticks)
/// </code>
/// <para>
/// <see cref="Open"/> checks the file before it writes anything: a file that is not a SQLite database, is damaged, belongs
/// to another program or was written by a newer version throws <see cref="JournalException"/> and is left byte for byte as
/// it was (it is never recreated). Then it turns on write-ahead logging and applies the migrations the file lacks, in one
/// transaction. A file that does not exist is created; an existing one is opened without the right to create, so a journal
/// removed while the app runs is reported rather than silently started anew.
/// </para>
/// <para>
/// The library's contract holds: records come back by end time as an instant, then in append order (<c>ORDER BY
/// ended_at_utc_ticks, id</c>); a record equal to one already kept is not added again (equal records serialise to the same
/// JSON, and <c>record</c> is unique); <see cref="AppendRangeAsync"/> is one transaction. Each call opens its own
/// connection (no pooling, so nothing holds the file between calls), so calls may come from several threads and several
/// processes at once; a call that finds the file locked retries for <see cref="BusyTimeout"/>, then throws
/// <see cref="JournalException"/> with <see cref="JournalProblem.Busy"/>, having changed nothing. Calls complete
/// synchronously: Microsoft.Data.Sqlite runs SQLite on the calling thread.
/// </para>
/// </remarks>
internal sealed partial class SqlitePracticeJournal : IPracticeJournal
{
    /// <summary>The schema version this app writes and reads: 2.</summary>
    public const int SchemaVersion = 2;

    /// <summary>The file's <c>application_id</c> ("BPjl"): marks the database as a BreathPacing practice journal.</summary>
    public const int ApplicationId = 0x42506A6C;

    /// <summary>How long a call waits for another program's lock before it gives up: 5 s.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The migrations, in order: entry <c>i</c> takes a file from version <c>i</c> to <c>i + 1</c>.</summary>
    private static readonly Action<SqliteConnection, SqliteTransaction>[] Migrations = [ToVersion1, ToVersion2];

    private readonly string _connectionString;

    private SqlitePracticeJournal(string path, TimeSpan busyTimeout)
    {
        Path = path;
        BusyTimeout = busyTimeout;
        _connectionString = ConnectionString(SqliteOpenMode.ReadWrite);
    }

    /// <summary>The journal file's full path.</summary>
    public string Path { get; }

    /// <summary>How long a call waits for another program's lock (rounded up to whole seconds, as Microsoft.Data.Sqlite counts them).</summary>
    public TimeSpan BusyTimeout { get; }

    /// <summary>Opens the journal at <paramref name="path"/>, creating it when it does not exist, and brings its schema up to date.</summary>
    /// <param name="path">The file; its folder must exist.</param>
    /// <param name="busyTimeout">How long to wait for another program's lock; <see langword="null"/> for <see cref="DefaultBusyTimeout"/>.</param>
    /// <exception cref="JournalException">The file cannot be used; it was left as it was.</exception>
    public static SqlitePracticeJournal Open(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var timeout = busyTimeout ?? DefaultBusyTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(busyTimeout), busyTimeout, "Expected a busy timeout above zero.");
        }

        if (Directory.Exists(full))
        {
            throw new JournalException(full, JournalProblem.Unavailable, $"cannot use \"{full}\" as the practice journal: it is a folder.");
        }

        var journal = new SqlitePracticeJournal(full, timeout);
        journal.Run(journal.Prepare, create: !File.Exists(full));
        return journal;
    }

    /// <inheritdoc />
    public ValueTask<bool> AppendAsync(PracticeRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        return new(Run(connection =>
        {
            using var insert = InsertCommand(connection, transaction: null);
            return Insert(insert, record);
        }));
    }

    /// <inheritdoc />
    public ValueTask<int> AppendRangeAsync(IEnumerable<PracticeRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var batch = records.ToArray();
        var missing = Array.IndexOf(batch, null);
        if (missing >= 0)
        {
            throw new ArgumentException($"Invalid records[{missing.ToString(CultureInfo.InvariantCulture)}] = null: expected a record; nothing was added.", nameof(records));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new(Run(connection =>
        {
            using var transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE: the write lock first, so no reader upgrade can deadlock
            using var insert = InsertCommand(connection, transaction);
            var added = 0;
            foreach (var record in batch)
            {
                added += Insert(insert, record) ? 1 : 0;
            }

            cancellationToken.ThrowIfCancellationRequested(); // the transaction rolls back: nothing was added
            transaction.Commit();
            return added;
        }));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PracticeRecord>> QueryAsync(PracticeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        return new(Run(connection => Select(connection, query)));
    }

    /// <inheritdoc />
    public ValueTask<int> DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Run(connection => Execute(connection, null, "DELETE FROM records;")));
    }

    /// <summary>The schema version a journal file has now, without changing it (for tests and diagnostics).</summary>
    public long ReadSchemaVersion() => Run(connection => Scalar<long>(connection, null, "PRAGMA user_version;"));

    private string ConnectionString(SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = mode,
        Pooling = false, // each call closes the file: nothing is held between calls, and the WAL is checkpointed by the last one
        DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds), // Microsoft.Data.Sqlite retries while busy for this long
    }.ToString();

    private T Run<T>(Func<SqliteConnection, T> action, bool create = false)
    {
        try
        {
            using var connection = new SqliteConnection(create ? ConnectionString(SqliteOpenMode.ReadWriteCreate) : _connectionString);
            connection.Open();
            Execute(connection, null, "PRAGMA synchronous = FULL;"); // a committed record survives a power cut too
            return action(connection);
        }
        catch (SqliteException e)
        {
            throw Translate(e);
        }
    }

    private int Prepare(SqliteConnection connection)
    {
        // Look before writing anything: the first read of a file that is not a database fails here, with the file untouched.
        var applicationId = Scalar<long>(connection, null, "PRAGMA application_id;");
        var version = Scalar<long>(connection, null, "PRAGMA user_version;");
        if (applicationId != 0 && applicationId != ApplicationId)
        {
            throw NotAJournal($"it belongs to another program (its application id is {applicationId.ToString(CultureInfo.InvariantCulture)})");
        }

        CheckNotNewer(version);
        if (applicationId == 0)
        {
            // A new (empty) file, or one made before the journal marked its files: it must hold nothing but a journal.
            var tables = Tables(connection);
            if (version == 0 && tables.Count > 0)
            {
                throw NotAJournal($"it holds other tables ({string.Join(", ", tables)})");
            }

            if (version > 0 && !tables.Contains("records"))
            {
                throw NotAJournal($"it says schema version {version.ToString(CultureInfo.InvariantCulture)} but has no records table");
            }
        }

        // Write-ahead logging: readers never wait for a writer, and a crash mid-write leaves the last commit intact.
        Scalar<string>(connection, null, "PRAGMA journal_mode = WAL;");
        if (version == SchemaVersion && applicationId == ApplicationId)
        {
            return 0;
        }

        using var transaction = connection.BeginTransaction();
        version = Scalar<long>(connection, transaction, "PRAGMA user_version;"); // another process may have migrated meanwhile
        CheckNotNewer(version);
        for (var from = (int)version; from < SchemaVersion; from++)
        {
            Migrations[from](connection, transaction);
        }

        Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {SchemaVersion};"));
        transaction.Commit();
        return SchemaVersion - (int)version;
    }

    /// <summary>Version 1: the records, with the end time and technique beside each for queries.</summary>
    private static void ToVersion1(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE records (
            id INTEGER PRIMARY KEY,
            ended_at_utc_ticks INTEGER NOT NULL,
            technique_id TEXT NULL,
            record TEXT NOT NULL UNIQUE
        );
        CREATE INDEX records_by_technique ON records (technique_id, ended_at_utc_ticks);
        """);

    /// <summary>
    /// Version 2: each record's JSON format version beside it (rows written before are version 1, the only one there
    /// was), so a later format can be read side by side; and an index on the end time alone for queries over every
    /// technique (the history, exports).
    /// </summary>
    private static void ToVersion2(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        ALTER TABLE records ADD COLUMN record_version INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX records_by_time ON records (ended_at_utc_ticks);
        """);

    private static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var insert = Command(connection, transaction, """
            INSERT INTO records (ended_at_utc_ticks, technique_id, record, record_version)
            VALUES ($ended, $technique, $record, $version)
            ON CONFLICT (record) DO NOTHING;
            """);
        insert.Parameters.Add("$ended", SqliteType.Integer);
        insert.Parameters.Add("$technique", SqliteType.Text);
        insert.Parameters.Add("$record", SqliteType.Text);
        insert.Parameters.AddWithValue("$version", PracticeJournalJson.CurrentVersion);
        return insert;
    }

    /// <summary>Adds the record unless an equal one is kept: equal records serialise to the same JSON, and <c>record</c> is unique.</summary>
    private static bool Insert(SqliteCommand insert, PracticeRecord record)
    {
        insert.Parameters["$ended"].Value = record.EndedAt.UtcTicks;
        insert.Parameters["$technique"].Value = (object?)record.TechniqueId ?? DBNull.Value;
        insert.Parameters["$record"].Value = PracticeJournalJson.SerializeRecord(record);
        return insert.ExecuteNonQuery() == 1;
    }

    private List<PracticeRecord> Select(SqliteConnection connection, PracticeQuery query)
    {
        using var select = Command(connection, null, string.Empty);
        var where = new List<string>();
        if (query.From is { } from)
        {
            where.Add("ended_at_utc_ticks >= $from");
            select.Parameters.AddWithValue("$from", from.UtcTicks);
        }

        if (query.To is { } to)
        {
            where.Add("ended_at_utc_ticks < $to");
            select.Parameters.AddWithValue("$to", to.UtcTicks);
        }

        if (query.TechniqueId is { } technique)
        {
            where.Add("technique_id = $technique"); // BINARY collation: ordinal, as the contract compares ids
            select.Parameters.AddWithValue("$technique", technique);
        }

        var sql = new StringBuilder("SELECT id, record_version, record FROM records");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        select.CommandText = sql.Append(" ORDER BY ended_at_utc_ticks, id;").ToString();
        var records = new List<PracticeRecord>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var format = reader.GetInt64(1);
            if (format != PracticeJournalJson.CurrentVersion)
            {
                throw new JournalException(Path, format > PracticeJournalJson.CurrentVersion ? JournalProblem.Newer : JournalProblem.Damaged,
                    $"the practice journal \"{Path}\" holds a record (row {Invariant(id)}) in record format {Invariant(format)}; this version reads format {Invariant(PracticeJournalJson.CurrentVersion)}. It was left as it is.");
            }

            try
            {
                records.Add(PracticeJournalJson.DeserializeRecord(reader.GetString(2)));
            }
            catch (PracticeJournalJsonException e)
            {
                throw new JournalException(Path, JournalProblem.Damaged,
                    $"the practice journal \"{Path}\" holds a record it cannot read (row {Invariant(id)}): {e.Message} It was left as it is.", e);
            }
        }

        return records;
    }

    private void CheckNotNewer(long version)
    {
        if (version > SchemaVersion)
        {
            throw new JournalException(Path, JournalProblem.Newer,
                $"the practice journal \"{Path}\" was written by a newer version of this app (journal schema {Invariant(version)}; this version knows up to {Invariant(SchemaVersion)}). It was left as it is.");
        }

        if (version < 0)
        {
            throw NotAJournal($"its schema version is {Invariant(version)}");
        }
    }

    private JournalException NotAJournal(string why) =>
        new(Path, JournalProblem.NotAJournal, $"\"{Path}\" is not a practice journal: {why}. It was left as it is.");

    private JournalException Translate(SqliteException e)
    {
        var what = SqliteMessage(e);
        return e.SqliteErrorCode switch
        {
            5 or 6 => new JournalException(Path, JournalProblem.Busy,
                $"the practice journal \"{Path}\" is locked by another program (waited {Invariant((long)Math.Ceiling(BusyTimeout.TotalSeconds))} s: {what}). Nothing was changed.", e),
            11 or 26 => new JournalException(Path, JournalProblem.Damaged,
                $"the practice journal \"{Path}\" cannot be read: {what}. It was left as it is.", e),
            3 or 8 or 14 or 23 => new JournalException(Path, JournalProblem.Unavailable,
                $"cannot open the practice journal \"{Path}\" for writing: {what}.", e),
            _ => new JournalException(Path, JournalProblem.Failed, $"the practice journal \"{Path}\" failed: {what}. Nothing was changed.", e),
        };
    }

    /// <summary>SQLite's own words and code, e.g. <c>file is not a database (SQLite error 26)</c>.</summary>
    private static string SqliteMessage(SqliteException e)
    {
        var quoted = QuotedMessage().Match(e.Message);
        var text = quoted.Success ? quoted.Groups[1].Value : e.Message.TrimEnd('.');
        return $"{text} (SQLite error {Invariant(e.SqliteErrorCode)})";
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var command = Command(connection, null, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name;");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static T Scalar<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        return command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("'(.*)'", RegexOptions.Singleline)]
    private static partial Regex QuotedMessage();
}
