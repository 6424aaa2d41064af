using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// The page follows a session's event stream when it ends abnormally. The real server paces the session; the test
/// routes the page's event-stream requests (Playwright's <c>page.RouteAsync</c>) and answers the first with what a server
/// says in trouble — a 429 or 503 problem, a stream cut short, a <c>reset</c> — then lets the page's next request through
/// to the real server. Ocean's Breath at 3 s (a 3 s inhale, a 4.5 s exhale), stopped once it is seen to run on.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StreamTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<string> _errors = [];
    private readonly List<(DateTime At, string? LastEventId)> _requests = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await fixture.NewContextAsync();
        _page = await BrowserFixture.OpenPageAsync(_context, _errors);
    }

    public async Task DisposeAsync() => await _context.CloseAsync();

    [Theory]
    [InlineData(429, "Too many event streams for this session.")]
    [InlineData(503, "The server is busy.")]
    public async Task BusyServer_TheEventsRouteRefuses_ThePageSaysSoWaitsItsRetryAfterAndThenFollowsTheSession(int status, string title)
    {
        var problem = JsonSerializer.Serialize(new { type = "about:blank", title, status, detail = "Try again shortly.", retryAfterSeconds = 2 });
        await RouteEventsAsync(first: route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = status, ContentType = "application/problem+json", Body = problem, Headers = new Dictionary<string, string> { ["Retry-After"] = "2" },
        }));

        await StartAsync();

        await Assertions.Expect(_page.Locator("#stream-status")).ToHaveTextAsync(new Regex($"^{Regex.Escape(title)} Trying again in [23] seconds\\.$"));
        (await _page.Locator("#stream-status").GetAttributeAsync("role")).Should().Be("status", "the message is announced politely");
        await Screenshot($"stream-busy-{status}.png");
        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync(new Regex("^(Inhale|Exhale)$"), new() { Timeout = 6_000 }); // the session ran on meanwhile
        await Assertions.Expect(_page.Locator("#stream-status")).ToBeEmptyAsync();
        _requests.Should().HaveCount(2);
        (_requests[1].At - _requests[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9), "the page waits as long as Retry-After says");
        _requests[1].LastEventId.Should().BeNull("nothing had been received");
        await StopAsync();
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task StreamCutShort_ThePageResumesAfterTheLastEventItHad_AndMissesNothing()
    {
        // The server's first two events, then the connection ends: as a dropped connection or a restarted proxy would.
        await RouteEventsAsync(first: route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "text/event-stream",
            Body = new ScriptedEventStream()
                .Event("SessionStarted", 0, 0, new { name = "Ocean's Breath", totalCycles = 2, totalDurationMs = 15_000, regions = Array.Empty<string>() })
                .Event("PhaseStarted", 1, 0, new
                {
                    cycleIndex = 0, phaseIndex = 0, phaseKind = "inhale", airway = "nose", durationMs = 3000, volumeAtStart = 0, volumeAtEnd = 1,
                    fillsAtStart = Array.Empty<double>(), fillsAtEnd = Array.Empty<double>(),
                })
                .Text,
        }));

        await StartAsync();

        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync("Exhale"); // event 2 came from the server
        _requests.Should().HaveCount(2);
        _requests[1].LastEventId.Should().Be("1", "the page resumes after the last event it had");
        (await _page.Locator("#stream-status").TextContentAsync()).Should().BeEmpty("a resumed stream is nothing to mention");
        await StopAsync();
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Reset_ThePageDropsItsPictureQuietly_AndRebuildsItFromTheStart()
    {
        // An instance that must resynchronise: it had sent a picture (a long hold at sequence 40) that is void now. A page
        // that kept it would ignore the real events up to 40 as already seen and stay on "Hold".
        await RouteEventsAsync(first: route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "text/event-stream",
            Body = new ScriptedEventStream()
                .Event("SessionStarted", 0, 0, new { name = "Ocean's Breath", totalCycles = 2, totalDurationMs = 15_000, regions = Array.Empty<string>() })
                .Event("PhaseStarted", 40, 0, new
                {
                    cycleIndex = 7, phaseIndex = 1, phaseKind = "holdAfterExhale", airway = "unspecified", durationMs = 60_000, volumeAtStart = 0, volumeAtEnd = 0,
                    fillsAtStart = Array.Empty<double>(), fillsAtEnd = Array.Empty<double>(),
                })
                .Comment("heartbeat")
                .Reset("resynchronise", lastGoodSequence: 0)
                .Text,
        }));

        await StartAsync();

        await Assertions.Expect(_page.Locator("#session")).ToHaveAttributeAsync("data-resets", "1");
        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync(new Regex("^(Inhale|Exhale)$"));
        await Assertions.Expect(_page.Locator("#cycle")).ToHaveTextAsync(new Regex("^Cycle [12] of 2$"), new() { Timeout = 5_000 });
        _requests.Should().HaveCount(2);
        _requests[1].LastEventId.Should().BeNull("after a reset the page starts from the first event");
        (await _page.Locator("#stream-status").TextContentAsync()).Should().BeEmpty("a reset shows nothing alarming");
        (await _page.Locator("#announcer").TextContentAsync()).Should().NotContain("lost");
        await Screenshot("stream-after-reset.png");
        await StopAsync();
        _errors.Should().BeEmpty();
    }

    // Answers the page's first event-stream request with first, and lets every later one through to the server.
    private Task RouteEventsAsync(Func<IRoute, Task> first) =>
        _page.RouteAsync("**/api/sessions/*/events", async route =>
        {
            var headers = await route.Request.AllHeadersAsync();
            int count;
            lock (_requests)
            {
                _requests.Add((DateTime.UtcNow, headers.TryGetValue("last-event-id", out var id) ? id : null));
                count = _requests.Count;
            }

            output.WriteLine($"events request {count}: Last-Event-ID {(headers.TryGetValue("last-event-id", out var shown) ? shown : "none")}");
            if (count == 1)
            {
                await first(route);
            }
            else
            {
                await route.ContinueAsync();
            }
        });

    private async Task StartAsync()
    {
        await _page.GotoAsync("/");
        await _page.Locator("input[name=source][value=oceans-breath]").CheckAsync();
        await _page.Locator("#seconds").FillAsync("3");
        await _page.Locator("#length").FillAsync("2");
        await _page.Locator("#start").ClickAsync();
        await Assertions.Expect(_page.Locator("#session")).ToBeVisibleAsync();
    }

    private async Task StopAsync()
    {
        await _page.Locator("#stop").ClickAsync();
        await Assertions.Expect(_page.Locator("#summary")).ToBeVisibleAsync();
    }

    private Task Screenshot(string name) =>
        _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotsDirectory, name) });
}
