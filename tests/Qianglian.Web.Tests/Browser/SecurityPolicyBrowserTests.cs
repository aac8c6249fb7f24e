using Microsoft.Playwright;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// Issue 15 item 6: the pages work under their Content-Security-Policy — sign-in (a form post), the Blazor circuit, the
/// MudBlazor components and the ECharts map — and the browser reports no violation of it while they do.
/// </summary>
public sealed class SecurityPolicyBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Pages_sign_in_go_interactive_and_draw_charts_without_a_policy_violation()
    {
        var page = await host.SignInAsync("xiqu.office"); // the sign-in form posted and the circuit came up
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        var response = await page.GotoAsync(host.BaseUrl + "/chains");
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"));
        await BrowserHost.WaitInteractiveAsync(page);
        await page.EvaluateAsync("() => document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        await page.GetByTestId("chain-link").Filter(new() { HasText = DemoChain.Name }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("chain-title")).ToHaveTextAsync(DemoChain.Name);
        await page.GetByRole(AriaRole.Tab, new() { Name = "全景图谱" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=chain-map] canvas')"); // ECharts drew
        await Assertions.Expect(page.GetByTestId("gap-list")).ToContainTextAsync("海绵钛");

        await page.GotoAsync(host.BaseUrl + "/");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.WaitForTimeoutAsync(1000);
        Assert.Empty(violations);
    }
}
