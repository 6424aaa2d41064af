using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BreathPacing.Grounding;
using BreathPacing.Practice;
using BreathPacing.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.Web.Tests.Api;

/// <summary>
/// The practice routes on virtual time: the server keeps no history, so every computation gets its records in the
/// request, validated like every other body (strict JSON, the journal's own rules with the path of the offending
/// value, the size limit), and answers with the library's results in the catalog's words.
/// </summary>
public sealed class PracticeApiTests : IDisposable
{
    private const string ThreePart = "three-part-breath";
    private readonly VirtualTimeWebFactory _factory = new();
    private readonly HttpClient _client;

    public PracticeApiTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    // ---- POST /api/practice/plan -------------------------------------------------------------------------------

    [Fact]
    public async Task Plan_NoRecords_BeginsAtTheStartingLength()
    {
        var plan = await PlanAsync("""{ "techniqueId": "three-part", "records": [] }""");

        plan.GetProperty("techniqueId").GetString().Should().Be(ThreePart, "an alias finds the technique");
        plan.GetProperty("session").GetProperty("seconds").GetDouble().Should().Be(4, "the article's advice: start at about 4 seconds");
        plan.GetProperty("reason").GetProperty("kind").GetString().Should().Be("firstSession");
        plan.GetProperty("reason").GetProperty("text").GetString().Should().Be("Begin gently, breathing in for 4 seconds.");
        plan.GetProperty("range").GetProperty("goalSeconds").GetDouble().Should().Be(10);
    }

    [Fact]
    public async Task Plan_TwoEasySessions_LengthenTheBreath_WhetherTheDocumentOrItsRecordsAreSent()
    {
        var records = $"[{Record("2025-12-30T18:00:00+01:00", feeling: "easy")}, {Record("2025-12-31T18:00:00+01:00", feeling: "easy")}]";

        var fromDocument = await PlanAsync($$"""{ "techniqueId": "three-part-breath", "records": { "version": 1, "records": {{records}} } }""");
        var fromArray = await PlanAsync($$"""{ "techniqueId": "three-part-breath", "records": {{records}} }""");

        foreach (var plan in new[] { fromDocument, fromArray })
        {
            plan.GetProperty("session").GetProperty("seconds").GetDouble().Should().Be(5, "two easy sessions in a row lengthen the breath by a step");
            plan.GetProperty("options").GetProperty("startSeconds").GetDouble().Should().Be(5);
            plan.GetProperty("reason").GetProperty("kind").GetString().Should().Be("easyInARow");
            plan.GetProperty("reason").GetProperty("text").GetString().Should().Be("2 easy sessions in a row: breathe in for 5 seconds now, up from 4.");
            plan.GetProperty("reason").GetProperty("feeling").GetString().Should().Be("easy");
        }
    }

    [Fact]
    public async Task Plan_DizzyAfterClimbing_GoesBackToTheStart()
    {
        var records = $"[{Record("2025-12-30T18:00:00Z", start: 7, feeling: "easy")}, {Record("2025-12-31T18:00:00Z", start: 7, feeling: "dizzy")}]";

        var plan = await PlanAsync($$"""{ "techniqueId": "three-part-breath", "records": {{records}} }""");

        plan.GetProperty("session").GetProperty("seconds").GetDouble().Should().Be(4);
        plan.GetProperty("reason").GetProperty("kind").GetString().Should().Be("dizzy");
        plan.GetProperty("reason").GetProperty("text").GetString().Should().StartWith("You felt dizzy or light-headed: go back to the starting length, breathing in for 4 seconds.");
    }

