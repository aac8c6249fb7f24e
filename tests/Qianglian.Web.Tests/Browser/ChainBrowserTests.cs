using Microsoft.Playwright;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Tests.Browser;

/// <summary>A lead officer builds a chain's node tree in the browser.</summary>
public sealed class ChainBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private Task<IPage> SignIn(string userName) => host.SignInAsync(userName);

    [Fact]
    public async Task The_demo_chain_map_shows_gaps_and_a_clicked_node_and_exports_the_gap_list()
    {
        var page = await SignIn("xiqu.office");
        await page.GotoAsync(host.BaseUrl + "/chains");
        // Click only once the circuit is up: a click on the pre-rendered list races the circuit's first render and
        // can leave the chain page static, without its tabs.
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("chain-link").Filter(new() { HasText = DemoChain.Name }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("chain-title")).ToHaveTextAsync(DemoChain.Name);
        await page.GetByRole(AriaRole.Tab, new() { Name = "全景图谱" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("gap-list")).ToContainTextAsync("海绵钛");
        await Assertions.Expect(page.GetByTestId("leader-rate")).ToContainTextAsync("75.0%");

        // Click the 海绵钛 node on the canvas where ECharts drew it, as a person would.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=chain-map] canvas')");
        var chartId = await page.GetByTestId("chain-map").GetAttributeAsync("id");
        var nodeId = await page.EvaluateAsync<string>($"() => echarts.getInstanceByDom(document.getElementById('{chartId}')).getOption().series[0].data.find(d => d.name === '海绵钛').id");
        var point = await page.EvaluateAsync<Point>($"() => qianglianCharts.positionOf('{chartId}', '{nodeId}')");
        await page.Mouse.ClickAsync(point.X, point.Y);
        await Assertions.Expect(page.GetByTestId("selected-node")).ToContainTextAsync("短链");
        await Assertions.Expect(page.GetByTestId("selected-node")).ToContainTextAsync("演示·西区钒钛新材料有限公司");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "chain-map.png"), FullPage = true });

        var gapList = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-gaps").ClickAsync());
        Assert.EndsWith("缺口清单.xlsx", gapList.SuggestedFilename);
        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-map-png").ClickAsync());
        Assert.EndsWith(".png", png.SuggestedFilename);
        await page.Context.CloseAsync();
    }

    private sealed class Point
    {
        public float X { get; set; }
        public float Y { get; set; }
    }

    [Fact]
    public async Task Xiqu_office_creates_a_chain_and_builds_its_tree()
    {
        var page = await SignIn("xiqu.office");
        var context = page.Context;

        await page.GotoAsync(host.BaseUrl + "/chains");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        await page.GetByTestId("add-chain").ClickAsync();
        await page.GetByLabel("名称").FillAsync("光电信息产业链");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.GetByTestId("chain-link").Filter(new() { HasText = "光电信息产业链" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("chain-title")).ToHaveTextAsync("光电信息产业链");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");

        await page.GetByTestId("add-root-node").ClickAsync();
        await page.GetByLabel("名称").FillAsync("钒钛磁铁矿");
        await page.GetByTestId("save-node").ClickAsync();
        await Assertions.Expect(page.GetByTestId("stage-Upstream")).ToContainTextAsync("钒钛磁铁矿");

        await page.GetByTestId("node-menu-钒钛磁铁矿").ClickAsync();
        await page.GetByText("新增下级环节").ClickAsync();
        await page.GetByLabel("名称").FillAsync("钛精矿");
        // a class GB/T 4754-2017 does not have is refused naming the nearest level it has; a class it has is shown with its name
        await page.GetByLabel("行业代码").FillAsync("0918");
        await page.GetByTestId("save-node").ClickAsync();
        await Assertions.Expect(page.GetByText("最接近的有效层级为 B091 常用有色金属矿采选")).ToBeVisibleAsync();
        await page.GetByLabel("行业代码").FillAsync("0919");
        await page.GetByTestId("save-node").ClickAsync();
        await Assertions.Expect(page.GetByTestId("node-钒钛磁铁矿")).ToContainTextAsync("钛精矿");
        await Assertions.Expect(page.GetByTestId("node-industry-label")).ToHaveTextAsync("B0919 其他常用有色金属矿采选");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "chain-tree.png"), FullPage = true });

        await page.GetByRole(AriaRole.Tab, new() { Name = "工作机制" }).ClickAsync();
        await page.GetByTestId("kit-from-pack").ClickAsync();
        await Assertions.Expect(page.GetByTestId("chain-kit")).ToContainTextAsync("一个工作方案");
        await Assertions.Expect(page.GetByTestId("chain-kit")).ToContainTextAsync("五个一");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "chain-work.png"), FullPage = true });
        await context.CloseAsync();
    }
}
