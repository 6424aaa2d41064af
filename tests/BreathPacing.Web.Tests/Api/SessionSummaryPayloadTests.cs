using System.Net;
using System.Text.Json;
using BreathPacing.Serialization;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Api;

/// <summary>
/// <c>SessionCompleted</c> carries what the session amounted to as the library's summary says it, on virtual time: whole
/// cycles, how far into the next one it stopped and where (phase and region), the breaths a cycle holds, the pace the
/// pattern set, and the time breathed and paused.
/// </summary>
public sealed class SessionSummaryPayloadTests : IDisposable
{
    private readonly VirtualTimeWebFactory _factory = new();
    private readonly HttpClient _client;

    public SessionSummaryPayloadTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task StoppedInTheFourthCycle_SaysThreeWholeCycles_AndWhereInTheFourthItStopped()
    {
        // Three-Part Breath at 2 s: 4 s a cycle; the exhale empties the chest first (2/3 s per region).
        var (id, stream) = await StartFollowingAsync("""{ "techniqueId": "three-part-breath", "seconds": 2, "cycles": 5 }""");
        _factory.AdvanceBy(6);
        (await _client.PostAsync($"/api/sessions/{id}/pause", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        _factory.AdvanceBy(5);
        (await _client.PostAsync($"/api/sessions/{id}/resume", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        _factory.AdvanceBy(8.3); // 14.3 s breathed: three cycles and 2.3 s of the fourth

        var summary = await StopAndReadSummaryAsync(id, stream);

        summary.GetProperty("completedCycles").GetInt32().Should().Be(3);
        summary.GetProperty("plannedCycles").GetInt32().Should().Be(5);
        summary.GetProperty("partialCycle").GetDouble().Should().BeApproximately(2.3 / 4, 1e-9);
        summary.GetProperty("breathsPerCycle").GetInt32().Should().Be(1);
        var end = summary.GetProperty("endPosition");
        end.GetProperty("cycleIndex").GetInt32().Should().Be(3, "the fourth cycle was under way");
        end.GetProperty("phaseKind").GetString().Should().Be("exhale");
        end.GetProperty("segmentIndex").GetInt32().Should().Be(0);
        end.GetProperty("region").GetString().Should().Be("chest", "the exhale empties the chest first");
        end.GetProperty("phaseProgress").GetDouble().Should().BeApproximately(0.15, 1e-9);
        summary.GetProperty("pacedBreathsPerMinute").GetDouble().Should().Be(15, "one breath every 4 s, however early it stopped");
        summary.GetProperty("progression").GetBoolean().Should().BeFalse();
        summary.GetProperty("activeTimeMs").GetDouble().Should().BeApproximately(14_300, 1e-6);
        summary.GetProperty("pausedTimeMs").GetDouble().Should().Be(5_000);
        summary.GetProperty("endedEarly").GetBoolean().Should().BeTrue();
        summary.TryGetProperty("breathsPerMinute", out _).Should().BeFalse("the one pace field says which pace it is");
    }

    [Fact]
    public async Task StoppedInTheFirstCycle_SaysNoWholeCycle_AndWhereInTheFirstItStopped()
    {
        var (id, stream) = await StartFollowingAsync("""{ "techniqueId": "three-part-breath", "seconds": 2, "cycles": 3 }""");
        _factory.AdvanceBy(1); // the upper belly fills from 0.667 s to 1.333 s

        var summary = await StopAndReadSummaryAsync(id, stream);

        summary.GetProperty("completedCycles").GetInt32().Should().Be(0);
        summary.GetProperty("partialCycle").GetDouble().Should().BeApproximately(0.25, 1e-9);
        var end = summary.GetProperty("endPosition");
        end.GetProperty("cycleIndex").GetInt32().Should().Be(0);
        end.GetProperty("phaseKind").GetString().Should().Be("inhale");
        end.GetProperty("region").GetString().Should().Be("upper-belly");
        summary.GetProperty("pacedBreathsPerMinute").GetDouble().Should().Be(15, "the pace the pattern set, even before a cycle was complete");
        summary.GetProperty("activeTimeMs").GetDouble().Should().Be(1_000);
        summary.GetProperty("pausedTimeMs").GetDouble().Should().Be(0);
    }

    [Fact]
    public async Task TwoBreathsACycle_SaysSo_AndThePaceCountsBreathsNotCycles()
    {
        var pattern = BreathPattern.Create("Twice round")
            .Inhale(TimeSpan.FromSeconds(2)).Exhale(TimeSpan.FromSeconds(2))
            .Inhale(TimeSpan.FromSeconds(2)).Exhale(TimeSpan.FromSeconds(4))
            .Build();
        var body = JsonSerializer.Serialize(new { pattern = JsonDocument.Parse(BreathPatternJson.Serialize(pattern)).RootElement, cycles = 4 });
        var (id, stream) = await StartFollowingAsync(body);
        _factory.AdvanceBy(10 + 5); // one 10 s cycle, then 5 s: halfway through the second inhale

        var summary = await StopAndReadSummaryAsync(id, stream);

        summary.GetProperty("completedCycles").GetInt32().Should().Be(1);
        summary.GetProperty("breathsPerCycle").GetInt32().Should().Be(2);
        summary.GetProperty("partialCycle").GetDouble().Should().BeApproximately(0.5, 1e-9);
        summary.GetProperty("endPosition").GetProperty("phaseIndex").GetInt32().Should().Be(2, "the second inhale of the cycle");
        summary.GetProperty("endPosition").GetProperty("region").ValueKind.Should().Be(JsonValueKind.Null, "an unsegmented phase has no region");
        summary.GetProperty("endPosition").GetProperty("segmentIndex").GetInt32().Should().Be(-1);
        summary.GetProperty("pacedBreathsPerMinute").GetDouble().Should().Be(12, "two breaths every 10 s");
    }

    [Fact]
    public async Task RanToItsEnd_WithAProgression_SaysEveryCycle_AndAnAveragePace()
    {
        var created = await WebApi.StartAsync(_client, """{ "techniqueId": "three-part-breath", "seconds": 2, "progress": true, "cycles": 6 }""");
        var total = created.GetProperty("totalDurationMs").GetDouble();
        total.Should().BeGreaterThan(6 * 4000, "later cycles are longer");
        _factory.AdvanceBy((total / 1000) + 1);
        await using var sse = await SseClient.ConnectAsync(_client, created.GetProperty("eventsUrl").GetString()!);
        var summary = (await sse.ReadToEndAsync())[^1].Data;

        summary.GetProperty("completedCycles").GetInt32().Should().Be(6);
        summary.GetProperty("partialCycle").GetDouble().Should().Be(0);
        summary.GetProperty("endedEarly").GetBoolean().Should().BeFalse();
        summary.GetProperty("progression").GetBoolean().Should().BeTrue();
        summary.GetProperty("pacedBreathsPerMinute").GetDouble().Should().BeApproximately(6 * 60_000 / total, 1e-9,
            "with a progression the pace is the average over the cycles breathed");
    }

    private async Task<(string Id, Task<SseClient> Stream)> StartFollowingAsync(string body)
    {
        var created = await WebApi.StartAsync(_client, body);
        var id = created.GetProperty("id").GetString()!;
        var stream = SseClient.ConnectAsync(_client, created.GetProperty("eventsUrl").GetString()!);
        await Eventually.HoldsAsync(() => _factory.Registry.Find(id)!.ConnectedClients == 1, "the stream is attached");
        return (id, stream);
    }

    private async Task<JsonElement> StopAndReadSummaryAsync(string id, Task<SseClient> stream)
    {
        await using var sse = await stream;
        (await _client.DeleteAsync($"/api/sessions/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var events = await sse.ReadToEndAsync();
        events[^1].Name.Should().Be("SessionCompleted");
        return events[^1].Data;
    }
}
