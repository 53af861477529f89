using Microsoft.Playwright;
using Xunit;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>
/// One running app and one headless Chromium per test class. Each test opens its own <see cref="BrowserSession"/>
/// (a fresh browser context, so cookies never leak between people). A test class whose server needs more
/// configuration subclasses it with a parameterless constructor that passes the settings.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    // Flags that let Chromium run as root in a container with no network, GPU or /dev/shm to speak of.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserFixture()
        : this(null)
    {
    }

    protected BrowserFixture(IReadOnlyDictionary<string, string?>? settings) => Server = new E2EServer(settings);

    public E2EServer Server { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(AssistantWebFactory.RepositoryRoot, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        // Checked first: a missing browser is a failure that says how to install it, never a skipped test.
        var chromium = ChromiumLocator.Find();
        Assertions.SetDefaultExpectTimeout(10_000);
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh browser context at a laptop-sized viewport unless told otherwise, not signed in; in the given IANA
    /// time zone (the machine's when null).
    /// </summary>
    public async Task<BrowserSession> OpenAsync(int width = 1280, int height = 800, string? timeZone = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>A fresh browser context signed in through the sign-in form, on the chat page.</summary>
    public async Task<BrowserSession> SignInAsync(string username, int width = 1280, int height = 800, string? timeZone = null)
    {
        var session = await OpenAsync(width, height, timeZone);
        await session.SignInAsync(username, AssistantWebFactory.DemoPasswords[username]);
        await Assertions.Expect(session.Page).ToHaveURLAsync(new Uri(Server.BaseAddress, "chat").ToString());
        return session;
    }

    /// <summary>Saves a full-page PNG under artifacts/screenshots/ (kept by CI as a test artifact) and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
