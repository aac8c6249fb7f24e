using Microsoft.Playwright;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// An enterprise files a problem in the browser; the county unit, then the lead department declare it beyond their
/// powers, the chain chief resolves it, and the enterprise confirms it with its rating.
/// </summary>
public sealed class ProblemBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
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

    private async Task<IPage> OpenAs(string userName, string problemUrl)
    {
        var page = await SignIn(userName);
        await page.GotoAsync(problemUrl);
        await Interactive(page);
        return page;
    }

    private static async Task EscalateWith(IPage page, string reason)
    {
        await page.GetByTestId("escalate-problem").ClickAsync();
        await page.GetByTestId("escalate-reason").FillAsync(reason);
        await page.GetByTestId("confirm-escalate").ClickAsync();
    }

    [Fact]
    public async Task An_enterprise_files_a_problem_it_climbs_to_the_chain_chief_and_is_closed_and_rated()
    {
        var page = await SignIn("xiqu.enterprise");
        await page.GotoAsync(host.BaseUrl + "/supervision/problems");
        await Interactive(page);
        await page.GetByTestId("file-problem").ClickAsync();
        await page.GetByTestId("problem-title").FillAsync("二期厂房供电容量不足");
        await page.GetByTestId("problem-description").FillAsync("二期厂房需增容2万千伏安，供电公司答复需排期至明年。");
        await page.GetByTestId("problem-chain").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = DemoChain.Name }).ClickAsync();
        await page.GetByTestId("problem-category").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "电力" }).ClickAsync();
        // The selections re-render the dialog: the typed text must have reached the server and survived.
        await Assertions.Expect(page.GetByTestId("problem-title")).ToHaveValueAsync("二期厂房供电容量不足");
        await page.GetByTestId("submit-problem").ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem-heading")).ToHaveTextAsync("二期厂房供电容量不足");
        await Assertions.Expect(page.GetByTestId("problem-handler")).ToHaveTextAsync("区经济和信息化局");
        await Interactive(page);
        var url = page.Url;
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "problem-filed.png"), FullPage = true });
        await page.Context.CloseAsync();

        var county = await OpenAs("xiqu.operator", url);
        await EscalateWith(county, "涉及电网规划调整，超出区级职权");
        await Assertions.Expect(county.GetByTestId("problem-level")).ToHaveTextAsync("牵头部门");
        await county.Context.CloseAsync();

        var lead = await OpenAs("xiqu.lead", url);
        await EscalateWith(lead, "需链长协调供电公司");
        await Assertions.Expect(lead.GetByTestId("problem-level")).ToHaveTextAsync("链长");
        await Assertions.Expect(lead.GetByTestId("problem-handler")).ToHaveTextAsync("西区链长");
        await lead.Context.CloseAsync();

        var chief = await OpenAs("xiqu.chief", url);
        await chief.GetByTestId("resolve-problem").ClickAsync();
        await chief.GetByTestId("resolution-text").FillAsync("链长召集供电公司专题协调，增容工程提前至本季度实施。");
        await chief.GetByTestId("confirm-resolve").ClickAsync();
        await Assertions.Expect(chief.GetByTestId("status")).ToContainTextAsync("待企业确认");
        await chief.Context.CloseAsync();

        var enterprise = await OpenAs("xiqu.enterprise", url);
        await enterprise.GetByTestId("rate-problem").ClickAsync();
        await enterprise.GetByText("基本满意").ClickAsync();
        await enterprise.GetByTestId("confirm-rate").ClickAsync();
        await Assertions.Expect(enterprise.GetByTestId("status")).ToContainTextAsync("已办结");
        await Assertions.Expect(enterprise.GetByTestId("problem-rating")).ToContainTextAsync("基本满意");
        await Assertions.Expect(enterprise.GetByTestId("problem-steps")).ToContainTextAsync("超出本级职权");
        await enterprise.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "problem-closed.png"), FullPage = true });
        await enterprise.Context.CloseAsync();

        var office = await SignIn("xiqu.office");
        await office.GotoAsync(host.BaseUrl + "/supervision/problems");
        await Interactive(office);
        await Assertions.Expect(office.GetByTestId("problem-table")).ToContainTextAsync("二期厂房供电容量不足");
        await office.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "problem-ledger.png"), FullPage = true });
        await office.Context.CloseAsync();
    }
}
