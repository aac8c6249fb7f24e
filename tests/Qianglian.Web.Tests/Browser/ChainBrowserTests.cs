using Microsoft.Playwright;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Tests.Browser;

/// <summary>A lead officer builds a chain's node tree in the browser.</summary>
public sealed class ChainBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Xiqu_office_creates_a_chain_and_builds_its_tree()
    {
        var context = await host.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.FillAsync("input[name=userName]", "xiqu.office");
        await page.FillAsync("input[name=password]", DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");

        await page.GotoAsync(host.BaseUrl + "/chains");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        await page.GetByTestId("add-chain").ClickAsync();
        await page.GetByLabel("名称").FillAsync("钒钛新材料产业链");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.GetByTestId("chain-link").Filter(new() { HasText = "钒钛新材料产业链" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("chain-title")).ToHaveTextAsync("钒钛新材料产业链");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");

        await page.GetByTestId("add-root-node").ClickAsync();
        await page.GetByLabel("名称").FillAsync("钒钛磁铁矿");
        await page.GetByTestId("save-node").ClickAsync();
        await Assertions.Expect(page.GetByTestId("stage-Upstream")).ToContainTextAsync("钒钛磁铁矿");

        await page.GetByTestId("node-menu-钒钛磁铁矿").ClickAsync();
        await page.GetByText("新增下级环节").ClickAsync();
        await page.GetByLabel("名称").FillAsync("钛精矿");
        await page.GetByTestId("save-node").ClickAsync();
        await Assertions.Expect(page.GetByTestId("node-钒钛磁铁矿")).ToContainTextAsync("钛精矿");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "chain-tree.png"), FullPage = true });
        await context.CloseAsync();
    }
}