    [Fact]
    public async Task Plan_OceansBreath_KeepsThePersonsExhaleRatio_AndPassesOverOtherTechniques()
    {
        const string Ocean = """{"endedAt":"2025-12-31T18:00:00+00:00","techniqueId":"oceans-breath","patternName":"Ocean's Breath","options":{"kind":"oceansBreath","startSeconds":5,"progress":false,"targetSeconds":10,"stepSeconds":1,"cyclesPerStep":3,"exhaleRatio":2},"startSeconds":5,"reachedInhaleSeconds":5,"reachedExhaleSeconds":10,"plannedCycles":3,"completedCycles":3,"activeSeconds":45,"endedEarly":false,"feeling":"comfortable"}""";
        var records = $"[{Ocean}, {Record("2025-12-31T19:00:00+00:00", start: 9, feeling: "dizzy")}]";

        var plan = await PlanAsync($$"""{ "techniqueId": "ujjayi", "records": {{records}} }""");

        plan.GetProperty("techniqueId").GetString().Should().Be("oceans-breath");
        plan.GetProperty("reason").GetProperty("kind").GetString().Should().Be("comfortable", "the dizzy Three-Part session says nothing about Ocean's Breath");
        plan.GetProperty("options").GetProperty("startSeconds").GetDouble().Should().Be(5);
        plan.GetProperty("options").GetProperty("exhaleRatio").GetDouble().Should().Be(2, "the person's own exhale ratio is carried to the next session");
    }

    public static TheoryData<string, string, string> BadPlanRequests => new()
    {
        { "malformed JSON", """{ "techniqueId": "three-part-breath", "records": [ """, "not valid JSON" },
        { "a comment", """{ "techniqueId": "three-part-breath", /* hi */ "records": [] }""", "not valid JSON" },
        { "a trailing comma", """{ "techniqueId": "three-part-breath", "records": [], }""", "not valid JSON" },
        { "an unknown field", """{ "techniqueId": "three-part-breath", "records": [], "now": "2026-01-01" }""", "now" },
        { "no technique", """{ "records": [] }""", "techniqueId is required" },
        { "an unknown technique", """{ "techniqueId": "box-breathing", "records": [] }""", "techniqueId = 'box-breathing'" },
        { "no records", """{ "techniqueId": "three-part-breath" }""", "records is required" },
        { "records as text", """{ "techniqueId": "three-part-breath", "records": "none" }""", "found string" },
        { "a future version", """{ "techniqueId": "three-part-breath", "records": { "version": 2, "records": [] } }""", "unsupported version 2" },
        { "no version", """{ "techniqueId": "three-part-breath", "records": { "records": [] } }""", "records.version" },
        { "a null record", """{ "techniqueId": "three-part-breath", "records": [null] }""", "records[0]" },
        { "an unknown record field", $$"""{ "techniqueId": "three-part-breath", "records": [{{Record("2025-12-31T18:00:00Z").Replace("\"endedEarly\"", "\"mood\":1,\"endedEarly\"", StringComparison.Ordinal)}}] }""", "mood" },
        { "a time without its offset", $$"""{ "techniqueId": "three-part-breath", "records": [{{Record("2025-12-31T18:00:00")}}] }""", "records[0].endedAt" },
        { "negative cycles", $$"""{ "techniqueId": "three-part-breath", "records": [{{Record("2025-12-31T18:00:00Z").Replace("\"completedCycles\":5", "\"completedCycles\":-1", StringComparison.Ordinal)}}] }""", "records[0].completedCycles" },
    };

    [Theory]
    [MemberData(nameof(BadPlanRequests))]
    public async Task Plan_BadRequest_IsAProblemNamingThePath(string scenario, string body, string mentions)
    {
        var response = await _client.PostAsync("/api/practice/plan", WebApi.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, scenario);
        var problem = await WebApi.ProblemAsync(response);
        problem.GetRawText().Should().Contain(mentions, scenario);
    }

