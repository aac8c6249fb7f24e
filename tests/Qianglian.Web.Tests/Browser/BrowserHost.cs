using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// The real host on a real Kestrel port (a browser cannot reach the in-memory test server) with Debian's Chromium
/// driven by Playwright — never a downloaded browser. Screenshots go to $QIANGLIAN_TEST_ARTIFACTS (git-ignored).
/// </summary>
public class BrowserHost() : HostFixture(new SqliteTestDatabase())
{
    private IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    protected override void ConfigureFactory(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory) => factory.UseKestrel();

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("urls", BaseUrl)];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        // Generous waits: a loaded machine renders a Blazor page slowly; a wait never slows a passing test.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A fresh browser context (zh-CN, downloads allowed) signed in through the login page as a person would.</summary>
    public async Task<IPage> SignInAsync(string userName, string password = Web.Hosting.DemoData.Password)
    {
        var context = await Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 900 }, AcceptDownloads = true });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", password);
        await SubmitSignInAsync(page, userName);
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>Submits the filled sign-in form; an administrator then gives the demo authenticator's code, as a person would.</summary>
    public async Task SubmitSignInAsync(IPage page, string userName)
    {
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        if (!page.Url.Contains("/account/two-factor", StringComparison.Ordinal)) return;
        await page.FillAsync("input[name=code]", await DemoCodes.ForAsync(this, userName));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/two-factor", StringComparison.Ordinal));
    }

    /// <summary>Waits until the Blazor circuit is live, so clicks reach their handlers.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");

    /// <summary>
    /// Chooses files on a Blazor InputFile once it listens: InputFile attaches its "change" listener only after its first
    /// render has reached the browser (InputFile.init sets _blazorInputFileNextFileId), and a file chosen before that is lost.
    /// </summary>
    public static async Task ChooseFilesAsync(ILocator input, string path) => await (await ListeningAsync(input)).SetInputFilesAsync(path);

    /// <inheritdoc cref="ChooseFilesAsync(ILocator, string)"/>
    public static async Task ChooseFilesAsync(ILocator input, FilePayload file) => await (await ListeningAsync(input)).SetInputFilesAsync(file);

    private static async Task<ILocator> ListeningAsync(ILocator input)
    {
        await input.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await input.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync());
        return input;
    }

    /// <summary>
    /// Types into a MudAutocomplete and clicks the offered option. A dialog opening on a loaded machine can render its
    /// input again after the first keystrokes, leaving no search behind them, so the text is typed again until the option shows.
    /// </summary>
    public static async Task PickOptionAsync(ILocator input, string typed, string option)
    {
        var offered = input.Page.Locator(".mud-popover-open").GetByText(option).First;
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync("");
            await input.PressSequentiallyAsync(typed);
            try
            {
                await offered.WaitForAsync(new() { Timeout = 15_000 });
                break;
            }
            catch (System.TimeoutException) when (attempt < 4) { }
        }
        await offered.ClickAsync();
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }

    public static string Artifacts
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("QIANGLIAN_TEST_ARTIFACTS") ?? Path.Combine(Web.Hosting.RepositoryPaths.Root, "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
