using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Journal;
using BreathPacing.ConsoleHost.Tests.Support;
using BreathPacing.Practice;
using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;

namespace BreathPacing.ConsoleHost.Tests.Journal;

/// <summary>The app with its journal: sessions recorded with how they felt, the plan at the start, history, export and import; on a fake clock and a real SQLite file.</summary>
public sealed class JournalAppTests : IDisposable
{
    private readonly FakeTimeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Felt_InPlainMode_IsRecordedWithTheSessionAtTheHostClocksTime()
    {
        var before = _app.Clock.GetUtcNow();

        var (code, output, error) = await _app.RunAsync("--technique", "three-part", "--seconds", "4", "--cycles", "1", "--felt", "easy");

        error.Should().BeEmpty();
        code.Should().Be(ExitCodes.Success);
        AppRun.Lines(output).Should().Contain($"Journal: recorded in {_app.Journal}, felt: Easy.");
        var record = (await Records()).Should().ContainSingle().Subject;
        record.TechniqueId.Should().Be(BreathingTechniques.ThreePartBreathId);
        record.Feeling.Should().Be(PracticeFeeling.Easy);
        record.StartSeconds.Should().Be(4);
        record.CompletedCycles.Should().Be(1);
        record.ActiveTime.Should().Be(TimeSpan.FromSeconds(8));
        record.EndedAt.Should().BeOnOrAfter(before + TimeSpan.FromSeconds(8), "the session took 8 s of the host's clock").And.BeOnOrBefore(_app.Clock.GetUtcNow());
        record.EndedAt.Offset.Should().Be(TimeSpan.FromHours(1), "the record keeps the offset of the host clock's time zone");
    }

    [Fact]
    public async Task Felt_TheCatalogsWords_AreAcceptedInAnyCase()
    {
        var (code, _, _) = await _app.RunAsync("--pattern", "4-6", "--cycles", "1", "--felt", "DIZZY OR LIGHT-HEADED");

        code.Should().Be(ExitCodes.Success);
        (await Records()).Should().ContainSingle().Which.Feeling.Should().Be(PracticeFeeling.Dizzy);
    }

    [Fact]
    public async Task NoFelt_InPlainMode_RecordsTheSessionUnratedAndSaysHowToRateIt()
    {
        var (_, output, _) = await _app.RunAsync("--pattern", "4-6", "--cycles", "1");

        AppRun.Lines(output).Should().Contain($"Journal: recorded in {_app.Journal}, not rated (--felt easy|comfortable|hard|dizzy says how a session felt).");
        (await Records()).Should().ContainSingle().Which.Should().Match<PracticeRecord>(r => r.Feeling == null && r.TechniqueId == null && r.PatternName == "4-6");
    }

    [Fact]
    public async Task Plan_AfterScriptedSessions_StartsWhereItSuggestsAndSaysWhy()
    {
        // Two easy sessions on the plan's first length, on two days.
        var first = await _app.RunAsync("--technique", "three-part", "--cycles", "1", "--felt", "easy");
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await _app.RunAsync("--technique", "three-part", "--cycles", "1", "--felt", "easy");
        _app.Clock.Advance(TimeSpan.FromDays(1));

        var (code, output, _) = await _app.RunAsync("--technique", "three-part", "--cycles", "1", "--felt", "comfortable");

        AppRun.Lines(first.Out)[1].Should().Be("Plan: Begin gently, breathing in for 4 seconds.");
        code.Should().Be(ExitCodes.Success);
        var lines = AppRun.Lines(output);
        lines[0].Should().Be("Three-Part Breath: 1 cycle, 00:10. Breathe along.", "two easy sessions at 4 s: 5 s now");
        lines[1].Should().Be("Plan: 2 easy sessions in a row: breathe in for 5 seconds now, up from 4.");
        lines.Should().Contain(l => l.StartsWith("00:00.0  cycle 1/1  Inhale          5.0 s", StringComparison.Ordinal));
        (await Records()).Select(r => r.StartSeconds).Should().Equal(4, 4, 5);
    }

