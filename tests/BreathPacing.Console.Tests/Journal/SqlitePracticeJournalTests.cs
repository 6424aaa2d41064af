using System.Diagnostics;
using BreathPacing.ConsoleHost.Journal;
using BreathPacing.ConsoleHost.Tests.Support;
using BreathPacing.Practice;
using Microsoft.Data.Sqlite;

namespace BreathPacing.ConsoleHost.Tests.Journal;

/// <summary>The journal on a real SQLite file in a temp folder.</summary>
public sealed class SqlitePracticeJournalTests : IDisposable
{
    private static readonly DateTimeOffset Monday = JournalRecords.Monday;
    private readonly TempFolder _folder = new();

    private string JournalPath => _folder.File("journal.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Append_ThenReopen_KeepsTheRecordsInEndTimeOrder()
    {
        var late = JournalRecords.ThreePart(Monday.AddDays(1));
        var early = JournalRecords.ThreePart(Monday, felt: "hard");
        var custom = JournalRecords.Custom(Monday.AddHours(2));
        var journal = SqlitePracticeJournal.Open(JournalPath);
        (await journal.AppendAsync(late)).Should().BeTrue();
        (await journal.AppendAsync(early)).Should().BeTrue();
        (await journal.AppendAsync(custom)).Should().BeTrue();

        var reopened = SqlitePracticeJournal.Open(JournalPath);

        (await reopened.QueryAsync(PracticeQuery.All)).Should().Equal(early, custom, late);
        reopened.ReadSchemaVersion().Should().Be(SqlitePracticeJournal.SchemaVersion);
    }

    [Fact]
    public async Task Append_TheSameSessionTwice_KeepsItOnce()
    {
        var journal = SqlitePracticeJournal.Open(JournalPath);
        var record = JournalRecords.ThreePart(Monday);

        (await journal.AppendAsync(record)).Should().BeTrue();
        (await journal.AppendAsync(JournalRecords.ThreePart(Monday))).Should().BeFalse("an equal record is already kept");

        (await journal.QueryAsync(PracticeQuery.All)).Should().ContainSingle();
    }

    [Fact]
    public async Task Append_SessionsEndingAtTheSameInstant_ComeBackInAppendOrder()
    {
        var journal = SqlitePracticeJournal.Open(JournalPath);
        var first = JournalRecords.ThreePart(Monday, felt: "easy");
        var second = JournalRecords.ThreePart(Monday.ToOffset(TimeSpan.Zero), felt: "comfortable"); // the same instant, another offset
        var third = JournalRecords.ThreePart(Monday, felt: "hard");

        await journal.AppendAsync(first);
        await journal.AppendAsync(second);
        await journal.AppendAsync(third);

        (await journal.QueryAsync(PracticeQuery.All)).Should().Equal(first, second, third);
    }

    [Fact]
    public async Task AppendRange_SkipsDuplicatesInTheJournalAndInTheBatch()
    {
        var journal = SqlitePracticeJournal.Open(JournalPath);
        var kept = JournalRecords.ThreePart(Monday);
        await journal.AppendAsync(kept);
        var fresh = JournalRecords.ThreePart(Monday.AddDays(1));

        var added = await journal.AppendRangeAsync([JournalRecords.ThreePart(Monday), fresh, JournalRecords.ThreePart(Monday.AddDays(1))]);

        added.Should().Be(1);
        (await journal.QueryAsync(PracticeQuery.All)).Should().Equal(kept, fresh);
    }

    [Fact]
    public async Task AppendRange_WithANullItem_AddsNothing()
    {
        var journal = SqlitePracticeJournal.Open(JournalPath);

        var append = async () => await journal.AppendRangeAsync([JournalRecords.ThreePart(Monday), null!]);

        await append.Should().ThrowAsync<ArgumentException>().WithMessage("Invalid records[1] = null*nothing was added*");
        (await journal.QueryAsync(PracticeQuery.All)).Should().BeEmpty();
    }

    [Fact]
    public async Task AppendRange_Cancelled_AddsNothing()
    {
        var journal = SqlitePracticeJournal.Open(JournalPath);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var append = async () => await journal.AppendRangeAsync([JournalRecords.ThreePart(Monday)], cancelled.Token);

        await append.Should().ThrowAsync<OperationCanceledException>();
        (await journal.QueryAsync(PracticeQuery.All)).Should().BeEmpty();
    }

    [Fact]
    public async Task Query_ByTechniqueAndTimeRange_MatchesTheInMemoryJournal()
    {
        var records = Enumerable.Range(0, 12)
            .Select(i => i % 3 == 0 ? JournalRecords.Custom(Monday.AddHours(i * 7)) : JournalRecords.ThreePart(Monday.AddHours(i * 7), seconds: 4 + (i % 2)))
            .ToArray();
        var sqlite = SqlitePracticeJournal.Open(JournalPath);
        var memory = new InMemoryPracticeJournal();
        await sqlite.AppendRangeAsync(records.Reverse());
        await memory.AppendRangeAsync(records.Reverse());
        PracticeQuery[] queries =
        [
            PracticeQuery.All,
            PracticeQuery.ForTechnique(BreathingTechniques.ThreePartBreathId),
            PracticeQuery.ForTechnique("ocean"),
            PracticeQuery.Between(Monday.AddHours(14), Monday.AddHours(49)),
            PracticeQuery.ForTechnique(BreathingTechniques.ThreePartBreathId) with { From = Monday.AddDays(1) },
            PracticeQuery.Between(Monday.AddDays(2), Monday),
        ];

        foreach (var query in queries)
        {
            (await sqlite.QueryAsync(query)).Should().Equal(await memory.QueryAsync(query), query.ToString());
        }
    }

    [Fact]
    public async Task DeleteAll_RemovesEveryRecordAndSaysHowMany()
    {
        var journal = SqlitePracticeJournal.Open(JournalPath);
        await journal.AppendRangeAsync([JournalRecords.ThreePart(Monday), JournalRecords.Custom(Monday)]);

        (await journal.DeleteAllAsync()).Should().Be(2);

        (await journal.QueryAsync(PracticeQuery.All)).Should().BeEmpty();
    }

    [Fact]
    public async Task Appends_FromSeveralThreadsAtOnce_AreAllKept()
    {
        var journal = SqlitePracticeJournal.Open(JournalPath);
        var records = Enumerable.Range(0, 40).Select(i => JournalRecords.ThreePart(Monday.AddMinutes(i))).ToArray();

        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (record, _) => await journal.AppendAsync(record));

        (await journal.QueryAsync(PracticeQuery.All)).Should().Equal(records);
    }

