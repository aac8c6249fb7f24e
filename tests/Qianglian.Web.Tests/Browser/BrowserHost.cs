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