    [Fact]
    public async Task Plan_SecondsGivenExplicitly_OverrideItAndSaySo()
    {
        await Seed(JournalRecords.ThreePart(FakeTimeApp.Start.AddDays(-2), seconds: 5, felt: "easy"), JournalRecords.ThreePart(FakeTimeApp.Start.AddDays(-1), seconds: 5, felt: "easy"));

        var (code, output, _) = await _app.RunAsync("--technique", "three-part", "--seconds", "4", "--cycles", "1");

        code.Should().Be(ExitCodes.Success);
        var lines = AppRun.Lines(output);
        lines[0].Should().Be("Three-Part Breath: 1 cycle, 00:08. Breathe along.");
        lines[1].Should().Be("Plan: --seconds 4 overrides the plan's 6 s. (2 easy sessions in a row: breathe in for 6 seconds now, up from 5.)");
    }

    [Fact]
    public async Task Plan_WithProgressAtTheGoal_BreathesTheGoalSteadilyAndSaysWhy()
    {
        await Seed(JournalRecords.ThreePart(FakeTimeApp.Start.AddDays(-1), seconds: 10, felt: "easy"));

        var (code, output, _) = await _app.RunAsync("--technique", "three-part", "--progress", "--cycles", "1");

        code.Should().Be(ExitCodes.Success);
        AppRun.Lines(output)[1].Should().Be("Plan: That felt easy, and 10 seconds is the goal: stay here. The breaths stay at 10 s: --progress has no room left below 10 s.");
    }

    [Fact]
    public async Task LiveView_AsksHowItFeltAndOneKeyAnswers()
    {
        _app.Terminal = new TestConsole().Interactive().Width(100).Height(40);
        _app.Terminal.Input.PushKey(ConsoleKey.D3); // Hard

        var (code, _, _) = await _app.RunAsync("--technique", "ocean", "--seconds", "2", "--cycles", "1");

        code.Should().Be(ExitCodes.Success);
        var screen = _app.Terminal.Output;
        screen.Should().Contain("How did the breathing feel?").And.Contain("1 Easy   2 Comfortable   3 Hard   4 Dizzy or light-headed   (Enter skips)");
        screen.Should().Contain("Felt: Hard").And.Contain("Journal: recorded, felt: Hard.");
        (await Records()).Should().ContainSingle().Which.Feeling.Should().Be(PracticeFeeling.Hard);
    }

    [Theory]
    [InlineData(ConsoleKey.D, PracticeFeeling.Dizzy)]
    [InlineData(ConsoleKey.C, PracticeFeeling.Comfortable)]
    [InlineData(ConsoleKey.Enter, null)]
    public async Task LiveView_AFirstLetterOrEnter_AnswersOrSkipsTheQuestion(ConsoleKey key, PracticeFeeling? expected)
    {
        _app.Terminal = new TestConsole().Interactive().Width(100).Height(40);
        _app.Terminal.Input.PushKey(ConsoleKey.X); // means nothing: still waiting
        _app.Terminal.Input.PushKey(key);

        await _app.RunAsync("--pattern", "2-2", "--cycles", "1");

        (await Records()).Should().ContainSingle().Which.Feeling.Should().Be(expected);
    }