    [Fact]
    public void Open_ANewFile_UsesWriteAheadLoggingAndMarksItAsAJournal()
    {
        SqlitePracticeJournal.Open(JournalPath);

        using var connection = Connect();
        Scalar(connection, "PRAGMA journal_mode;").Should().Be("wal");
        Scalar(connection, "PRAGMA application_id;").Should().Be((long)SqlitePracticeJournal.ApplicationId);
        Scalar(connection, "PRAGMA user_version;").Should().Be((long)SqlitePracticeJournal.SchemaVersion);
    }

    [Fact]
    public async Task Open_AnEmptyVersion0File_CreatesTheSchema()
    {
        using (var connection = Connect(create: true))
        {
            Execute(connection, "PRAGMA user_version = 0; VACUUM;"); // an empty database, as another tool makes it
        }

        var journal = SqlitePracticeJournal.Open(JournalPath);

        journal.ReadSchemaVersion().Should().Be(SqlitePracticeJournal.SchemaVersion);
        (await journal.AppendAsync(JournalRecords.ThreePart(Monday))).Should().BeTrue();
    }

    [Fact]
    public async Task Open_AVersion1File_MigratesItKeepingItsRecords()
    {
        // Version 1 as its migration made it, before the journal marked its files; rows written by hand.
        var old = new[] { JournalRecords.ThreePart(Monday, felt: "easy"), JournalRecords.Custom(Monday.AddDays(1)), JournalRecords.ThreePart(Monday.AddDays(2), felt: null) };
        using (var connection = Connect(create: true))
        {
            Execute(connection, """
                CREATE TABLE records (id INTEGER PRIMARY KEY, ended_at_utc_ticks INTEGER NOT NULL, technique_id TEXT NULL, record TEXT NOT NULL UNIQUE);
                CREATE INDEX records_by_technique ON records (technique_id, ended_at_utc_ticks);
                PRAGMA user_version = 1;
                """);
            foreach (var record in old)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO records (ended_at_utc_ticks, technique_id, record) VALUES ($t, $id, $r);";
                insert.Parameters.AddWithValue("$t", record.EndedAt.UtcTicks);
                insert.Parameters.AddWithValue("$id", (object?)record.TechniqueId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$r", PracticeJournalJson.SerializeRecord(record));
                insert.ExecuteNonQuery();
            }
        }

        var journal = SqlitePracticeJournal.Open(JournalPath);

        journal.ReadSchemaVersion().Should().Be(2);
        (await journal.QueryAsync(PracticeQuery.All)).Should().Equal(old);
        (await journal.AppendAsync(old[0])).Should().BeFalse("a migrated record still counts as kept");
        using var check = Connect();
        Scalar(check, "SELECT group_concat(record_version) FROM records;").Should().Be("1,1,1");
        Scalar(check, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'records_by_time';").Should().Be(1L);
    }

    [Fact]
    public void Open_GarbageBytes_SaysTheFileCannotBeReadAndLeavesItByteForByte()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(JournalPath, garbage);

        var open = () => SqlitePracticeJournal.Open(JournalPath);

        open.Should().Throw<JournalException>()
            .Where(e => e.Problem == JournalProblem.Damaged && e.Path == JournalPath)
            .WithMessage($"the practice journal \"{JournalPath}\" cannot be read: file is not a database (SQLite error 26). It was left as it is.");
        File.ReadAllBytes(JournalPath).Should().Equal(garbage);
        Directory.GetFiles(_folder.Path).Should().Equal([JournalPath], "no log or new journal was made beside it");
    }

