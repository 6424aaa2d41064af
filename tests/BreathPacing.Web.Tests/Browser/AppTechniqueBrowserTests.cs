using System.Text.Json;
using BreathPacing.Web.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using BreathPacing.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// The page offers a technique the app registered in the catalog (<see cref="BoxBreath"/>), knowing nothing of it: it is
/// listed with its guidance, started with the plan's options of its own type, and paced with its own phases.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AppTechniqueBrowserTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<string> _errors = [];
    private AppCatalogHost _host = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        _host = new AppCatalogHost();
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.BaseAddress.ToString() });
    }

    public async Task DisposeAsync()
    {
        await _context.CloseAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AppsTechnique_IsListedWithItsGuidance_AndBreathesWithItsOwnOptionsAndPhases()
    {
        var page = await BrowserFixture.OpenPageAsync(_context, _errors);
        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("#source-choices label")).ToHaveTextAsync(["Three-Part Breath", "Ocean's Breath", "Box Breath", "A custom pattern"]);
        await Assertions.Expect(page.Locator("#techniques details summary")).ToHaveTextAsync(["Three-Part Breath", "Ocean's Breath", "Box Breath"]);
        await page.GetByLabel("Box Breath").CheckAsync();
        await Assertions.Expect(page.Locator("#colour-group")).ToBeHiddenAsync(); // it fills no body regions
        await Assertions.Expect(page.Locator("#suggestion")).ToHaveAttributeAsync("data-reason", "firstSession");
        await page.Locator("#seconds").FillAsync("3");
        await page.Locator("#length").FillAsync("2");

        var request = await page.RunAndWaitForRequestAsync(() => page.Locator("#start").ClickAsync(),
            r => r.Url.EndsWith("/api/sessions", StringComparison.Ordinal) && r.Method == "POST");

        var sent = request.PostDataJSON()!.Value;
        sent.GetProperty("techniqueId").GetString().Should().Be(BoxBreath.Id);
        sent.GetProperty("options").GetProperty("holdRatio").GetDouble().Should().Be(1, "the page sends the plan's options of the technique's own type");
        sent.GetProperty("options").GetProperty("startSeconds").GetDouble().Should().Be(3);
        await Assertions.Expect(page.Locator("#pattern-name")).ToHaveTextAsync("Box Breath");
        await Assertions.Expect(page.Locator("#wave-visual")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#cue")).ToHaveTextAsync("Draw the first side of the square.");
        await Assertions.Expect(page.Locator("#phase-label")).ToHaveTextAsync("Hold", new() { Timeout = 8_000 });
        await Assertions.Expect(page.Locator("#cue")).ToHaveTextAsync("Rest at the corner.");

        await page.Locator("#stop").ClickAsync();
        await Assertions.Expect(page.Locator("#summary-breaths")).ToHaveTextAsync("Stopped partway through the 1st breath (holding after the inhale)");
        _errors.Should().BeEmpty();
    }

    /// <summary>The app on a real Kestrel port with its own catalog in DI in place of the built-in one.</summary>
    private sealed class AppCatalogHost : WebApplicationFactory<Program>
    {
        public AppCatalogHost()
        {
            UseKestrel();
            StartServer();
            BaseAddress = AnyLoopbackPort.BaseAddressOf(Services);
        }

        public Uri BaseAddress { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production").UseAnyLoopbackPort();
            builder.ConfigureTestServices(services => services.AddSingleton(BoxBreath.Catalog()));
        }
    }
}