    [Fact]
    public async Task Picker_PreselectsThePlansSecondsShowsWhyAndRepeatsWithoutPinningThem()
    {
        await Seed(JournalRecords.ThreePart(FakeTimeApp.Start.AddDays(-2), seconds: 4, felt: "easy"), JournalRecords.ThreePart(FakeTimeApp.Start.AddDays(-1), seconds: 4, felt: "easy"));
        var terminal = _app.Terminal = new TestConsole().Interactive().Width(120).Height(40);
        terminal.Input.PushTextWithEnter("n");
        terminal.Input.PushKey(ConsoleKey.Enter);         // Three-Part Breath
        terminal.Input.PushKey(ConsoleKey.Enter);         // the seconds preselected
        terminal.Input.PushKey(ConsoleKey.Enter);         // steady
        terminal.Input.PushKey(ConsoleKey.DownArrow);     // a number of cycles…
        terminal.Input.PushKey(ConsoleKey.Enter);
        terminal.Input.PushTextWithEnter("1");
        terminal.Input.PushKey(ConsoleKey.Enter);         // the colour
        terminal.Input.PushKey(ConsoleKey.D1);            // felt easy

        var (code, _, _) = await _app.RunAsync();

        code.Should().Be(ExitCodes.Success);
        var screen = terminal.Output;
        screen.Should().Contain("Ready: Three-Part Breath · 10 cycles, 01:40 · 5 s per inhale, steady · steelblue1");
        screen.Should().Contain("Plan: 2 easy sessions in a row: breathe in for 5 seconds now, up from 4.");
        screen.Should().Contain("Seconds per inhale to start with (1 to 20) (5):");
        AppRun.Lines(screen).Should().Contain(l => l.TrimEnd() == "To breathe this again: BreathPacing.Console --technique three-part --cycles 1",
            "following the plan leaves --seconds out, so the same command keeps following it");
        (await Records()).Select(r => (r.StartSeconds, r.Feeling)).Should().Equal((4, PracticeFeeling.Easy), (4, PracticeFeeling.Easy), (5, PracticeFeeling.Easy));
    }

    [Fact]
    public async Task History_ShowsTheTotalsTheLatestSessionsAndTheCharts()
    {
        var monday = FakeTimeApp.Start;
        await Seed(
            JournalRecords.ThreePart(monday.AddDays(-3), seconds: 4, felt: "easy", activeSeconds: 120),
            JournalRecords.ThreePart(monday.AddDays(-2), seconds: 4, felt: "easy", activeSeconds: 150),
            JournalRecords.Custom(monday.AddDays(-2).AddHours(1)),
            JournalRecords.ThreePart(monday.AddDays(-1), seconds: 5, felt: "hard", completed: 3, activeSeconds: 45),
            JournalRecords.ThreePart(monday, seconds: 4, felt: null, activeSeconds: 300));
        var terminal = _app.Terminal = new TestConsole().Width(80);

        var (code, _, error) = await _app.RunAsync("--history");

        error.Should().BeEmpty();
        code.Should().Be(ExitCodes.Success);
        var lines = AppRun.Lines(terminal.Output).Select(l => l.TrimEnd()).ToArray();
        lines.Should().StartWith(
        [
            "Practice journal",
            _app.Journal,
            "5 sessions · 10:45 breathing · 4 days in a row (longest 4)",
            "",
        ]);
        lines.Should().ContainInConsecutiveOrder(
            "╭──────────────────┬───────────────────┬────────┬────────┬──────┬──────╮",
            "│ Ended            │ Breath            │ Inhale │ Cycles │ Time │ Felt │",
            "├──────────────────┼───────────────────┼────────┼────────┼──────┼──────┤",
            "│ 2026-03-02 18:00 │ Three-Part Breath │    4 s │    6/6 │ 5:00 │ –    │",
            "│ 2026-03-01 18:00 │ Three-Part Breath │    5 s │    3/6 │ 0:45 │ Hard │",
            "│ 2026-02-28 19:00 │ 4-6               │    4 s │    3/3 │ 0:30 │ –    │",
            "│ 2026-02-28 18:00 │ Three-Part Breath │    4 s │    6/6 │ 2:30 │ Easy │",
            "│ 2026-02-27 18:00 │ Three-Part Breath │    4 s │    6/6 │ 2:00 │ Easy │",
            "╰──────────────────┴───────────────────┴────────┴────────┴──────┴──────╯");

        // Minutes per day: 14 days ending today (in the clock's zone), days without a session at 0.
        var chart = lines.SkipWhile(l => !l.Contains("Minutes per day (the last 14 days)", StringComparison.Ordinal)).Skip(1).Take(14).ToArray();
        chart.Should().HaveCount(14);
        chart[0].Should().Be("Tue 17 Feb  0");
        chart[9].Should().Be("Thu 26 Feb  0");
        chart[10].Should().Be("Fri 27 Feb  " + new string('█', 22) + " 2");
        chart[11].Should().Be("Sat 28 Feb  " + new string('█', 34) + " 3", "2:30 of Three-Part Breath and 0:30 of the custom pattern");
        chart[12].Should().Be(" Sun 1 Mar  " + new string('█', 5) + " 0.8");
        chart[13].Should().Be(" Mon 2 Mar  " + new string('█', 58) + " 5");

        // Each technique's seconds per inhale over time, measured against the plan's goal (10 s), and what comes next.
        lines.Should().ContainInConsecutiveOrder(
            "              Three-Part Breath, seconds per inhale (4 sessions)",
            "27 Feb 18:00  " + new string('█', 21) + " 4",
            "28 Feb 18:00  " + new string('█', 21) + " 4",
            " 1 Mar 18:00  " + new string('█', 27) + " 5",
            " 2 Mar 18:00  " + new string('█', 21) + " 4");
        string.Join(' ', lines.SkipWhile(l => !l.StartsWith("Next ", StringComparison.Ordinal))).TrimEnd()
            .Should().Be("Next Three-Part Breath: Stay at 4 seconds. Say how the next session feels and the plan will adjust.", "the latest session at 4 s was not rated");
    }

