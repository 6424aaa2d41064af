using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BreathPacing.Practice;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Api;

/// <summary>
/// <c>POST /api/sessions</c> takes a technique's full options (<c>options</c>: the shared settings and the technique's
/// own), as the technique list and the practice plan write them; the library makes and checks the pattern, and a bad
/// option is a 400 naming the request field.
/// </summary>
public sealed class SessionOptionsTests : IDisposable
{
    private readonly VirtualTimeWebFactory _factory = new();
    private readonly HttpClient _client;

    public SessionOptionsTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task OceansBreath_WithItsExhaleRatio_BreathesOutForThatMuchLonger()
    {
        var created = await WebApi.StartAsync(_client, """{ "techniqueId": "ocean", "options": { "startSeconds": 3, "exhaleRatio": 2 }, "cycles": 2 }""");

        created.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("durationMs").GetDouble()).Should().Equal(3000, 6000);
        created.GetProperty("totalDurationMs").GetDouble().Should().Be(18_000);
    }

    [Fact]
    public async Task ThreePart_WithAProgressionOfItsOwn_IsTheLibrarysPattern()
    {
        var created = await WebApi.StartAsync(_client,
            """{ "techniqueId": "three-part-breath", "options": { "startSeconds": 2, "progress": true, "targetSeconds": 3, "stepSeconds": 0.5, "cyclesPerStep": 1 }, "cycles": 4 }""");

        var pattern = BreathingTechniques.ThreePart.CreatePattern(new ThreePartBreathOptions { StartSeconds = 2, Progress = true, TargetSeconds = 3, StepSeconds = 0.5, CyclesPerStep = 1 });
        created.GetProperty("totalDurationMs").GetDouble().Should().Be(new BreathTimeline(pattern, SessionLength.Cycles(4)).TotalDuration!.Value.TotalMilliseconds);
        _factory.Registry.Find(created.GetProperty("id").GetString()!)!.Session.Timeline.Pattern.Should().Be(pattern);
    }

    [Fact]
    public async Task PlansOptions_SentBackAsTheyAre_StartTheSessionThePlanSuggests_AndItsRecordKeepsThem()
    {
        // The person's last Ocean's Breath had a long exhale: the plan carries it, and the page sends the plan's options.
        const string Ocean = """{"endedAt":"2025-12-31T18:00:00+00:00","techniqueId":"oceans-breath","patternName":"Ocean's Breath","options":{"kind":"oceansBreath","startSeconds":5,"progress":false,"targetSeconds":10,"stepSeconds":1,"cyclesPerStep":3,"exhaleRatio":2},"startSeconds":5,"reachedInhaleSeconds":5,"reachedExhaleSeconds":10,"plannedCycles":3,"completedCycles":3,"activeSeconds":45,"endedEarly":false,"feeling":"comfortable"}""";
        var plan = await (await _client.PostAsync("/api/practice/plan", WebApi.Json($$"""{ "techniqueId": "oceans-breath", "records": [{{Ocean}}] }""")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var options = plan.GetProperty("options");
        options.GetProperty("exhaleRatio").GetDouble().Should().Be(2);

        var created = await WebApi.StartAsync(_client, $$"""{ "techniqueId": "oceans-breath", "options": {{options.GetRawText()}}, "cycles": 1 }""");
        created.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("durationMs").GetDouble()).Should().Equal(5000, 10_000);

        _factory.AdvanceBy(20);
        var response = await _client.PostAsync("/api/practice/record", WebApi.Json(
            $$"""{ "sessionId": "{{created.GetProperty("id").GetString()}}", "options": {{options.GetRawText()}}, "feeling": "easy" }"""));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        PracticeJournalJson.DeserializeRecord((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("record").GetRawText())
            .Options.Should().Be(new OceansBreathOptions { StartSeconds = 5, ExhaleRatio = 2 });
    }

    [Fact]
    public async Task Record_WithOptionsTheSessionWasNotStartedWith_Is400_AndTheSessionRuns()
    {
        var created = await WebApi.StartAsync(_client, """{ "techniqueId": "oceans-breath", "options": { "exhaleRatio": 2 }, "cycles": 3 }""");
        var id = created.GetProperty("id").GetString()!;
        _factory.AdvanceBy(2);

        var response = await _client.PostAsync("/api/practice/record", WebApi.Json($$"""{ "sessionId": "{{id}}", "stop": true, "options": { "exhaleRatio": 1.5 } }"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await WebApi.ProblemAsync(response);
        problem.GetProperty("field").GetString().Should().Be("options");
        problem.GetProperty("detail").GetString().Should().Contain("was not started with these");
        _factory.Registry.Find(id)!.Session.State.Should().Be(BreathSessionState.Running);
    }

    public static TheoryData<string, string, string, string> BadOptions => new()
    {
        { "a ratio the technique refuses", """{ "techniqueId": "ocean", "options": { "exhaleRatio": 0.5 } }""", "options.exhaleRatio", "exhaleRatio = 0.5" },
        { "another technique's option", """{ "techniqueId": "three-part", "options": { "exhaleRatio": 2 } }""", "options.exhaleRatio", "startSeconds, progress, targetSeconds, stepSeconds, cyclesPerStep" },
        { "a fractional whole-number option", """{ "techniqueId": "three-part", "options": { "cyclesPerStep": 2.5 } }""", "options.cyclesPerStep", "options.cyclesPerStep = 2.5: expected a whole number" },
        { "a number as text", """{ "techniqueId": "ocean", "options": { "startSeconds": "5" } }""", "options.startSeconds", "expected a finite number" },
        { "a flag as text", """{ "techniqueId": "ocean", "options": { "progress": "yes" } }""", "options.progress", "expected true or false" },
        { "a number too large", """{ "techniqueId": "ocean", "options": { "stepSeconds": 1e309 } }""", "options.stepSeconds", "expected a finite number" },
        { "options not an object", """{ "techniqueId": "ocean", "options": [5] }""", "options", "options = an array" },
        { "an option given twice", """{ "techniqueId": "ocean", "options": { "exhaleRatio": 2, "ExhaleRatio": 3 } }""", "options.exhaleRatio", "more than once" },
        { "seconds and options.startSeconds", """{ "techniqueId": "ocean", "seconds": 4, "options": { "startSeconds": 5 } }""", "options.startSeconds", "Give seconds or options.startSeconds, not both" },
        { "options for a notation", """{ "notation": "4-4", "options": { "startSeconds": 5 } }""", "options", "apply to a technique" },
        { "a target beyond the range", """{ "techniqueId": "three-part", "options": { "progress": true, "targetSeconds": 30 } }""", "options.targetSeconds", "targetSeconds = 30" },
        { "seconds beyond the default target", """{ "techniqueId": "three-part", "seconds": 12, "progress": true }""", "options.targetSeconds", "more than startSeconds" },
        { "seconds below the range", """{ "techniqueId": "three-part", "seconds": 0.5 }""", "seconds", "startSeconds = 0.5" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Start_WithABadOption_Is400NamingTheRequestField(string scenario, string body, string field, string mentions)
    {
        var response = await _client.PostAsync("/api/sessions", WebApi.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, scenario);
        var problem = await WebApi.ProblemAsync(response);
        problem.GetProperty("field").GetString().Should().Be(field, scenario);
        (problem.GetProperty("detail").GetString() + " " + problem.GetRawText()).Should().Contain(mentions, scenario);
    }
}
