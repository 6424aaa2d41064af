using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// The page in a real browser against the real server, in real time. Sessions use short breaths (1–2 s)
/// so each test lasts seconds. Waits are on conditions, with
/// generous timeouts, never fixed sleeps, except where a test must show that nothing changes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const float Timeout = 15_000;
    private readonly List<string> _errors = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(Timeout);
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
        _page.PageError += (_, error) => _errors.Add(error);
    }

    public async Task DisposeAsync() => await _context.CloseAsync();

    [Fact]
    public async Task ThreePartBreath_PhaseGoesInhaleThenExhale_AndRegionsFillInOrderThenEmpty()
    {
        await _page.GotoAsync("/");
        await _page.Locator("#colour").FillAsync("#c2703d");
        await StartAsync(source: "three-part-breath", seconds: "1", cycles: "3", navigate: false);
        (await _page.Locator("#region-lower-belly .region-fill").EvaluateAsync<string>("e => getComputedStyle(e).fill"))
            .Should().Be("rgb(194, 112, 61)", "the regions fill with the chosen colour");

        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync("Inhale");
        (await _page.Locator("#pattern-name").TextContentAsync()).Should().Be("Three-Part Breath");
        await Assertions.Expect(_page.Locator("#cue")).Not.ToBeEmptyAsync();

        // Record what the picture shows on every animation frame, grouped into runs of the same phase label,
        // until one whole inhale (one that started while recording) and the exhale after it have been seen. The
        // order of filling is then checked on consistent snapshots, not on racing round trips from the test.
        var runsJson = await _page.EvaluateAsync<string>("""
            () => new Promise(resolve => {
              const read = id => parseFloat(document.querySelector('#region-' + id).getAttribute('data-fill'));
              const runs = [];
              let count = 0;
              const whole = () => runs.some((r, i) => i > 0 && r.label === 'Inhale' && runs[i + 1]?.label === 'Exhale' && runs[i + 2]);
              const tick = () => {
                const label = document.querySelector('#phase-label').textContent;
                if (runs.length === 0 || runs[runs.length - 1].label !== label) runs.push({ label, frames: [] });
                runs[runs.length - 1].frames.push({ lower: read('lower-belly'), upper: read('upper-belly'), chest: read('chest') });
                if (whole() || ++count > 1500) resolve(JSON.stringify(runs)); else requestAnimationFrame(tick);
              };
              tick();
            })
            """);
        var runs = System.Text.Json.JsonSerializer.Deserialize<PhaseRun[]>(runsJson, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        var whole = Enumerable.Range(1, Math.Max(0, runs.Length - 2)).First(i => runs[i].Label == "Inhale" && runs[i + 1].Label == "Exhale");
        var inhale = runs[whole].Frames;
        var exhale = runs[whole + 1].Frames;
        inhale.Should().NotBeEmpty();
        exhale.Should().NotBeEmpty();
        const double Slack = 0.02;
        inhale.Should().OnlyContain(f => f.Lower + Slack >= f.Upper && f.Upper + Slack >= f.Chest, "on the inhale the lower belly fills first, then the upper belly, then the chest");
        exhale.Should().OnlyContain(f => f.Chest <= f.Upper + Slack && f.Upper <= f.Lower + Slack, "on the exhale the chest empties first, the lower belly last");
        inhale.Max(f => f.Chest).Should().BeGreaterThan(0.8, "the inhale ends with all three regions full");
        exhale.Min(f => f.Lower).Should().BeLessThan(0.2, "the exhale ends with all three regions empty");

        await WaitForFillAsync("lower-belly", atLeast: 0.97);
        await Screenshot("three-part-inhale.png");

        (await _page.Locator("#progress").GetAttributeAsync("value")).Should().NotBe("0");

        // Server and browser share this machine's clock, so the true offset is zero: the estimate's distance from
        // zero is how far the picture runs behind the server (delivery latency), which should be under a frame.
        var offset = await NumberAsync("#session", "data-clock-offset-ms");
        output.WriteLine($"Estimated clock offset (browser − server): {offset:0.0} ms");
        Math.Abs(offset).Should().BeLessThan(50, "the page maps server time onto its clock within a few frames even on a loaded machine");
        _errors.Should().BeEmpty("the page runs without script errors or CSP violations");
    }

    [Fact]
    public async Task Pause_StopsTheCountdown_AndResumeRestartsIt()
    {
        await StartAsync(source: "three-part-breath", seconds: "4", cycles: "2");
        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync("Inhale");

        await _page.Locator("#pause").ClickAsync();
        await Assertions.Expect(_page.Locator("#resume")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#session")).ToHaveAttributeAsync("data-state", "paused");
        await Assertions.Expect(_page.Locator("#announcer")).ToHaveTextAsync("Paused"); // the server's event has arrived
        var frozen = await RemainingMsAsync();
        await _page.WaitForTimeoutAsync(1200); // nothing may move while paused
        (await RemainingMsAsync()).Should().Be(frozen);
        (await _page.Locator("#phase-label").TextContentAsync()).Should().Be("Inhale");

        await _page.Locator("#resume").ClickAsync();
        await Assertions.Expect(_page.Locator("#pause")).ToBeVisibleAsync();
        await WaitUntilAsync(async () => await RemainingMsAsync() < frozen - 500, "the countdown runs again");
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Keyboard_SpacePausesAndEscapeStopsWithASummary()
    {
        await StartAsync(source: "oceans-breath", seconds: "2", cycles: "3");
        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync("Inhale");
        await Assertions.Expect(_page.Locator("#pause")).ToBeFocusedAsync();

        await _page.Keyboard.PressAsync("Space");
        await Assertions.Expect(_page.Locator("#announcer")).ToHaveTextAsync("Paused");
        await Assertions.Expect(_page.Locator("#resume")).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Space");
        await Assertions.Expect(_page.Locator("#announcer")).ToHaveTextAsync("Resumed");
        await _page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(_page.Locator("#summary")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#summary-early")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#self-care-name")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task OceansBreath_WaveRisesAndFalls_ThenTheSummaryOffersSelfCare()
    {
        await _page.GotoAsync("/");
        await _page.Locator("#sound").CheckAsync(); // the synthesised tones and wave must run without errors
        await StartAsync(source: "oceans-breath", seconds: "2", cycles: "1", navigate: false);

        await Assertions.Expect(_page.Locator("#wave-visual")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#body-visual")).ToBeHiddenAsync();
        await WaitUntilAsync(async () => await NumberAsync("#wave-path", "data-level") > 0.9, "the wave rises");
        await Screenshot("oceans-breath.png");
        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync("Exhale");
        await WaitUntilAsync(async () => await NumberAsync("#wave-path", "data-level") < 0.5, "the wave falls");

        await Assertions.Expect(_page.Locator("#summary")).ToBeVisibleAsync();
        (await _page.Locator("#summary-cycles").TextContentAsync()).Should().Be("1");
        await Assertions.Expect(_page.Locator("#self-care")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#self-care-name")).Not.ToBeEmptyAsync();
        await Assertions.Expect(_page.Locator("#summary-early")).ToBeHiddenAsync();
        await Screenshot("summary.png");
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task ThreePartBreath_Lengthening_StartsAProgressingSession()
    {
        await _page.GotoAsync("/");
        await _page.Locator("#lengthen").CheckAsync();
        var request = await _page.RunAndWaitForRequestAsync(
            () => StartAsync(source: "three-part-breath", seconds: "2", cycles: "20", navigate: false),
            r => r.Url.EndsWith("/api/sessions", StringComparison.Ordinal) && r.Method == "POST");

        request.PostDataJSON()!.Value.GetProperty("progress").GetBoolean().Should().BeTrue();
        var created = await (await request.ResponseAsync())!.JsonAsync();
        created!.Value.GetProperty("totalDurationMs").GetDouble().Should().BeGreaterThan(20 * 4000, "later cycles are longer than the first");
        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync("Inhale");
        await Assertions.Expect(_page.Locator("#cycle")).ToHaveTextAsync("Cycle 1 of 20");
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task CustomPattern_Malformed_ShowsItsErrorAndCannotStart()
    {
        await _page.GotoAsync("/");
        await _page.Locator("input[name=source][value=custom]").CheckAsync();
        await _page.Locator("#notation").FillAsync("4-x-8");

        await Assertions.Expect(_page.Locator("#notation-status")).ToHaveClassAsync("status bad");
        await Assertions.Expect(_page.Locator("#notation-status")).Not.ToBeEmptyAsync();
        await Assertions.Expect(_page.Locator("#notation")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(_page.Locator("#start")).ToBeDisabledAsync();
        (await _page.Locator("#notation-status").TextContentAsync()).Should().Contain("at character 3");
    }

    [Fact]
    public async Task CustomPattern_Valid_ShowsItsSafetyFindingsAndBreathes()
    {
        await _page.GotoAsync("/");
        await _page.Locator("input[name=source][value=custom]").CheckAsync();
        await _page.Locator("#notation").FillAsync("1-0-1-0");

        await Assertions.Expect(_page.Locator("#notation-status")).ToHaveClassAsync("status ok");
        await Assertions.Expect(_page.Locator("#findings li.warning")).ToHaveCountAsync(3);
        await Assertions.Expect(_page.Locator("#start")).ToBeEnabledAsync();

        await _page.Locator("#length").FillAsync("2");
        await _page.Locator("#start").ClickAsync();
        await Assertions.Expect(_page.Locator("#pattern-name")).ToHaveTextAsync("1-1");
        await Assertions.Expect(_page.Locator("#wave-visual")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync("Exhale");
        await Assertions.Expect(_page.Locator("#summary")).ToBeVisibleAsync();
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task ReducedMotion_ShowsTextAndProgressBarsInsteadOfShapes()
    {
        await _page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        await StartAsync(source: "three-part-breath", seconds: "2", cycles: "1");

        await Assertions.Expect(_page.Locator("#phase-label")).ToHaveTextAsync("Inhale");
        await Assertions.Expect(_page.Locator("#body-visual")).ToBeHiddenAsync();
        await Assertions.Expect(_page.Locator("#wave-visual")).ToBeHiddenAsync();
        await Assertions.Expect(_page.Locator("#phase-progress")).ToBeVisibleAsync();
        await WaitUntilAsync(async () => await _page.Locator("#phase-progress").EvaluateAsync<double>("e => e.value") > 0.3, "the phase bar advances");
        await Screenshot("reduced-motion.png");
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Guidance_ShowsStepsCautionsSelfCareAndEverySource()
    {
        await _page.GotoAsync("/");

        await Assertions.Expect(_page.Locator("#sources li")).ToHaveCountAsync(5);
        await Assertions.Expect(_page.Locator("#techniques details")).ToHaveCountAsync(2);
        await _page.Locator("#techniques details summary").First.ClickAsync();
        await Assertions.Expect(_page.Locator("#techniques details ol li").First).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#routines li")).Not.ToHaveCountAsync(0);
        await Screenshot("setup.png");
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task PatternName_IsRenderedAsTextNeverAsHtml()
    {
        await _page.GotoAsync("/");
        await _page.EvaluateAsync("""
            () => {
              document.getElementById('pattern-name').textContent = '<img src=x onerror=alert(1)>';
            }
            """);
        (await _page.Locator("#pattern-name img").CountAsync()).Should().Be(0);
    }

    private async Task StartAsync(string source, string seconds, string cycles, bool navigate = true)
    {
        if (navigate)
        {
            await _page.GotoAsync("/");
        }

        await _page.Locator($"input[name=source][value={source}]").CheckAsync();
        await _page.Locator("#seconds").FillAsync(seconds);
        await _page.Locator("#length").FillAsync(cycles);
        await _page.Locator("#start").ClickAsync();
        await Assertions.Expect(_page.Locator("#session")).ToBeVisibleAsync();
    }

    // Polls from the test (Playwright's WaitForFunction evaluates strings, which the page's CSP rightly forbids).
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(15);
        }
    }

    private Task WaitForFillAsync(string region, double atLeast = double.NaN, double atMost = double.NaN) =>
        WaitUntilAsync(async () =>
        {
            var fill = await FillAsync(region);
            return double.IsNaN(atLeast) ? fill <= atMost : fill >= atLeast;
        }, $"the {region} fill reaches {(double.IsNaN(atLeast) ? "<= " + atMost : ">= " + atLeast)}");

    /// <summary>One animation frame of the Three-Part picture, as recorded in the page.</summary>
    public sealed record FrameSample(double Lower, double Upper, double Chest);

    /// <summary>Consecutive frames that showed the same phase label.</summary>
    public sealed record PhaseRun(string Label, FrameSample[] Frames);

    private Task<double> FillAsync(string region) => NumberAsync($"#region-{region}", "data-fill");

    private async Task<double> NumberAsync(string selector, string attribute) =>
        double.Parse((await _page.Locator(selector).GetAttributeAsync(attribute))!, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> RemainingMsAsync() =>
        int.Parse((await _page.Locator("#countdown").GetAttributeAsync("data-remaining-ms"))!, System.Globalization.CultureInfo.InvariantCulture);

    private Task Screenshot(string name) =>
        _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, name), FullPage = true });
}