    [Fact]
    public async Task History_OfAnEmptyJournal_SaysThereIsNothingYet()
    {
        var (code, output, _) = await _app.RunAsync("--history");

        code.Should().Be(ExitCodes.Success);
        output.Should().Contain("No sessions yet: each session you breathe is kept here, with how it felt.");
    }

    [Fact]
    public async Task History_OfAJournalFileThatIsNotThere_IsAnErrorAndMakesNoFile()
    {
        var typo = _app.Folder.File("jornal.db");

        var (code, _, error) = await _app.RunAsync("--history", "--journal", typo);

        code.Should().Be(ExitCodes.Journal);
        AppRun.Lines(error)[0].Should().Be($"error: there is no practice journal at \"{typo}\".");
        File.Exists(typo).Should().BeFalse();
    }

    [Fact]
    public async Task ExportJson_ThenImportIntoAnotherJournal_GivesTheSameSessionsAndSkipsThemTheSecondTime()
    {
        var sessions = new[] { JournalRecords.ThreePart(FakeTimeApp.Start.AddDays(-1)), JournalRecords.Custom(FakeTimeApp.Start), JournalRecords.ThreePart(FakeTimeApp.Start, felt: "dizzy") };
        await Seed(sessions);
        var file = _app.Folder.File("sessions.json");
        var other = _app.Folder.File("other.db");

        var export = await _app.RunAsync("--export", "json", "--output", file);
        var import = await _app.RunAsync("--journal", other, "--import", file);
        var again = await _app.RunAsync("--journal", other, "--import", file);

        export.ExitCode.Should().Be(ExitCodes.Success);
        export.Out.Should().Be($"Exported 3 sessions from \"{_app.Journal}\" to \"{file}\" as JSON.\n");
        PracticeJournalJson.Deserialize(await File.ReadAllTextAsync(file)).Should().Equal(sessions);
        import.Out.Should().Be($"Imported 3 sessions from \"{file}\" into \"{other}\".\n");
        again.Out.Should().Be($"Imported 0 sessions from \"{file}\" into \"{other}\"; 3 sessions were already there and skipped.\n");
        (await SqlitePracticeJournal.Open(other).QueryAsync(PracticeQuery.All)).Should().Equal(sessions);
    }

