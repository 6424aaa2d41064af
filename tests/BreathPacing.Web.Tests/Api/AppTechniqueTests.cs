using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BreathPacing.Grounding;
using BreathPacing.Practice;
using BreathPacing.Web.Sessions;
using BreathPacing.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.Web.Tests.Api;

/// <summary>
/// A technique an app registers in the catalog (<c>GroundingCatalog.Create(b => b.AddTechnique(...))</c>, put in DI in
/// place of the built-in catalog) works in the web host untouched: listed with its guidance and options, started with the
/// shared settings and its own options, paced with its cue texts, planned and recorded.
/// </summary>
public sealed class AppTechniqueTests : IDisposable
{
    private readonly VirtualTimeWebFactory _parent = new();
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;

    public AppTechniqueTests()
    {
        _factory = _parent.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(BoxBreath.Catalog())));
        _client = _factory.CreateClient();
    }

    private SessionRegistry Registry => _factory.Services.GetRequiredService<SessionRegistry>();

    public void Dispose()
    {
        _factory.Dispose();
        _parent.Dispose();
    }

    [Fact]
    public async Task Techniques_ListTheAppsTechnique_WithItsGuidanceAndItsOwnOptions()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/techniques");
        var box = list.EnumerateArray().Single(t => t.GetProperty("id").GetString() == BoxBreath.Id);

        list.EnumerateArray().Select(t => t.GetProperty("id").GetString()).Should().Contain(["three-part-breath", "oceans-breath"], "the built-ins stay");
        box.GetProperty("name").GetString().Should().Be("Box Breath");
        box.GetProperty("steps").GetArrayLength().Should().Be(4);
        box.GetProperty("visual").GetString().Should().Be("wave");
        box.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("kind").GetString())
            .Should().Equal("inhale", "holdAfterInhale", "exhale", "holdAfterExhale");
        box.GetProperty("defaultOptions").GetProperty("holdRatio").GetDouble().Should().Be(1);
        box.GetProperty("defaultOptions").GetProperty("startSeconds").GetDouble().Should().Be(4);
        box.GetProperty("minimumSeconds").GetDouble().Should().Be(1);
        (await _client.GetFromJsonAsync<JsonElement>("/api/techniques/SQUARE")).GetProperty("id").GetString().Should().Be(BoxBreath.Id, "found by its alias");
    }

    [Fact]
    public async Task Session_WithSecondsProgressAndItsOwnOption_IsPacedWithItsCues_AndRecorded()
    {
        const string Start = """{ "techniqueId": "square", "seconds": 2, "progress": true, "options": { "holdRatio": 0.5, "targetSeconds": 3, "cyclesPerStep": 1 }, "cycles": 2 }""";
        var created = await WebApi.StartAsync(_client, Start);
        var expected = BoxBreath.Technique.CreatePattern(new BoxBreathOptions { StartSeconds = 2, Progress = true, HoldRatio = 0.5, TargetSeconds = 3, CyclesPerStep = 1 });

        created.GetProperty("techniqueId").GetString().Should().Be(BoxBreath.Id);
        created.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("durationMs").GetDouble()).Should().Equal(2000, 1000, 2000, 1000);
        created.GetProperty("totalDurationMs").GetDouble().Should().Be(new BreathTimeline(expected, SessionLength.Cycles(2)).TotalDuration!.Value.TotalMilliseconds,
            "the second cycle is a step longer");
        var id = created.GetProperty("id").GetString()!;
        Registry.Find(id)!.Session.Timeline.Pattern.Should().Be(expected, "the library made the pattern from the app's options");

        _factory.Services.GetRequiredService<System.Reactive.Concurrency.IScheduler>().Should().BeSameAs(_parent.Scheduler);
        _parent.AdvanceBy(60);
        await using var sse = await SseClient.ConnectAsync(_client, created.GetProperty("eventsUrl").GetString()!);
        var events = await sse.ReadToEndAsync();

        var phases = events.Where(e => e.Name == "PhaseStarted").ToList();
        phases.Select(e => e.Data.GetProperty("phaseKind").GetString()).Should().Equal(
            "inhale", "holdAfterInhale", "exhale", "holdAfterExhale", "inhale", "holdAfterInhale", "exhale", "holdAfterExhale");
        phases.Select(e => e.Data.GetProperty("cue").GetString()).Take(4).Should().Equal(
            "Draw the first side of the square.", "Rest at the corner.", "Draw the far side, slowly.", "Rest at the corner.");
        events[^1].Data.GetProperty("completedCycles").GetInt32().Should().Be(2);

        var response = await _client.PostAsync("/api/practice/record", WebApi.Json(
            $$"""{ "sessionId": "{{id}}", "seconds": 2, "progress": true, "options": { "holdRatio": 0.5, "targetSeconds": 3, "cyclesPerStep": 1 } }"""));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var record = PracticeJournalJson.DeserializeRecord((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("record").GetRawText());
        record.TechniqueId.Should().Be(BoxBreath.Id);
        (record.Options!.StartSeconds, record.Options.Progress, record.Options.TargetSeconds, record.Options.CyclesPerStep).Should().Be((2, true, 3, 1),
            "a journal keeps the shared settings of an app's own options");
    }

    [Fact]
    public async Task Plan_ForTheAppsTechnique_SuggestsItsOwnOptionsType()
    {
        var response = await _client.PostAsync("/api/practice/plan", WebApi.Json("""{ "techniqueId": "box-breath", "records": [] }"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        plan.GetProperty("techniqueName").GetString().Should().Be("Box Breath");
        plan.GetProperty("options").GetProperty("holdRatio").GetDouble().Should().Be(1, "the plan writes the technique's own options type");

        var started = await _client.PostAsync("/api/sessions", WebApi.Json(
            $$"""{ "techniqueId": "box-breath", "options": {{plan.GetProperty("options").GetRawText()}}, "cycles": 1 }"""));
        started.StatusCode.Should().Be(HttpStatusCode.Created, "what the plan suggests can be sent back as it is");
    }

    [Theory]
    [InlineData("""{ "holdRatio": 3 }""", "options.holdRatio", "holdRatio = 3")]
    [InlineData("""{ "holdRatio": "half" }""", "options.holdRatio", "expected a finite number")]
    [InlineData("""{ "exhaleRatio": 2 }""", "options.exhaleRatio", "holdRatio")]
    public async Task Session_WithABadOwnOption_Is400NamingIt(string options, string field, string mentions)
    {
        var response = await _client.PostAsync("/api/sessions", WebApi.Json($$"""{ "techniqueId": "box-breath", "options": {{options}} }"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await WebApi.ProblemAsync(response);
        problem.GetProperty("field").GetString().Should().Be(field);
        problem.GetRawText().Should().Contain(mentions);
    }
}