    [Fact]
    public void Open_AnotherProgramsDatabase_RefusesItAndLeavesItAsItIs()
    {
        using (var connection = Connect(create: true))
        {
            Execute(connection, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine');");
        }

        var before = File.ReadAllBytes(JournalPath);

        var open = () => SqlitePracticeJournal.Open(JournalPath);

        open.Should().Throw<JournalException>().Where(e => e.Problem == JournalProblem.NotAJournal)
            .WithMessage($"\"{JournalPath}\" is not a practice journal: it holds other tables (notes). It was left as it is.");
        File.ReadAllBytes(JournalPath).Should().Equal(before);
    }

    [Fact]
    public void Open_AFileOfANewerSchema_SaysSoAndLeavesItAsItIs()
    {
        SqlitePracticeJournal.Open(JournalPath);
        using (var connection = Connect())
        {
            Execute(connection, "PRAGMA user_version = 9;");
        }

        var before = File.ReadAllBytes(JournalPath);

        var open = () => SqlitePracticeJournal.Open(JournalPath);

        open.Should().Throw<JournalException>().Where(e => e.Problem == JournalProblem.Newer)
            .WithMessage("*newer version of this app (journal schema 9; this version knows up to 2)*");
        File.ReadAllBytes(JournalPath).Should().Equal(before);
    }

    [Fact]
    public async Task Query_ARowThatIsNotARecord_NamesTheRowAndThePath()
    {
        var journal = SqlitePracticeJournal.Open(JournalPath);
        await journal.AppendAsync(JournalRecords.ThreePart(Monday));
        using (var connection = Connect())
        {
            Execute(connection, "UPDATE records SET record = replace(record, '\"easy\"', '\"meh\"');");
        }

        var query = async () => await journal.QueryAsync(PracticeQuery.All);

        (await query.Should().ThrowAsync<JournalException>()).Where(e => e.Problem == JournalProblem.Damaged)
            .WithMessage("*holds a record it cannot read (row 1): Invalid practice journal JSON at $.feeling*\"meh\"*");
    }

    [Fact]
    public async Task Append_WhileAnotherProgramHoldsTheLock_FailsClearlyAfterTheBusyTimeoutAndLosesNothing()
    {
        var journal = SqlitePracticeJournal.Open(JournalPath, busyTimeout: TimeSpan.FromSeconds(1));
        var kept = JournalRecords.ThreePart(Monday);
        await journal.AppendAsync(kept);
        var waiting = Stopwatch.StartNew();
        using (var other = Connect())
        {
            Execute(other, "BEGIN EXCLUSIVE;");

            var append = async () => await journal.AppendAsync(JournalRecords.ThreePart(Monday.AddDays(1)));

            (await append.Should().ThrowAsync<JournalException>()).Where(e => e.Problem == JournalProblem.Busy)
                .WithMessage($"the practice journal \"{JournalPath}\" is locked by another program (waited 1 s: database is locked (SQLite error 5)). Nothing was changed.");
            waiting.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), "it waited for the lock first");
            (await journal.QueryAsync(PracticeQuery.All)).Should().Equal([kept], "readers are not blocked by a writer's lock in WAL mode");
            Execute(other, "ROLLBACK;");
        }

        (await journal.AppendAsync(JournalRecords.ThreePart(Monday.AddDays(1)))).Should().BeTrue("the lock is gone");
        (await journal.QueryAsync(PracticeQuery.All)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Append_WhenTheOtherProgramLetsGoWithinTheBusyTimeout_Succeeds()
    {
        var journal = SqlitePracticeJournal.Open(JournalPath, busyTimeout: TimeSpan.FromSeconds(10));
        using var other = Connect();
        Execute(other, "BEGIN EXCLUSIVE;");
        var append = Task.Run(async () => await journal.AppendAsync(JournalRecords.ThreePart(Monday)));
        await Task.Delay(300); // the append is waiting on the lock meanwhile

        Execute(other, "COMMIT;");

        (await append.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        (await journal.QueryAsync(PracticeQuery.All)).Should().ContainSingle();
    }

    private SqliteConnection Connect(bool create = false)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = JournalPath,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 1,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
