using System.Text.Json;
using BreathPacing.Serialization;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Api;

/// <summary>
/// Phase and segment events carry the library's per-region fill and lung volume at both ends of their span, so a
/// client interpolating linearly between them draws exactly what <see cref="BreathPosition.FillOf(string)"/> says.
/// </summary>
public sealed class RegionFillPayloadTests : IDisposable
{
    private readonly VirtualTimeWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    // Two inhales per cycle, each moving part of the breath into several regions.
    private static BreathPattern DoubleInhale() => BreathPattern.Create("Double inhale")
        .Inhale(TimeSpan.FromSeconds(1), segments: s => s.Add(BodyRegions.LowerBelly, 0.5).Add(BodyRegions.UpperBelly, 0.5))
        .Inhale(TimeSpan.FromSeconds(2), segments: s => s.Add(BodyRegions.LowerBelly, 0.25).Add(BodyRegions.UpperBelly, 0.25).Add(BodyRegions.Chest, 0.5))
        .HoldAfterInhale(TimeSpan.FromSeconds(0.5))
        .Exhale(TimeSpan.FromSeconds(2))
        .Build();

    [Fact]
    public async Task Events_DoubleInhale_CarryTheLibrarysFillsAtEachSpansEnds_AndInterpolatingThemIsTheLibrarysFill()
    {
        var pattern = DoubleInhale();
        var timeline = new BreathTimeline(pattern, SessionLength.Cycles(2));
        var events = await RunAsync(pattern, cycles: 2);

        var regions = events[0].Data.GetProperty("regions").EnumerateArray().Select(r => r.GetString()!).ToArray();
        regions.Should().Equal(timeline.Regions, "the regions come in the library's fill order");
        regions.Should().Equal(BodyRegions.LowerBelly, BodyRegions.UpperBelly, BodyRegions.Chest);

        var spans = events.Where(e => e.Name is "PhaseStarted" or "SegmentStarted").ToList();
        spans.Should().HaveCount(2 * (1 + 2 + 1 + 3 + 1 + 1), "phase events, and one event per segment");
        foreach (var span in spans)
        {
            var start = span.OffsetMs;
            var duration = span.Data.GetProperty("durationMs").GetDouble();
            var from = Doubles(span.Data.GetProperty("fillsAtStart"));
            var to = Doubles(span.Data.GetProperty("fillsAtEnd"));
            from.Should().HaveCount(3);
            to.Should().HaveCount(3);
            for (var r = 0; r < regions.Length; r++)
            {
                from[r].Should().BeApproximately(FillAt(timeline, start, r), 1e-12, $"{span} {regions[r]} at its start");
                to[r].Should().BeApproximately(FillAt(timeline, start + duration, r), 1e-12, $"{span} {regions[r]} at its end");
            }

            // Segment spans (and phases without segments) are linear: what a client draws in between is the library's.
            var segmented = pattern.Phases[span.Data.GetProperty("phaseIndex").GetInt32()].Segments.Length > 0;
            if (span.Name == "SegmentStarted" || !segmented)
            {
                foreach (var t in new[] { 0.25, 0.5, 0.9 })
                {
                    for (var r = 0; r < regions.Length; r++)
                    {
                        (from[r] + ((to[r] - from[r]) * t)).Should().BeApproximately(FillAt(timeline, start + (duration * t), r), 1e-9, $"{span} {regions[r]} at {t:P0}");
                    }
                }
            }

            if (span.Name == "PhaseStarted")
            {
                span.Data.GetProperty("volumeAtStart").GetDouble().Should().BeApproximately(timeline.At(TimeSpan.FromMilliseconds(start)).LungVolume, 1e-12);
                span.Data.GetProperty("volumeAtEnd").GetDouble().Should().BeApproximately(timeline.At(TimeSpan.FromMilliseconds(start + duration)).LungVolume, 1e-12);
            }
        }

        var afterFirstInhale = spans.First(s => s.Name == "PhaseStarted" && s.Data.GetProperty("phaseIndex").GetInt32() == 1);
        Doubles(afterFirstInhale.Data.GetProperty("fillsAtStart"))[0].Should().BeApproximately(0.5, 1e-9,
            "the first of two inhales leaves the lower belly half full, not full");
    }

    [Fact]
    public async Task Events_PatternWithoutSegments_HasNoRegionsAndEmptyFills()
    {
        var pattern = BreathPattern.Create("plain").Inhale(TimeSpan.FromSeconds(1)).Exhale(TimeSpan.FromSeconds(1)).Build();
        var events = await RunAsync(pattern, cycles: 1);

        events[0].Data.GetProperty("regions").GetArrayLength().Should().Be(0);
        var phases = events.Where(e => e.Name == "PhaseStarted").ToList();
        phases.Should().OnlyContain(e => e.Data.GetProperty("fillsAtStart").GetArrayLength() == 0 && e.Data.GetProperty("fillsAtEnd").GetArrayLength() == 0);
        phases.Select(e => (e.Data.GetProperty("volumeAtStart").GetDouble(), e.Data.GetProperty("volumeAtEnd").GetDouble()))
            .Should().Equal((0.0, 1.0), (1.0, 0.0));
    }

    private static double FillAt(BreathTimeline timeline, double ms, int region) => timeline.At(TimeSpan.FromMilliseconds(ms)).FillOf(region);

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(static e => e.GetDouble()).ToArray();

    private async Task<List<SseEvent>> RunAsync(BreathPattern pattern, int cycles)
    {
        var client = _factory.CreateClient();
        var body = JsonSerializer.Serialize(new { pattern = JsonDocument.Parse(BreathPatternJson.Serialize(pattern)).RootElement, cycles });
        var session = await WebApi.StartAsync(client, body);
        _factory.AdvanceBy(60);
        await using var sse = await SseClient.ConnectAsync(client, session.GetProperty("eventsUrl").GetString()!);
        return await sse.ReadToEndAsync();
    }
}