    [Fact]
    public async Task Export_WithoutOutput_WritesTheDocumentToStandardOutput()
    {
        await Seed(JournalRecords.ThreePart(FakeTimeApp.Start));

        var (code, output, _) = await _app.RunAsync("--export", "json");

        code.Should().Be(ExitCodes.Success);
        PracticeJournalJson.Deserialize(output).Should().Equal(JournalRecords.ThreePart(FakeTimeApp.Start));
    }

    [Fact]
    public async Task ExportCsv_WritesAHeaderAndARowPerSession()
    {
        await Seed(JournalRecords.ThreePart(FakeTimeApp.Start.AddDays(-1)), JournalRecords.Custom(FakeTimeApp.Start));
        var file = _app.Folder.File("sessions.csv");

        var (code, _, _) = await _app.RunAsync("--export", "csv", "--output", file);

        code.Should().Be(ExitCodes.Success);
        var rows = (await File.ReadAllTextAsync(file)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows.Should().HaveCount(3);
        rows[0].Should().Be(string.Join(',', PracticeJournalCsv.Columns));
        rows[1].Should().StartWith("2026-03-01T18:00:00+01:00,three-part-breath,Three-Part Breath,threePartBreath,5,");
        rows[2].Should().StartWith("2026-03-02T18:00:00+01:00,,4-6,,4,");
    }

    [Fact]
    public async Task Import_AnInvalidDocument_NamesTheFileThePathAndTheValueAndImportsNothing()
    {
        await Seed(JournalRecords.ThreePart(FakeTimeApp.Start));
        var good = PracticeJournalJson.Serialize([JournalRecords.ThreePart(FakeTimeApp.Start.AddDays(1)), JournalRecords.ThreePart(FakeTimeApp.Start.AddDays(2))]);
        var file = _app.Folder.File("bad.json");
        await File.WriteAllTextAsync(file, ReplaceLast(good, "\"easy\"", "\"meh\""));

        var (code, output, error) = await _app.RunAsync("--import", file);

        code.Should().Be(ExitCodes.ImportInvalid);
        output.Should().BeEmpty();
        AppRun.Lines(error)[0].Should().StartWith($"error: --import: \"{file}\" is not a valid practice journal: Invalid practice journal JSON at $.records[1].feeling")
            .And.Contain("\"meh\"").And.EndWith("Nothing was imported.");
        (await Records()).Should().ContainSingle("the first, valid session was not imported either");
    }

    [Fact]
    public async Task Import_AFileThatIsNotThere_FailsNamingIt()
    {
        var missing = _app.Folder.File("missing.json");

        var (code, _, error) = await _app.RunAsync("--import", missing);

        code.Should().Be(ExitCodes.Failure);
        error.Should().StartWith($"error: --import: cannot read \"{missing}\":");
    }

    [Fact]
    public async Task SpeedUp_IsADemoAndNotRecorded()
    {
        var (code, output, _) = await _app.RunAsync("--pattern", "4-6", "--cycles", "1", "--speed", "50", "--felt", "easy");

        code.Should().Be(ExitCodes.Success);
        AppRun.Lines(output).Should().Contain("Journal: not recorded, since sessions at --speed 50 are demos.");
        (await Records()).Should().BeEmpty();
    }

    [Fact]
    public async Task NoJournal_NeitherPlansNorRecordsNorMakesAFile()
    {
        var (code, output, error) = await _app.RunAsync("--technique", "three-part", "--cycles", "1", "--no-journal");

        code.Should().Be(ExitCodes.Success);
        error.Should().BeEmpty();
        output.Should().NotContain("Plan:").And.NotContain("Journal:");
        File.Exists(_app.Journal).Should().BeFalse();
    }

    [Fact]
    public async Task DataFolderUnusable_SaysOnceThatTheJournalIsOffAndBreathesAnyway()
    {
        var blocker = _app.Folder.File("a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        _app.Variables["XDG_DATA_HOME"] = blocker;

        var (code, output, error) = await _app.RunAsync("--pattern", "4-6", "--cycles", "1");

        code.Should().Be(ExitCodes.Success);
        AppRun.Lines(output).Should().Contain("  1 full breath").And.NotContain(l => l.StartsWith("Journal:", StringComparison.Ordinal));
        AppRun.Lines(error.TrimEnd()).Should().ContainSingle().Which.Should()
            .StartWith($"note: the practice journal is off: cannot create the folder \"{Path.Combine(blocker, "BreathPacing")}\" for the practice journal:")
            .And.EndWith("Sessions are not recorded; --journal <path> chooses a file, --no-journal turns this note off.");
    }

    [Fact]
    public async Task NoDataFolderAtAll_BreathesWithTheJournalOffButHistoryIsAnError()
    {
        _app.Variables.Clear(); // no XDG_DATA_HOME, and the test environment has no platform data folder

        var session = await _app.RunAsync("--pattern", "4-6", "--cycles", "1");
        var history = await _app.RunAsync("--history");

        session.ExitCode.Should().Be(ExitCodes.Success);
        session.Error.Should().StartWith("note: the practice journal is off: no data folder is known (neither XDG_DATA_HOME nor a home folder is set).");
        history.ExitCode.Should().Be(ExitCodes.Journal);
        history.Error.Should().StartWith("error: there is no practice journal: no data folder is known");
    }

    [Fact]
    public async Task DamagedJournal_IsAnErrorBeforeTheSessionAndIsLeftByteForByte()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_app.Journal)!);
        var garbage = "these bytes are not a SQLite database, though they sit where the journal should be"u8.ToArray();
        await File.WriteAllBytesAsync(_app.Journal, garbage);

