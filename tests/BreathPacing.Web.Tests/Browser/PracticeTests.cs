using System.Text.Json;
using BreathPacing.Practice;
using Json.Schema;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// Practice over days in a real browser against the real server: a finished session is kept in the browser's
/// IndexedDB (the server keeps nothing), asked how it felt, shown in the history and fed to the plan; the journal
/// exports as the library's version-1 JSON and imports into another browser. Sessions are one or two 1-second breaths.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PracticeTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "practice-journal.schema.json")));
    private readonly List<string> _errors = [];
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task FinishedSession_RatedEasy_IsKeptAcrossAReload_AndTheNextSuggestionFollowsTheRating()
    {
        var page = await OpenAsync(new BrowserNewContextOptions());
        await page.GotoAsync("/");
        await ReadyAsync(page);
        await Assertions.Expect(page.Locator("#history-summary")).ToContainTextAsync("No sessions yet");
        await Assertions.Expect(page.Locator("#suggestion")).ToHaveAttributeAsync("data-reason", "firstSession");
        await Assertions.Expect(page.Locator("#suggestion-reason")).ToHaveTextAsync("Begin gently, breathing in for 4 seconds.");

        await BreatheAsync(page, "three-part-breath", seconds: "1", cycles: "1");
        await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#feeling-question")).ToHaveTextAsync("How did the breathing feel?");
        await Assertions.Expect(page.Locator("#feelings button")).ToHaveTextAsync(["Easy", "Comfortable", "Hard", "Dizzy or light-headed"]);
        await Assertions.Expect(page.Locator("#feelings button").First).ToBeEnabledAsync(); // the record is kept

        await page.GetByRole(AriaRole.Button, new() { Name = "Easy", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#feelings button[data-feeling=easy]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#rating-status")).ToContainTextAsync("Saved: Easy. Next time: That felt easy. Stay at 4 seconds");
        await Screenshot(page, "practice-rated.png");

        await page.ReloadAsync();
        await ReadyAsync(page);
        var rows = page.Locator("#history-rows tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Three-Part Breath");
        await Assertions.Expect(rows.First.Locator("td").Last).ToHaveTextAsync("Easy");
        await Assertions.Expect(page.Locator("#history-summary")).ToContainTextAsync("1 session kept in this browser only");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Minutes breathed each day, the last 28 days" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart rect.bar")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#chart-caption")).ToContainTextAsync("1 session on 1 of the last 28 days");

        await Assertions.Expect(page.Locator("#suggestion")).ToHaveAttributeAsync("data-reason", "easy");
        await Assertions.Expect(page.Locator("#suggestion-reason"))
            .ToHaveTextAsync("That felt easy. Stay at 4 seconds for now: after 2 easy sessions in a row, the breaths lengthen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use 4 seconds" }).ClickAsync();
        await Assertions.Expect(page.Locator("#seconds")).ToHaveValueAsync("4");
        await Assertions.Expect(page.Locator("#use-suggestion")).ToBeHiddenAsync();
        await Screenshot(page, "practice-history.png", fullPage: true);
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Export_IsTheLibrarysJournal_AndImportIntoAFreshBrowserRestoresTheHistory()
    {
        // A session stopped early by someone who felt dizzy, in a time zone half an hour off the hour.
        var page = await OpenAsync(new BrowserNewContextOptions { TimezoneId = "Asia/Kolkata", AcceptDownloads = true });
        await page.GotoAsync("/");
        await ReadyAsync(page);
        await BreatheAsync(page, "three-part-breath", seconds: "1", cycles: "5");
        await Assertions.Expect(page.Locator("#phase-label")).ToHaveTextAsync("Exhale");
        await page.Locator("#stop").ClickAsync();
        await Assertions.Expect(page.Locator("#summary-early")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#feelings button").First).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dizzy or light-headed" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rating-status")).ToContainTextAsync("Next time: You felt dizzy or light-headed");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export").ClickAsync());
        download.SuggestedFilename.Should().MatchRegex(@"^breathing-journal-\d{4}-\d{2}-\d{2}\.json$");
        var file = Path.Combine(BrowserFixture.ScreenshotsDirectory, "..", "exported-journal.json");
        await download.SaveAsAsync(file);
        var json = await File.ReadAllTextAsync(file);
        output.WriteLine(json);

        using (var document = JsonDocument.Parse(json))
        {
            var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            result.IsValid.Should().BeTrue($"the export follows docs/practice-journal.schema.json: {JsonSerializer.Serialize(result)}");
        }

        var record = PracticeJournalJson.Deserialize(json).Should().ContainSingle("the library reads the export back").Subject;
        record.TechniqueId.Should().Be("three-part-breath");
        record.Options.Should().Be(new ThreePartBreathOptions { StartSeconds = 1 });
        record.EndedEarly.Should().BeTrue();
        record.CompletedCycles.Should().BeLessThan(5);
        record.Feeling.Should().Be(PracticeFeeling.Dizzy);
        record.EndedAt.Offset.Should().Be(TimeSpan.FromHours(5.5), "the end carries the offset of the browser's time zone");
        _errors.Should().BeEmpty();

        // Another browser, with no history and reduced motion: the import restores the history and the plan reads it.
        var fresh = await OpenAsync(new BrowserNewContextOptions());
        await fresh.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        await fresh.GotoAsync("/");
        await ReadyAsync(fresh);
        await Assertions.Expect(fresh.Locator("#history-rows tr")).ToHaveCountAsync(0);
        await ImportAsync(fresh, file);
        await Assertions.Expect(fresh.Locator("#history-status")).ToHaveTextAsync($"Imported 1 session from {Path.GetFileName(file)}.");
        await Assertions.Expect(fresh.Locator("#history-rows tr")).ToHaveCountAsync(1);
        await Assertions.Expect(fresh.Locator("#history-rows tr td").Last).ToHaveTextAsync("Dizzy or light-headed");
        await Assertions.Expect(fresh.Locator("#suggestion")).ToHaveAttributeAsync("data-reason", "dizzy");
        await Assertions.Expect(fresh.Locator("#chart rect.bar")).ToHaveCountAsync(1);
        (await fresh.Locator("#chart rect.bar").EvaluateAsync<string>("e => getComputedStyle(e).animationName"))
            .Should().Be("none", "with reduced motion the bars appear without growing");

        await ImportAsync(fresh, file);
        await Assertions.Expect(fresh.Locator("#history-status")).ToContainTextAsync("Imported 0 sessions");
        await Assertions.Expect(fresh.Locator("#history-status")).ToContainTextAsync("1 was already kept");
        await Assertions.Expect(fresh.Locator("#history-rows tr")).ToHaveCountAsync(1);

        var future = file.Replace(".json", "-v2.json", StringComparison.Ordinal);
        await File.WriteAllTextAsync(future, json.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal));
        await ImportAsync(fresh, future);
        await Assertions.Expect(fresh.Locator("#history-status")).ToContainTextAsync("Nothing was imported");
        await Assertions.Expect(fresh.Locator("#history-status")).ToContainTextAsync("unsupported version 2");
        await Assertions.Expect(fresh.Locator("#history-rows tr")).ToHaveCountAsync(1);
        await Screenshot(fresh, "practice-imported.png", fullPage: true);
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Stop_OfASessionWithoutAJournal_StillStopsIt()
    {
        // A browser that keeps no data for pages: the page stops the session the plain way and offers no rating.
        var page = await OpenAsync(new BrowserNewContextOptions());
        await page.AddInitScriptAsync("Object.defineProperty(window, 'indexedDB', { value: undefined });");
        await page.GotoAsync("/");
        await ReadyAsync(page);
        await Assertions.Expect(page.Locator("#history-summary")).ToContainTextAsync("cannot be kept here");
        await BreatheAsync(page, "oceans-breath", seconds: "2", cycles: "3");
        await Assertions.Expect(page.Locator("#phase-label")).ToHaveTextAsync("Inhale");

        var stop = await page.RunAndWaitForRequestAsync(() => page.Locator("#stop").ClickAsync(), r => r.Method == "DELETE");

        stop.Url.Should().Contain("/api/sessions/");
        await Assertions.Expect(page.Locator("#summary-early")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#rating")).ToBeHiddenAsync();
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task PlansOwnOptions_TheExhaleRatioTheLastSessionHad_AreSentWithTheNextSession()
    {
        // A journal whose last Ocean's Breath had an exhale twice the inhale: the plan carries the ratio, the page sends it.
        var page = await OpenAsync(new BrowserNewContextOptions());
        await page.GotoAsync("/");
        await ReadyAsync(page);
        var file = await WriteJournalAsync("ocean-journal.json",
            """{"endedAt":"2025-12-31T18:00:00+00:00","techniqueId":"oceans-breath","patternName":"Ocean's Breath","options":{"kind":"oceansBreath","startSeconds":5,"progress":false,"targetSeconds":10,"stepSeconds":1,"cyclesPerStep":3,"exhaleRatio":2},"startSeconds":5,"reachedInhaleSeconds":5,"reachedExhaleSeconds":10,"plannedCycles":3,"completedCycles":3,"activeSeconds":45,"endedEarly":false,"feeling":"comfortable"}""");
        await ImportAsync(page, file);
        await Assertions.Expect(page.Locator("#history-rows tr")).ToHaveCountAsync(1);
        await page.Locator("input[name=source][value=oceans-breath]").CheckAsync();
        await Assertions.Expect(page.Locator("#suggestion")).ToHaveAttributeAsync("data-reason", "comfortable");
        await page.Locator("#seconds").FillAsync("2");
        await page.Locator("#length").FillAsync("2");

        var request = await page.RunAndWaitForRequestAsync(() => page.Locator("#start").ClickAsync(),
            r => r.Url.EndsWith("/api/sessions", StringComparison.Ordinal) && r.Method == "POST");

        var options = request.PostDataJSON()!.Value.GetProperty("options");
        options.GetProperty("exhaleRatio").GetDouble().Should().Be(2, "the person's own exhale ratio carries over");
        options.GetProperty("startSeconds").GetDouble().Should().Be(2, "the seconds on the form");
        var created = (await (await request.ResponseAsync())!.JsonAsync())!.Value;
        created.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("durationMs").GetDouble()).Should().Equal(2000, 4000);
        await Assertions.Expect(page.Locator("#phase-label")).ToHaveTextAsync("Inhale");
        await page.Locator("#stop").ClickAsync();
        await Assertions.Expect(page.Locator("#feelings button").First).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("#history-rows tr")).ToHaveCountAsync(2, new() { Timeout = 5_000 });
        _errors.Should().BeEmpty();
    }

    [Fact]
    public async Task LongJournal_StreaksAndTotalsCountEverySession_NotOnlyTheLastFourWeeks()
    {
        // A session every day for 150 days up to yesterday: about 40 KB of records, more than the host's default body limit.
        var page = await OpenAsync(new BrowserNewContextOptions { TimezoneId = "UTC" });
        await page.GotoAsync("/");
        await ReadyAsync(page);
        var today = DateTime.UtcNow.Date;
        var records = Enumerable.Range(1, 150).Reverse().Select(i => $$"""{"endedAt":"{{today.AddDays(-i).AddHours(12):yyyy-MM-ddTHH:mm:ss}}+00:00","techniqueId":"three-part-breath","patternName":"Three-Part Breath","startSeconds":4,"reachedInhaleSeconds":4,"reachedExhaleSeconds":4,"plannedCycles":5,"completedCycles":5,"activeSeconds":40,"endedEarly":false,"feeling":"comfortable"}""");
        var file = await WriteJournalAsync("long-journal.json", [.. records]);
        new FileInfo(file).Length.Should().BeGreaterThan(32 * 1024);

        await ImportAsync(page, file);

        await Assertions.Expect(page.Locator("#history-status")).ToHaveTextAsync("Imported 150 sessions from long-journal.json.");
        await Assertions.Expect(page.Locator("#history")).ToHaveAttributeAsync("data-streak", "150");
        await Assertions.Expect(page.Locator("#chart-caption")).ToContainTextAsync("In all: 150 sessions, 100 minutes. 150 days in a row now.");
        await Assertions.Expect(page.Locator("#chart rect.bar")).ToHaveCountAsync(27, new() { Timeout = 5_000 }); // the chart shows four weeks: 27 days before today
        await Screenshot(page, "practice-long-journal.png", fullPage: true);
        _errors.Should().BeEmpty();
    }

    private static async Task<string> WriteJournalAsync(string name, params string[] records)
    {
        var file = Path.Combine(BrowserFixture.ScreenshotsDirectory, "..", name);
        await File.WriteAllTextAsync(file, $$"""{ "version": 1, "records": [{{string.Join(",\n", records)}}] }""");
        return file;
    }

    private async Task<IPage> OpenAsync(BrowserNewContextOptions options)
    {
        var context = await fixture.NewContextAsync(options);
        _contexts.Add(context);
        return await BrowserFixture.OpenPageAsync(context, _errors);
    }

    private static Task ReadyAsync(IPage page) => Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-practice", "ready");

    private static async Task BreatheAsync(IPage page, string source, string seconds, string cycles)
    {
        await page.Locator($"input[name=source][value={source}]").CheckAsync();
        await page.Locator("#seconds").FillAsync(seconds);
        await page.Locator("#length").FillAsync(cycles);
        await page.Locator("#start").ClickAsync();
        await Assertions.Expect(page.Locator("#session")).ToBeVisibleAsync();
    }

    private static async Task ImportAsync(IPage page, string file)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Import journal" }).ClickAsync());
        await chooser.SetFilesAsync(file);
    }

    private static Task Screenshot(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotsDirectory, name), FullPage = fullPage });

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BreathPacing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root (with BreathPacing.sln) is not above the test output.");
    }
}
