using System.Net;
using Microsoft.AspNetCore.Hosting;
using BreathPacing.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// The real app on a real Kestrel port, on the real clock, and one headless Chromium driven by Playwright. The
/// browser is the machine's (see <see cref="ChromiumLocator"/>: CHROMIUM_PATH, else Debian's chromium, installed
/// here when missing and permitted); Playwright never downloads one. axe-core is installed with npm on first use.
/// </summary>
public sealed class BrowserFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private static readonly Lazy<ChromiumLocator> Chromium = new(() => ChromiumLocator.ForThisMachine(Report));
    private static readonly Lazy<AxeCoreScript> Axe = new(() => new AxeCoreScript(new SystemTools { Log = Report }, AxeCoreScript.DefaultCacheDirectory));
    private static IMessageSink? _sink;

    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How long a page waits for an action or a state before the test fails (real time, generous: a loaded machine).</summary>
    public const float Timeout = 15_000;

    /// <summary>A new browser context on the app, with <paramref name="options"/> (their base address is set here).</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        return Browser.NewContextAsync(options);
    }

    /// <summary>
    /// A new page in <paramref name="context"/> that waits <see cref="Timeout"/> for actions and adds every uncaught script
    /// error of the page to <paramref name="errors"/> (tests assert it stays empty).
    /// </summary>
    public static async Task<IPage> OpenPageAsync(IBrowserContext context, ICollection<string> errors)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        page.PageError += (_, error) => errors.Add(error);
        return page;
    }

    /// <summary>Where the tests' screenshots go: TestResults under the test output (never committed).</summary>
    public static string ScreenshotsDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>axe.min.js (installed on first use).</summary>
    public static string AxeSource => Axe.Value.Source();

    public async Task InitializeAsync()
    {
        _sink = diagnostics;
        var chromium = Chromium.Value.Ensure();

        // A subclass that sets its own listen address, so the app never tries a fixed port (5000) another process may hold.
        _factory = new ProductionApp();
        _factory.UseKestrel();
        _factory.StartServer();
        BaseAddress = AnyLoopbackPort.BaseAddressOf(_factory.Services);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotsDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    // Progress of an install: on the test run's diagnostics (xunit diagnosticMessages) and on standard error.
    private static void Report(string line)
    {
        Console.Error.WriteLine(line);
        _sink?.OnMessage(new DiagnosticMessage(line));
    }

    // Every browser test's page comes from 127.0.0.1 to this one host, more than the default budget of ten session starts
    // a minute per client in a full run: the per-client limits are raised out of the way (their own tests are in Hostile).
    private sealed class ProductionApp : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production").UseAnyLoopbackPort();
            foreach (var (key, value) in KestrelWebHost.Generous)
            {
                builder.UseSetting("BreathPacingWeb:" + key, value);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