        var (code, output, error) = await _app.RunAsync("--technique", "three-part", "--cycles", "1", "--felt", "easy");

        code.Should().Be(ExitCodes.Journal);
        output.Should().BeEmpty("nothing is breathed that could not be recorded");
        AppRun.Lines(error).Should().StartWith(
        [
            $"error: the practice journal \"{_app.Journal}\" cannot be read: file is not a database (SQLite error 26). It was left as it is.",
            "  Move it aside to start a new journal, choose another file with --journal <path>, or breathe without the journal with --no-journal.",
        ]);
        (await File.ReadAllBytesAsync(_app.Journal)).Should().Equal(garbage);
    }

    [Fact]
    public async Task LockedJournal_WhenTheSessionEnds_SaysItWasNotRecordedAndKeepsWhatWasThere()
    {
        var kept = JournalRecords.ThreePart(FakeTimeApp.Start.AddDays(-1));
        await Seed(kept);
        _app.BusyTimeout = TimeSpan.FromSeconds(1);
        using var other = new SqliteConnection($"Data Source={_app.Journal};Pooling=False");
        other.Open();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            begin.ExecuteNonQuery();
        }

        var (code, output, error) = await _app.RunAsync("--pattern", "4-6", "--cycles", "1", "--felt", "easy");

        code.Should().Be(ExitCodes.Journal);
        output.Should().Contain("  1 full breath", "the session itself ran");
        AppRun.Lines(error)[0].Should().Be($"error: the session was not recorded: the practice journal \"{_app.Journal}\" is locked by another program (waited 1 s: database is locked (SQLite error 5)). Nothing was changed.");
        other.Close();
        (await Records()).Should().Equal(kept);
    }

    private async Task Seed(params PracticeRecord[] records)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_app.Journal)!);
        await SqlitePracticeJournal.Open(_app.Journal).AppendRangeAsync(records);
    }

    private async Task<IReadOnlyList<PracticeRecord>> Records() => await SqlitePracticeJournal.Open(_app.Journal).QueryAsync(PracticeQuery.All);

    private static string ReplaceLast(string text, string old, string replacement)
    {
        var at = text.LastIndexOf(old, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + old.Length)..];
    }
}
