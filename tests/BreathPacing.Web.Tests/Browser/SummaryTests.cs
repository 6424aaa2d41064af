using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// The summary says what the session amounted to in words: whole breaths (cycles and breaths when a cycle holds more
/// than one), where it stopped, the pace the pattern set, the time breathed and paused. A real session stopped in its
/// first breath, and summaries of given shapes served to the page as the server writes them (the payload itself is
/// tested against the library on virtual time in Api/SessionSummaryPayloadTests).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SummaryTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string ScriptedId = "0123456789abcdef0123456789abcdef";
    private readonly List<string> _errors = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await fixture.NewContextAsync();
        _page = await BrowserFixture.OpenPageAsync(_context, _errors);
    }

    public async Task DisposeAsync() => await _context.CloseAsync();

    [Fact]
    public async Task RealSession_StoppedInTheFirstBreath_SaysWhereInItItStopped_AndThePatternsPace()
    {
        await _page.GotoAsync("/");
        await _page.Locator("input[name=source][value=three-part-breath]").CheckAsync();
        await _page.Locator("#seconds").FillAsync("4");
        await _page.Locator("#length").FillAsync("3");
        await _page.Locator("#start").ClickAsync();
        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync("Inhale");

        await _page.Locator("#stop").ClickAsync();

        await Assertions.Expect(_page.Locator("#summary")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#summary-text")).ToHaveTextAsync(new Regex(
            @"^Stopped partway through the 1st breath \(inhale, (lower belly|upper belly|chest)\) · paced at 7\.5 breaths a minute · 0:0[0-4] breathing$"));
        await Assertions.Expect(_page.Locator("#summary-ratio")).ToHaveTextAsync("1 : 1");
        await Assertions.Expect(_page.Locator("#summary-early")).ToBeVisibleAsync();
        _errors.Should().BeEmpty();
    }

    public static TheoryData<string, string, string> Summaries => new()
    {
        {
            "stopped in the fourth breath, after a pause",
            Json(new
            {
                completedCycles = 3, plannedCycles = 5, partialCycle = 0.575, breathsPerCycle = 1,
                endPosition = new { cycleIndex = 3, phaseIndex = 1, phaseKind = "exhale", phaseProgress = 0.15, segmentIndex = 0, region = "chest" },
                pacedBreathsPerMinute = 7.5, progression = false, activeTimeMs = 29_100, pausedTimeMs = 5_000, inhaleToExhaleRatio = 1.0, endedEarly = true,
            }),
            "3 full breaths, stopped partway through the 4th (exhale, chest) · paced at 7.5 breaths a minute · 0:29 breathing, 0:05 paused"
        },
        {
            "stopped in the first breath",
            Json(new
            {
                completedCycles = 0, plannedCycles = 5, partialCycle = 0.25, breathsPerCycle = 1,
                endPosition = new { cycleIndex = 0, phaseIndex = 0, phaseKind = "inhale", phaseProgress = 0.5, segmentIndex = 1, region = "upper-belly" },
                pacedBreathsPerMinute = 15.0, progression = false, activeTimeMs = 1_000, pausedTimeMs = 0, inhaleToExhaleRatio = 1.0, endedEarly = true,
            }),
            "Stopped partway through the 1st breath (inhale, upper belly) · paced at 15 breaths a minute · 0:01 breathing"
        },
        {
            "two breaths a cycle, stopped in a hold",
            Json(new
            {
                completedCycles = 2, plannedCycles = 4, partialCycle = 0.5, breathsPerCycle = 2,
                endPosition = new { cycleIndex = 2, phaseIndex = 1, phaseKind = "holdAfterInhale", phaseProgress = 0.5, segmentIndex = -1, region = (string?)null },
                pacedBreathsPerMinute = 12.0, progression = false, activeTimeMs = 25_000, pausedTimeMs = 0, inhaleToExhaleRatio = 0.5, endedEarly = true,
            }),
            "2 full cycles (4 breaths), stopped partway through the 3rd cycle (holding after the inhale) · paced at 12 breaths a minute · 0:25 breathing"
        },
        {
            "ran to its end, lengthening",
            Json(new
            {
                completedCycles = 6, plannedCycles = 6, partialCycle = 0.0, breathsPerCycle = 1,
                endPosition = new { cycleIndex = 6, phaseIndex = 0, phaseKind = "inhale", phaseProgress = 0.0, segmentIndex = -1, region = (string?)null },
                pacedBreathsPerMinute = 5.2345, progression = true, activeTimeMs = 68_800, pausedTimeMs = 0, inhaleToExhaleRatio = 1.0, endedEarly = false,
            }),
            "6 full breaths · paced at 5.2 breaths a minute on average · 1:09 breathing"
        },
    };

    private static string Json(object payload) => JsonSerializer.Serialize(payload, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Theory]
    [MemberData(nameof(Summaries))]
    public async Task Summary_OfAGivenShape_IsSaidInWords(string scenario, string completed, string expected)
    {
        // A browser that keeps no journal, so the scripted session asks the server for no record.
        await _page.AddInitScriptAsync("Object.defineProperty(window, 'indexedDB', { value: undefined });");
        var created = JsonSerializer.Serialize(new
        {
            id = ScriptedId, name = "Three-Part Breath", techniqueId = "three-part-breath", visual = "wave", startedAt = DateTimeOffset.UtcNow,
            eventsUrl = $"/api/sessions/{ScriptedId}/events", totalCycles = 5, totalDurationMs = 40_000, phases = Array.Empty<object>(), pattern = new { },
        });
        await _page.RouteAsync("**/api/sessions", route => route.Request.Method == "POST"
            ? route.FulfillAsync(new RouteFulfillOptions { Status = 201, ContentType = "application/json", Body = created })
            : route.ContinueAsync());
        var stream = new ScriptedEventStream()
            .Event("SessionStarted", 0, 0, new { name = "Three-Part Breath", totalCycles = 5, totalDurationMs = 40_000, regions = Array.Empty<string>() })
            .Event("SessionCompleted", 1, 1000, JsonNode.Parse(completed), state: "completed");
        await _page.RouteAsync($"**/api/sessions/{ScriptedId}/events", route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/event-stream", Body = stream.Text }));

        await _page.GotoAsync("/");
        await _page.Locator("input[name=source][value=three-part-breath]").CheckAsync();
        await _page.Locator("#start").ClickAsync();

        await Assertions.Expect(_page.Locator("#summary")).ToBeVisibleAsync();
        (await _page.Locator("#summary-text").TextContentAsync()).Should().Be(expected, scenario);
        _errors.Should().BeEmpty(scenario);
    }
}
