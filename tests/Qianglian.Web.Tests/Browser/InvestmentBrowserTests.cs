using Microsoft.Playwright;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// The coordination office approves a major investor's 一事一议 package, signs the lead and converts it into a
/// project; the park's pushed target, the KPI page and the chain page's ranking show their figures.
/// </summary>
public sealed class InvestmentBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<IPage> SignIn(string userName)
    {
        var context = await host.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", DemoData.Password);
        await host.SubmitSignInAsync(page, userName);
        await Interactive(page);
        return page;
    }

    private static Task Interactive(IPage page) => page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, name), FullPage = true });

    [Fact]
    public async Task A_major_lead_is_approved_signed_and_converted_and_the_attraction_pages_show_their_figures()
    {
        var page = await SignIn("xiqu.office");
        await page.GotoAsync(host.BaseUrl + "/investment/leads");
        await Interactive(page);
        await Shot(page, "investment-leads.png");
        await page.GetByTestId("lead-link").Filter(new() { HasText = DemoInvestment.MajorLead }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("lead-title")).ToHaveTextAsync(DemoInvestment.MajorLead);
        await Interactive(page);
        await Assertions.Expect(page.GetByTestId("lead-stage")).ToHaveTextAsync("洽谈");

        await page.GetByTestId("decision-note").FillAsync("同意按政策包签约");
        await page.GetByTestId("approve-deal").ClickAsync();
        await Assertions.Expect(page.GetByTestId("deal-panel")).ToContainTextAsync("已审定");
        await Shot(page, "investment-lead.png");

        await page.GetByTestId("move-Signed").ClickAsync();
        await page.GetByTestId("confirm-move").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lead-stage")).ToHaveTextAsync("签约");
        await page.GetByTestId("convert-lead").ClickAsync();
        await BrowserHost.PickOptionAsync(page.GetByRole(AriaRole.Dialog).Locator("input").First, "钒钛新材料", "演示·西区钒钛新材料有限公司");
        await page.GetByTestId("confirm-convert").ClickAsync();
        await Assertions.Expect(page.GetByTestId("project-title")).ToHaveTextAsync(DemoInvestment.MajorLead);
        await Interactive(page);
        await Assertions.Expect(page.GetByTestId("project-stage")).ToHaveTextAsync("签约");

        await page.GotoAsync(host.BaseUrl + "/investment/targets");
        await Interactive(page);
        await Assertions.Expect(page.GetByTestId("target-table")).ToContainTextAsync("江苏常州涂料科技有限公司");
        await Assertions.Expect(page.GetByTestId("target-table")).ToContainTextAsync("西区园区·已接收");
        await Shot(page, "investment-targets.png");

        await page.GotoAsync(host.BaseUrl + "/investment/kpis");
        await Interactive(page);
        await Assertions.Expect(page.GetByTestId("kpi-projects")).ToContainTextAsync(DemoInvestment.ConvertedLead);
        await Shot(page, "investment-kpis.png");

        await page.GotoAsync(host.BaseUrl + "/chains");
        await Interactive(page);
        await page.GetByTestId("chain-link").Filter(new() { HasText = DemoChain.Name }).ClickAsync();
        await Interactive(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "招引优先" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("ranking-table")).ToContainTextAsync("钒渣");
        await Assertions.Expect(page.GetByTestId("ranking-basis")).ToContainTextAsync("四川省");
        await Shot(page, "investment-ranking.png");
        await page.Context.CloseAsync();
    }
}
