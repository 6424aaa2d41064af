using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// At desktop and phone sizes, through setup, a running session, a paused one, the summary with its rating card, and
/// the history with the plan's suggestion: the breath view
/// (body or wave, label, countdown, controls) stays inside one viewport with nothing to scroll, axe-core finds no
/// WCAG 2.1 A/AA violation, and a screenshot of each state goes to TestResults/screenshots under the test output.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewportAndAccessibilityTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private readonly List<string> _errors = [];
    private IBrowserContext? _context;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(1280, 720, false)]
    [InlineData(1440, 900, false)]
    [InlineData(390, 844, true)]
    [InlineData(360, 640, true)]
    public async Task BreathView_FitsOneViewportThroughTheSession_AndEveryStatePassesAxe(int width, int height, bool phone)
    {
        var size = $"{width}x{height}";
        var page = await OpenAsync(phone ? PageTests.Phone(width, height) : PageTests.Desktop(width, height));
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#sources li")).ToHaveCountAsync(5);
        await ExpectNoAxeViolationsAsync(page, $"setup {size}");
        await ScreenshotAsync(page, $"setup-{size}.png", fullPage: true);

        // A session from the bottom of a scrolled setup form, as on a phone.
        await page.Locator("input[name=source][value=three-part-breath]").CheckAsync();
        await page.Locator("#seconds").FillAsync("1");
        await page.Locator("#length").FillAsync("10");
        await page.Locator("#start").ScrollIntoViewIfNeededAsync();
        await page.Locator("#start").ClickAsync();
        await Assertions.Expect(page.Locator("#phase-label")).ToHaveTextAsync("Inhale");
        await Assertions.Expect(page.Locator("#pause")).ToBeFocusedAsync();

        // Measured on every animation frame for a whole breath (inhale and exhale), while the chest fills and empties.
        var running = await MeasureAsync(page, frames: 0, untilActiveMs: 2300);
        output.WriteLine($"{size} running: {running}");
        running.AssertFits(size, "running");
        await ExpectNoAxeViolationsAsync(page, $"running {size}");
        await WaitForFillAsync(page, "chest", 0.5);
        await ExpectReadableRegionLabelsAsync(page, $"running {size}");
        await ScreenshotAsync(page, $"running-{size}.png", fullPage: false);

        await page.Locator("#pause").ClickAsync();
        await Assertions.Expect(page.Locator("#phase-label")).ToHaveTextAsync("Paused");
        await Assertions.Expect(page.Locator("#announcer")).ToHaveTextAsync("Paused");
        await Assertions.Expect(page.Locator("#resume")).ToBeFocusedAsync();
        var paused = await MeasureAsync(page, frames: 30, untilActiveMs: double.NaN);
        output.WriteLine($"{size} paused: {paused}");
        paused.AssertFits(size, "paused");
        await page.WaitForTimeoutAsync(400); // the dimming's transition, for the contrast check and the picture
        await ExpectNoAxeViolationsAsync(page, $"paused {size}");
        await ExpectReadableRegionLabelsAsync(page, $"paused {size}");
        await ScreenshotAsync(page, $"paused-{size}.png", fullPage: false);

        await page.Locator("#stop").ClickAsync();
        await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#self-care-name")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#feelings button").First).ToBeEnabledAsync(); // the rating card, ready
        await ExpectNoAxeViolationsAsync(page, $"summary {size}");
        await ScreenshotAsync(page, $"summary-{size}.png", fullPage: true);

        // How it felt, then the history (chart and table) and the plan's suggestion on the setup form.
        await page.Locator("#feelings button[data-feeling=comfortable]").ClickAsync();
        await Assertions.Expect(page.Locator("#rating-status")).ToContainTextAsync("Saved: Comfortable.");
        await Assertions.Expect(page.Locator("#history-chart")).ToBeVisibleAsync();
        await ExpectNoAxeViolationsAsync(page, $"rated summary and history {size}");
        await page.Locator("#again").ClickAsync();
        await Assertions.Expect(page.Locator("#suggestion")).ToHaveAttributeAsync("data-reason", "comfortable");
        await Assertions.Expect(page.Locator("#history-rows tr")).ToHaveCountAsync(1);
        await ExpectNoAxeViolationsAsync(page, $"setup with suggestion and history {size}");
        await ScreenshotAsync(page, $"history-{size}.png", fullPage: true);
        _errors.Should().BeEmpty("the page runs without script errors");
    }

    [Fact]
    public async Task WaveView_FitsASmallPhone()
    {
        var page = await OpenAsync(PageTests.Phone(360, 640));
        await page.GotoAsync("/");
        await page.Locator("input[name=source][value=oceans-breath]").CheckAsync();
        await page.Locator("#seconds").FillAsync("1");
        await page.Locator("#length").FillAsync("2");
        await page.Locator("#start").ClickAsync();
        await Assertions.Expect(page.Locator("#phase-label")).ToHaveTextAsync("Inhale");

        var running = await MeasureAsync(page, frames: 0, untilActiveMs: 2000);
        output.WriteLine($"360x640 wave: {running}");
        running.AssertFits("360x640", "running (wave)");
        await ScreenshotAsync(page, "running-wave-360x640.png", fullPage: false);
    }

    [Fact]
    public async Task WaitingForABusyServer_TheMessageFitsASmallPhone_AndPassesAxe()
    {
        var page = await OpenAsync(PageTests.Phone(360, 640));
        var refused = 0;
        await page.RouteAsync("**/api/sessions/*/events", route => Interlocked.Increment(ref refused) == 1
            ? route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 503, ContentType = "application/problem+json", Headers = new Dictionary<string, string> { ["Retry-After"] = "3" },
                Body = """{ "type": "about:blank", "title": "The server is busy.", "status": 503, "detail": "This server already serves its maximum of 500 event streams. Try again shortly.", "retryAfterSeconds": 3 }""",
            })
            : route.ContinueAsync());
        await page.GotoAsync("/");
        await page.Locator("input[name=source][value=three-part-breath]").CheckAsync();
        await page.Locator("#seconds").FillAsync("2");
        await page.Locator("#length").FillAsync("2");
        await page.Locator("#start").ClickAsync();

        await Assertions.Expect(page.Locator("#stream-status")).ToContainTextAsync("The server is busy. Trying again in 3 seconds.");
        await Assertions.Expect(page.Locator("#phase-label")).ToHaveTextAsync("Waiting");
        var waiting = await MeasureAsync(page, frames: 20, untilActiveMs: double.NaN);
        output.WriteLine($"360x640 waiting: {waiting}");
        waiting.AssertFits("360x640", "waiting for the server");
        await ExpectNoAxeViolationsAsync(page, "waiting 360x640");
        await ScreenshotAsync(page, "waiting-360x640.png", fullPage: false);
        await Assertions.Expect(page.Locator("#phase-label")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Inhale|Exhale)$"), new() { Timeout = 8_000 });
        await Assertions.Expect(page.Locator("#stream-status")).ToBeEmptyAsync();
        await page.Locator("#stop").ClickAsync();
        _errors.Should().BeEmpty();
    }

    private async Task<IPage> OpenAsync(BrowserNewContextOptions options)
    {
        options.BypassCSP = true; // lets the test inject axe-core; the page's own scripts are unchanged
        _context = await fixture.NewContextAsync(options);
        return await BrowserFixture.OpenPageAsync(_context, _errors);
    }

    /// <summary>
    /// Records, on each animation frame, where the breath view and its parts are against the viewport: for
    /// <paramref name="frames"/> frames, or until the session's active time passes <paramref name="untilActiveMs"/>.
    /// </summary>
    private static async Task<Fit> MeasureAsync(IPage page, int frames, double untilActiveMs)
    {
        var json = await page.EvaluateAsync<string>("""
            ([frames, untilActiveMs]) => new Promise(resolve => {
              const parts = {
                view: '#session', visual: '#session .visual:not(.off)', head: '#body-visual circle.outline', chest: '#region-chest',
                lowerBelly: '#region-lower-belly', label: '#phase-label', countdown: '#countdown', controls: '#session .controls',
              };
              const fit = { frames: 0, worstOverflowPx: 0, worstPart: '', maxScrollY: 0, maxScrollableY: 0, view: null, visual: null };
              const session = document.querySelector('#session');
              const tick = () => {
                const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
                for (const [name, selector] of Object.entries(parts)) {
                  const el = document.querySelector(selector);
                  if (!el || el.getClientRects().length === 0) continue; // not shown (e.g. the body on a wave session)
                  const r = el.getBoundingClientRect();
                  const over = Math.max(0, -r.top, -r.left, r.bottom - vh, r.right - vw);
                  if (over > fit.worstOverflowPx) { fit.worstOverflowPx = over; fit.worstPart = name; }
                  if (name === 'view' || name === 'visual') fit[name] = { top: r.top, bottom: r.bottom, left: r.left, right: r.right, vw, vh };
                }
                fit.maxScrollY = Math.max(fit.maxScrollY, window.scrollY);
                fit.maxScrollableY = Math.max(fit.maxScrollableY, document.documentElement.scrollHeight - vh);
                fit.frames++;
                const active = parseFloat(session.dataset.activeMs ?? '0');
                const done = Number.isFinite(untilActiveMs) ? active >= untilActiveMs || fit.frames > 1200 : fit.frames >= frames;
                if (done) resolve(JSON.stringify(fit)); else requestAnimationFrame(tick);
              };
              tick();
            })
            """, new object[] { frames, untilActiveMs });
        return JsonSerializer.Deserialize<Fit>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private async Task ExpectNoAxeViolationsAsync(IPage page, string state)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = BrowserFixture.AxeSource });
        }

        var json = await page.EvaluateAsync<string>("""
            async tags => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return JSON.stringify({
                passes: result.passes.length,
                violations: result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary })) })),
              });
            }
            """, WcagTags);
        var result = JsonSerializer.Deserialize<AxeResult>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var report = new StringBuilder();
        foreach (var v in result.Violations)
        {
            report.AppendLine($"{v.Id} ({v.Impact}): {v.Help}");
            foreach (var node in v.Nodes)
            {
                report.AppendLine($"  {node.Target}: {node.Summary?.ReplaceLineEndings(" ")}");
            }
        }

        output.WriteLine($"axe {state}: {result.Violations.Length} violations, {result.Passes} rules passed");
        result.Violations.Should().BeEmpty($"the {state} page meets WCAG 2.1 AA as far as axe-core can tell:{Environment.NewLine}{report}");
    }

    /// <summary>
    /// axe-core does not judge text drawn in SVG, so the body's region labels are checked here the same way: the
    /// label's colour against what is painted behind it (shapes and backgrounds under the label, composited with
    /// their opacity), at its left end, middle and right end, needs 4.5:1 (WCAG 1.4.3, normal-size text).
    /// </summary>
    private async Task ExpectReadableRegionLabelsAsync(IPage page, string state)
    {
        var json = await page.EvaluateAsync<string>("""
            () => {
              const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
              const over = (top, alpha, under) => ({ r: top.r * alpha + under.r * (1 - alpha), g: top.g * alpha + under.g * (1 - alpha), b: top.b * alpha + under.b * (1 - alpha) });
              const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
              const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
              const opacity = e => { let o = 1; for (let n = e; n && n.nodeType === 1; n = n.parentNode) o *= parseFloat(getComputedStyle(n).opacity); return o; };
              const backdrop = (x, y, except) => {
                let colour = { r: 255, g: 255, b: 255 };
                for (const e of document.elementsFromPoint(x, y).filter(e => e !== except).reverse()) {
                  const style = getComputedStyle(e);
                  const paint = e instanceof SVGGeometryElement ? parse(style.fill) : parse(style.backgroundColor);
                  if (!paint || paint.a === 0) continue;
                  const alpha = paint.a * opacity(e) * (e instanceof SVGGeometryElement ? parseFloat(style.fillOpacity) : 1);
                  colour = over(paint, alpha, colour);
                }
                return colour;
              };
              return JSON.stringify([...document.querySelectorAll('#body-visual .region-label')].map(t => {
                const r = t.getBoundingClientRect();
                const ink = parse(getComputedStyle(t).fill);
                const y = r.top + r.height / 2;
                const worst = Math.min(...[r.left + 2, r.left + r.width / 2, r.right - 2].map(x => ratio(over(ink, ink.a * opacity(t), backdrop(x, y, t)), backdrop(x, y, t))));
                return { label: t.textContent, ratio: worst };
              }));
            }
            """);
        var labels = JsonSerializer.Deserialize<LabelContrast[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        output.WriteLine($"region labels {state}: {string.Join(", ", labels.Select(l => $"{l.Label} {l.Ratio:0.0}:1"))}");
        labels.Should().HaveCount(3);
        labels.Should().OnlyContain(l => l.Ratio >= 4.5, $"every region label reads at 4.5:1 or more while {state}");
    }

    private static async Task WaitForFillAsync(IPage page, string region, double atLeast)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(BrowserFixture.Timeout);
        while (double.Parse((await page.Locator($"#region-{region}").GetAttributeAsync("data-fill"))!, System.Globalization.CultureInfo.InvariantCulture) < atLeast)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until the {region} fill reaches {atLeast}.");
            }

            await Task.Delay(15);
        }
    }

    private static Task ScreenshotAsync(IPage page, string name, bool fullPage) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotsDirectory, name), FullPage = fullPage });

    /// <summary>Where the breath view was over the frames measured.</summary>
    public sealed record Fit(int Frames, double WorstOverflowPx, string WorstPart, double MaxScrollY, double MaxScrollableY, Box? View, Box? Visual)
    {
        public void AssertFits(string size, string state)
        {
            Frames.Should().BeGreaterThan(0);
            WorstOverflowPx.Should().BeLessThanOrEqualTo(0.5, $"at {size} while {state}, every part of the breath view stays inside the viewport ({WorstPart} did not)");
            MaxScrollY.Should().Be(0, $"at {size} while {state}, the page is not scrolled");
            MaxScrollableY.Should().BeLessThanOrEqualTo(0, $"at {size} while {state}, there is nothing to scroll to");
        }

        public override string ToString() =>
            $"{Frames} frames; view {View}; visual {Visual}; worst overflow {WorstOverflowPx:0.#} px {WorstPart}; scrollY max {MaxScrollY}; scrollable {MaxScrollableY}";
    }

    /// <summary>A bounding box and the viewport it was measured in.</summary>
    public sealed record Box(double Top, double Bottom, double Left, double Right, double Vw, double Vh)
    {
        public override string ToString() => $"[{Left:0},{Top:0}]–[{Right:0},{Bottom:0}] of {Vw:0}×{Vh:0}";
    }

    public sealed record AxeResult(int Passes, AxeViolation[] Violations);

    public sealed record LabelContrast(string Label, double Ratio);

    public sealed record AxeViolation(string Id, string? Impact, string Help, AxeNode[] Nodes);

    public sealed record AxeNode(string Target, string? Summary);
}
