using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.OpenData.Demo;

namespace Tracker.BrowserTests.Infrastructure;

/// <summary>
/// The site as a person meets it: the real application on a real socket (Kestrel on a free loopback port), on its own
/// database loaded with the demo set as <c>make run</c> loads it, and Debian's Chromium driven by Playwright. One host
/// and one browser for every browser test (an xunit collection fixture): starting either costs seconds.
/// </summary>
public sealed class TrackerSite : IAsyncLifetime
{
    private const string SigningKey = "browser-tests-only-signing-key-0123456789abcdef";

    // Without these flags Chromium on these machines reaches for Google's services and the closed network refuses.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic",
    ];

    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private string _connectionString = "";

    /// <summary>Where the site answers, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The shared browser.</summary>
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Where screenshots go: the test output folder.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    // A full-page screenshot costs 0.5–3 s of these 2 cores a page; they are taken when asked (TRACKER_SCREENSHOTS=1).
    private static readonly bool ScreenshotsAsked = Environment.GetEnvironmentVariable("TRACKER_SCREENSHOTS") == "1";

    /// <summary>With TRACKER_SCREENSHOTS=1, saves a full-page screenshot of <paramref name="page"/> as <c>screenshots/{name}.png</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotsAsked)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name.Replace(' ', '-')}.png"), FullPage = true });
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        // Chromium starts while the host loads the demo set: its start-up is mostly waiting, the demo load mostly work.
        var browser = Task.Run(LaunchBrowserAsync);
        try
        {
            _connectionString = await PostgresServer.CreateDatabaseAsync(nameof(TrackerSite));
            _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            {
                host.UseEnvironment("Development");
                host.UseSetting("TRACKER_DB", _connectionString);
                host.UseSetting("Auth:DevelopmentSigningKey", SigningKey);
                host.UseSetting("Logging:LogLevel:Default", "Warning");
                host.UseSetting("Logging:LogLevel:Wolverine", "Critical");
                host.UseSetting("Logging:LogLevel:Marten", "Critical");
                // As in the integration tests: the first form that sends a command compiles its handler (Dynamic code
                // generation), which on a busy 2-core machine can outlast the production request timeout.
                host.UseSetting("Tracker:Timeouts:RequestSeconds", "600");
                host.ConfigureServices(services => services.PostConfigure<DemoDataOptions>(o => o.LoadDemoData = true));
            });
            _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            _factory.StartServer();
            BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            // The plan dashboards are an async projection: wait until the daemon has folded the whole demo set.
            await Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(120));
        }
        // Awaited even when the host fails, so that DisposeAsync closes the browser it started.
        finally
        {
            Browser = await browser;
        }
        Directory.CreateDirectory(Screenshots);
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TRACKER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_connectionString);
    }

    // A browser context as a person without an account has one (JavaScript off unless asked: the site needs none).
    private async Task<IBrowserContext> NewContextAsync(int width = 1280, bool javaScript = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        // A form's first command compiles its handler on the server: on a busy machine that outlasts Playwright's 30 s.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return context;
    }

    // Pages tests are done with, by whether JavaScript is on. A new context costs a new Chromium renderer process, and
    // axe is compiled afresh in each (0.5–1.3 s a test on these 2 cores); a page handed back is signed out (its cookies
    // cleared) and the next test navigates it, so it meets the site as a new visitor would.
    private readonly ConcurrentDictionary<bool, ConcurrentStack<IPage>> _idlePages = new();
    private readonly ConcurrentDictionary<IPage, bool> _javaScriptOf = new();

    /// <summary>A page as a person without an account has it (no cookies); hand it back with <see cref="DoneAsync"/>.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, bool javaScript = false)
    {
        while (_idlePages.GetOrAdd(javaScript, _ => new()).TryPop(out var idle))
        {
            if (idle.IsClosed) continue;
            await idle.SetViewportSizeAsync(width, 900);
            return idle;
        }
        var context = await NewContextAsync(width, javaScript);
        var page = await context.NewPageAsync();
        _javaScriptOf[page] = javaScript;
        return page;
    }

    /// <summary>A page (see <see cref="NewPageAsync"/>) on <paramref name="path"/>.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, bool javaScript = false)
    {
        var page = await NewPageAsync(width, javaScript);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Hands back a page from <see cref="NewPageAsync"/>, signed out, for a later test.</summary>
    public async Task DoneAsync(IPage page)
    {
        if (page.IsClosed || !_javaScriptOf.TryGetValue(page, out var javaScript)) return;
        await page.Context.ClearCookiesAsync();
        // Off the site (about:blank stays in the page's renderer process), so nothing of this test is loading when the next begins.
        await page.GotoAsync("about:blank");
        _idlePages.GetOrAdd(javaScript, _ => new()).Push(page);
    }

    /// <summary>An HTTP client for the API, optionally as a role (to arrange data the public must not see).</summary>
    public HttpClient Api(TrackerRole? role = null, Guid? institutionId = null, string? userId = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (role is { } r)
        {
            var token = Authentication.MintDevelopmentToken(Services.GetRequiredService<IConfiguration>(), userId ?? $"{r.ToString().ToLowerInvariant()}-1",
                r, institutionId, TimeSpan.FromHours(1));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }
}

/// <summary>Every browser test shares the one site and browser.</summary>
[CollectionDefinition(Name)]
public sealed class TrackerSiteCollection : ICollectionFixture<TrackerSite>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "public site";
}