    [Fact]
    public async Task Plan_UnknownFeeling_NamesTheRecordsFeeling_InEitherForm()
    {
        var bad = Record("2025-12-31T18:00:00Z", feeling: "light-headed");

        var asArray = await ProblemOfAsync("/api/practice/plan", $$"""{ "techniqueId": "three-part-breath", "records": [{{Record("2025-12-30T18:00:00Z")}}, {{bad}}] }""");
        var asDocument = await ProblemOfAsync("/api/practice/plan", $$"""{ "techniqueId": "three-part-breath", "records": { "version": 1, "records": [{{bad}}] } }""");

        asArray.GetProperty("field").GetString().Should().Be("records[1].feeling", "the path of the value in the request");
        asArray.GetProperty("detail").GetString().Should().Contain("\"easy\", \"comfortable\", \"hard\" or \"dizzy\"").And.Contain("light-headed");
        asDocument.GetProperty("field").GetString().Should().Be("records.records[0].feeling");
        asDocument.GetProperty("path").GetString().Should().Be("$.records[0].feeling", "the path within the journal document");
        asDocument.GetProperty("title").GetString().Should().Be("The practice journal is invalid.");
    }

    [Fact]
    public async Task Plan_AJournalBeyondTheHostsDefaultBodyLimit_IsRead_UpToThePracticeRoutesOwnLimit()
    {
        var within = Journal(200);
        Encoding.UTF8.GetByteCount(within).Should().BeGreaterThan(32 * 1024, "the test must exceed the host's default limit");

        var plan = await PlanAsync($$"""{ "techniqueId": "three-part-breath", "records": {{within}} }""");
        plan.GetProperty("reason").GetProperty("kind").GetString().Should().Be("easyInARow");

        var beyond = $$"""{ "techniqueId": "three-part-breath", "records": {{Journal(2_200)}} }""";
        Encoding.UTF8.GetByteCount(beyond).Should().BeGreaterThan(512 * 1024, "the test must exceed the practice routes' limit");
        var response = await _client.PostAsync("/api/practice/plan", WebApi.Json(beyond));
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await WebApi.ProblemAsync(response)).GetProperty("detail").GetString().Should().Contain("at most 524288");
    }

    [Fact]
    public async Task Statistics_OfAJournalLongerThanFourWeeks_CountEverySessionAndTheWholeStreak()
    {
        // One session a day for 300 days up to yesterday: about 120 KB, beyond the host's default limit.
        var statistics = await StatisticsAsync($$"""{ "records": {{Journal(300)}}, "timeZone": "UTC", "days": 28 }""");

        statistics.GetProperty("sessions").GetInt32().Should().Be(300);
        statistics.GetProperty("longestStreak").GetInt32().Should().Be(300);
        statistics.GetProperty("currentStreak").GetInt32().Should().Be(300, "today has none yet, so the streak ends yesterday");
        statistics.GetProperty("activeSeconds").GetDouble().Should().Be(300 * 40);
    }

    [Fact]
    public async Task SessionStart_KeepsTheHostsDefaultBodyLimit()
    {
        var body = "{ \"techniqueId\": \"ocean\"" + new string(' ', 40 * 1024) + "}";

        var response = await _client.PostAsync("/api/sessions", WebApi.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, "only the practice routes take longer bodies");
    }

    // ---- POST /api/practice/record ------------------------------------------------------------------------------

    [Fact]
    public async Task Record_FinishedSession_IsTheLibrarysRecord_EndingInThePersonsTimeZone()
    {
        var created = await WebApi.StartAsync(_client, """{ "techniqueId": "three-part-breath", "seconds": 5, "cycles": 2 }""");
        var total = TimeSpan.FromMilliseconds(created.GetProperty("totalDurationMs").GetDouble());
        _factory.AdvanceBy(total.TotalSeconds + 1);

        var response = await _client.PostAsync("/api/practice/record", WebApi.Json(
            $$"""{ "sessionId": "{{created.GetProperty("id").GetString()}}", "seconds": 5, "feeling": "easy", "timeZone": "Asia/Kolkata" }"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("version").GetInt32().Should().Be(PracticeJournalJson.CurrentVersion);
        var record = PracticeJournalJson.DeserializeRecord(body.GetProperty("record").GetRawText());
        record.EndedAt.Should().Be(VirtualTimeWebFactory.Epoch + total, "the session ended when its last breath did");
        record.EndedAt.Offset.Should().Be(TimeSpan.FromHours(5.5), "the end time carries the offset of the place it was practised");
        record.TechniqueId.Should().Be(ThreePart);
        record.Options.Should().Be(new ThreePartBreathOptions { StartSeconds = 5 });
        record.StartSeconds.Should().Be(5);
        (record.PlannedCycles, record.CompletedCycles, record.EndedEarly).Should().Be((2, 2, false));
        record.ActiveTime.Should().Be(total);
        record.Feeling.Should().Be(PracticeFeeling.Easy);
    }

    [Fact]
    public async Task Record_RunningSession_Is409_UntilStopEndsItEarly()
    {
        var created = await WebApi.StartAsync(_client, """{ "techniqueId": "oceans-breath", "cycles": 5 }""");
        var id = created.GetProperty("id").GetString()!;
        _factory.AdvanceBy(12);

        var early = await _client.PostAsync("/api/practice/record", WebApi.Json($$"""{ "sessionId": "{{id}}" }"""));
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await WebApi.ProblemAsync(early)).GetProperty("detail").GetString().Should().Contain("\"stop\": true");
        _factory.Registry.Find(id)!.Session.State.Should().Be(BreathSessionState.Running, "asking for a record does not end a session");

        var stopped = await _client.PostAsync("/api/practice/record", WebApi.Json($$"""{ "sessionId": "{{id}}", "stop": true, "utcOffsetMinutes": -300 }"""));

        stopped.StatusCode.Should().Be(HttpStatusCode.OK, await stopped.Content.ReadAsStringAsync());
        var record = PracticeJournalJson.DeserializeRecord((await stopped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("record").GetRawText());
        record.EndedEarly.Should().BeTrue();
        record.ActiveTime.Should().Be(TimeSpan.FromSeconds(12));
        record.CompletedCycles.Should().Be(1, "one 10-second cycle of Ocean's Breath was complete after 12 seconds");
        record.EndedAt.Should().Be(VirtualTimeWebFactory.Epoch.AddSeconds(12));
        record.EndedAt.Offset.Should().Be(TimeSpan.FromHours(-5));
        record.Feeling.Should().BeNull("the person has not been asked yet");
        _factory.Registry.Find(id)!.Session.State.Should().Be(BreathSessionState.Completed, "the session stays readable for its grace period");

        var again = await _client.PostAsync("/api/practice/record", WebApi.Json($$"""{ "sessionId": "{{id}}", "utcOffsetMinutes": -300 }"""));
        PracticeJournalJson.DeserializeRecord((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("record").GetRawText())
            .Should().Be(record, "asking again gives the same record, which a journal keeps once");
    }

    [Fact]
    public async Task Record_PausedTime_MovesTheEndButNotTheActiveTime()
    {
        var created = await WebApi.StartAsync(_client, """{ "techniqueId": "oceans-breath", "cycles": 1 }""");
        var id = created.GetProperty("id").GetString()!;
        _factory.AdvanceBy(3);
        await _client.PostAsync($"/api/sessions/{id}/pause", null);
        _factory.AdvanceBy(20);
        await _client.PostAsync($"/api/sessions/{id}/resume", null);
        _factory.AdvanceBy(8);

        var record = await RecordAsync($$"""{ "sessionId": "{{id}}" }""");

        record.ActiveTime.Should().Be(TimeSpan.FromSeconds(10));
        record.EndedAt.Should().Be(VirtualTimeWebFactory.Epoch.AddSeconds(30));
        record.EndedAt.Offset.Should().Be(TimeSpan.Zero, "without a time zone the end is written in UTC");
    }

    [Fact]
    public async Task Record_CustomPattern_HasNoTechniqueOrOptions()
    {
        var created = await WebApi.StartAsync(_client, """{ "notation": "2-2", "cycles": 1 }""");
        _factory.AdvanceBy(5);

        var record = await RecordAsync($$"""{ "sessionId": "{{created.GetProperty("id").GetString()}}", "feeling": "hard" }""");

        record.TechniqueId.Should().BeNull();
        record.Options.Should().BeNull();
        record.PatternName.Should().Be("2-2");
        record.Feeling.Should().Be(PracticeFeeling.Hard);
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadRecordRequests => new()
    {
        { "no session id", """{ "stop": true }""", HttpStatusCode.BadRequest, "sessionId is required" },
        { "an unknown session", """{ "sessionId": "0123456789abcdef0123456789abcdef", "stop": true }""", HttpStatusCode.NotFound, "0123456789abcdef0123456789abcdef" },
        { "an unknown feeling", """{ "sessionId": "{id}", "stop": true, "feeling": "meh" }""", HttpStatusCode.BadRequest, "feeling = 'meh'" },
        { "a feeling as a number", """{ "sessionId": "{id}", "stop": true, "feeling": 3 }""", HttpStatusCode.BadRequest, "\"field\":\"feeling\"" },
        { "other seconds than the session's", """{ "sessionId": "{id}", "stop": true, "seconds": 6 }""", HttpStatusCode.BadRequest, "seconds = 6" },
        { "progress the session did not have", """{ "sessionId": "{id}", "stop": true, "progress": true }""", HttpStatusCode.BadRequest, "progress = true" },
        { "an unknown time zone", """{ "sessionId": "{id}", "stop": true, "timeZone": "Mars/Olympus_Mons" }""", HttpStatusCode.BadRequest, "timeZone = 'Mars/Olympus_Mons'" },
        { "a path for a time zone", """{ "sessionId": "{id}", "stop": true, "timeZone": "../../etc/passwd" }""", HttpStatusCode.BadRequest, "timeZone" },
        { "both zone forms", """{ "sessionId": "{id}", "stop": true, "timeZone": "UTC", "utcOffsetMinutes": 0 }""", HttpStatusCode.BadRequest, "not both" },
        { "an offset beyond any zone", """{ "sessionId": "{id}", "stop": true, "utcOffsetMinutes": 900 }""", HttpStatusCode.BadRequest, "utcOffsetMinutes = 900" },
        { "an unknown field", """{ "sessionId": "{id}", "stop": true, "endedAt": "2026-01-01T00:00:00Z" }""", HttpStatusCode.BadRequest, "endedAt" },
    };

    [Theory]
    [MemberData(nameof(BadRecordRequests))]
    public async Task Record_BadRequest_IsAProblem_AndLeavesTheSessionRunning(string scenario, string body, HttpStatusCode status, string mentions)
    {
        var id = (await WebApi.StartAsync(_client, """{ "techniqueId": "three-part-breath", "seconds": 4, "cycles": 3 }""")).GetProperty("id").GetString()!;
        _factory.AdvanceBy(2);

        var response = await _client.PostAsync("/api/practice/record", WebApi.Json(body.Replace("{id}", id, StringComparison.Ordinal)));

        response.StatusCode.Should().Be(status, scenario);
        (await WebApi.ProblemAsync(response)).GetRawText().Should().Contain(mentions, scenario);
        _factory.Registry.Find(id)!.Session.State.Should().Be(BreathSessionState.Running, $"{scenario} must not stop the session");
    }

    // ---- POST /api/practice/statistics --------------------------------------------------------------------------

    [Fact]
    public async Task Statistics_CutDaysAtMidnightInTheGivenTimeZone()
    {
        // Half an hour before and after midnight UTC: two days in London, one in Berlin (an hour ahead).
        var records = $"[{Record("2025-12-30T23:30:00+00:00", feeling: "easy")}, {Record("2025-12-31T00:30:00+00:00")}]";

        var london = await StatisticsAsync($$"""{ "records": {{records}}, "timeZone": "Europe/London", "days": 3 }""");
        var berlin = await StatisticsAsync($$"""{ "records": {{records}}, "timeZone": "Europe/Berlin", "days": 3 }""");

        Series(london).Should().Equal(("2025-12-30", 1), ("2025-12-31", 1), ("2026-01-01", 0));
        Series(berlin).Should().Equal(("2025-12-30", 0), ("2025-12-31", 2), ("2026-01-01", 0));
        london.GetProperty("currentStreak").GetInt32().Should().Be(2, "today has no session yet, so the streak ends yesterday");
        berlin.GetProperty("currentStreak").GetInt32().Should().Be(1);
        berlin.GetProperty("sessions").GetInt32().Should().Be(2);
        berlin.GetProperty("activeSeconds").GetDouble().Should().Be(80);
        berlin.GetProperty("timeZone").GetString().Should().Be("Europe/Berlin");
        var levels = berlin.GetProperty("techniques")[0].GetProperty("levels");
        levels.EnumerateArray().Select(l => l.GetProperty("date").GetString()).Should().Equal("2025-12-31", "2025-12-31");
        levels[0].GetProperty("feeling").GetString().Should().Be("easy");
    }

    [Fact]
    public async Task Statistics_FixedOffset_AndRecordsFarFromNow_AreNotCounted()
    {
        var records = $"[{Record("1990-06-01T12:00:00+00:00")}, {Record("2025-12-31T23:30:00+00:00")}, {Record("2027-01-01T00:00:00+00:00")}]";

        var statistics = await StatisticsAsync($$"""{ "records": {{records}}, "utcOffsetMinutes": -120, "days": 2 }""");

        statistics.GetProperty("notCounted").GetInt32().Should().Be(2);
        statistics.GetProperty("today").GetString().Should().Be("2025-12-31", "at 00:00 UTC it is 22:00 the day before at UTC−2");
        Series(statistics).Should().Equal(("2025-12-30", 0), ("2025-12-31", 1));
    }

    [Theory]
    [InlineData("""{ "records": [], "days": 0 }""", "days = 0")]
    [InlineData("""{ "records": [], "days": 400 }""", "days = 400")]
    [InlineData("""{ "records": [], "timeZone": "Nowhere" }""", "timeZone = 'Nowhere'")]
    [InlineData("""{ "timeZone": "UTC" }""", "records is required")]
    [InlineData("""{ "records": { "version": 3, "records": [] } }""", "unsupported version 3")]
    public async Task Statistics_BadRequest_IsAProblemNamingTheField(string body, string mentions)
    {
        var problem = await ProblemOfAsync("/api/practice/statistics", body);

        problem.GetRawText().Should().Contain(mentions);
    }

    // ---- GET /api/practice/feelings, POST /api/practice/read ----------------------------------------------------

    [Fact]
    public async Task Feelings_AreTheCatalogsWords_WithTheCodesARecordKeeps()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/practice/feelings");
        var catalog = _factory.Services.GetRequiredService<IGroundingCatalog>();

        body.GetProperty("question").GetString().Should().Be("How did the breathing feel?");
        var feelings = body.GetProperty("feelings").EnumerateArray().Select(f => (Code: f.GetProperty("code").GetString()!, Text: f.GetProperty("text").GetString()!)).ToArray();
        feelings.Select(f => f.Text).Should().Equal("Easy", "Comfortable", "Hard", "Dizzy or light-headed");
        foreach (var (code, text) in feelings)
        {
            var record = PracticeJournalJson.DeserializeRecord(Record("2025-12-31T18:00:00Z", feeling: code));
            catalog.GetText(PracticeTextKeys.Feeling(record.Feeling!.Value)).Should().Be(text, $"the code '{code}' is the journal's code for '{text}'");
        }
    }

    [Fact]
    public async Task Read_ValidJournal_ComesBackAsTheLibraryWritesIt()
    {
        var response = await _client.PostAsync("/api/practice/read", WebApi.Json($$"""{ "version": 1, "records": [{{Record("2025-12-31T18:00:00Z", feeling: "hard")}}] }"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        var records = PracticeJournalJson.Deserialize(text);
        records.Should().ContainSingle().Which.Feeling.Should().Be(PracticeFeeling.Hard);
        JsonDocument.Parse(text).RootElement.GetProperty("records")[0].GetProperty("endedAt").GetString()
            .Should().Be("2025-12-31T18:00:00+00:00", "the library writes every instant with its offset");
    }

    [Fact]
    public async Task Read_InvalidJournal_NamesThePath_AndAFutureVersionSaysSo()
    {
        var bad = await ProblemOfAsync("/api/practice/read", $$"""{ "version": 1, "records": [{{Record("2025-12-31T18:00:00Z")}}, {{Record("2025-12-31T19:00:00Z", start: 0)}}] }""");
        var future = await ProblemOfAsync("/api/practice/read", """{ "version": 2, "records": [] }""");

        bad.GetProperty("field").GetString().Should().Be("records[1].startSeconds");
        future.GetProperty("detail").GetString().Should().Contain("unsupported version 2");
    }

    [Theory]
    [InlineData("null", "$")]
    [InlineData("[]", "$")]
    [InlineData("\"journal\"", "$")]
    [InlineData("{ \"version\": 1, \"records\": [], \"exportedBy\": \"x\" }", "exportedBy")]
    [InlineData("{ \"version\": 1, \"records\": [ ", "not valid JSON")]
    [InlineData("", "body")]
    public async Task Read_NotAJournal_IsAProblem(string body, string mentions)
    {
        var problem = await ProblemOfAsync("/api/practice/read", body);

        problem.GetRawText().Should().Contain(mentions);
    }

    [Fact]
    public async Task OpenApi_DescribesThePracticeRoutes()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Should().Contain(
            ["/api/practice/feelings", "/api/practice/record", "/api/practice/plan", "/api/practice/statistics", "/api/practice/read"]);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /// <summary>A version-1 record of a Three-Part Breath session of 40 s without options, as a journal holds it.</summary>
    private static string Record(string endedAt, double start = 4, string? feeling = null)
    {
        var seconds = start.ToString(CultureInfo.InvariantCulture);
        var felt = feeling is null ? string.Empty : $",\"feeling\":\"{feeling}\"";
        return $$"""{"endedAt":"{{endedAt}}","techniqueId":"three-part-breath","patternName":"Three-Part Breath","startSeconds":{{seconds}},"reachedInhaleSeconds":{{seconds}},"reachedExhaleSeconds":{{seconds}},"plannedCycles":5,"completedCycles":5,"activeSeconds":40,"endedEarly":false{{felt}}}""";
    }

    /// <summary>One easy session a day, the last one yesterday (before the virtual clock's now), as a records array.</summary>
    private static string Journal(int days) => "[" + string.Join(", ", Enumerable.Range(0, days).Reverse().Select(i =>
        Record(VirtualTimeWebFactory.Epoch.AddDays(-i - 1).AddHours(18).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), feeling: "easy"))) + "]";

    private async Task<JsonElement> PlanAsync(string body) => await OkAsync("/api/practice/plan", body);

    private async Task<JsonElement> StatisticsAsync(string body) => await OkAsync("/api/practice/statistics", body);

    private async Task<PracticeRecord> RecordAsync(string body) =>
        PracticeJournalJson.DeserializeRecord((await OkAsync("/api/practice/record", body)).GetProperty("record").GetRawText());

    private async Task<JsonElement> OkAsync(string url, string body)
    {
        var response = await _client.PostAsync(url, WebApi.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> ProblemOfAsync(string url, string body)
    {
        var response = await _client.PostAsync(url, WebApi.Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return await WebApi.ProblemAsync(response);
    }

    private static IEnumerable<(string Date, int Sessions)> Series(JsonElement statistics) =>
        statistics.GetProperty("days").EnumerateArray().Select(d => (d.GetProperty("date").GetString()!, d.GetProperty("sessions").GetInt32()));
}
