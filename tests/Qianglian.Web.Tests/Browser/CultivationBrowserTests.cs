using Microsoft.Playwright;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Tests.Browser;

/// <summary>The coordination office runs the yearly tier review, confirms a proposal, opens an explanation, and grades.</summary>
public sealed class CultivationBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private Task<IPage> SignIn(string userName) => host.SignInAsync(userName);

    [Fact]
    public async Task The_office_confirms_a_tier_proposal_and_opens_an_enterprises_explanation()
    {
        var page = await SignIn("xiqu.office");
        await page.GotoAsync(host.BaseUrl + "/cultivation/tiers");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        await page.GetByLabel("年度").FillAsync("2024");
        await page.GetByTestId("run-review").ClickAsync();
        var table = page.GetByTestId("proposal-table");
        await Assertions.Expect(table).ToContainTextAsync("演示·西区绿色化工有限公司");
        await Assertions.Expect(table).ToContainTextAsync("升级");
        await Assertions.Expect(table).ToContainTextAsync("退出");

        await page.GetByTestId("confirm-演示·西区绿色化工有限公司").ClickAsync();
        var row = table.Locator("tr").Filter(new() { HasText = "演示·西区绿色化工有限公司" });
        await Assertions.Expect(row.GetByTestId("decision")).ToHaveTextAsync("已确认");
        await page.GetByRole(AriaRole.Tab, new() { Name = "梯度台账" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tier-ledger")).ToContainTextAsync("示范库");
        // The chain table counts the chain's 链主 by the one rule, written out above it.
        await page.GetByRole(AriaRole.Tab, new() { Name = "各链链主目标" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("leaders-rule")).ToContainTextAsync("未经年度评估退出梯度培育台账");
        await Assertions.Expect(page.GetByTestId("chain-targets")).ToContainTextAsync("链主企业");
        await page.GetByRole(AriaRole.Tab, new() { Name = "评估建议" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "cultivation-tiers.png"), FullPage = true });

        await table.GetByTestId("result-link").Filter(new() { HasText = "演示·西区钒钛新材料有限公司" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("explanation-title")).ToHaveTextAsync("演示·西区钒钛新材料有限公司");
        await Assertions.Expect(page.GetByTestId("explanation-lines")).ToContainTextAsync("本地配套率");
        await Assertions.Expect(page.GetByTestId("explanation-lines")).ToContainTextAsync("min(");
        await Assertions.Expect(page.GetByTestId("what-if")).ToContainTextAsync("须总分达到");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "cultivation-explanation.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_office_runs_a_grading_and_publishes_it()
    {
        var page = await SignIn("xiqu.office");
        await page.GotoAsync(host.BaseUrl + "/cultivation/grading");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        await page.GetByLabel("年度").FillAsync("2024");
        await page.GetByTestId("run-grading").ClickAsync();
        await Assertions.Expect(page.GetByTestId("grade-table")).ToContainTextAsync("演示·西区钛合金制品有限公司");
        // Each enterprise's group and its rank within the group.
        await Assertions.Expect(page.GetByTestId("grade-table")).ToContainTextAsync("组内排名");
        await Assertions.Expect(page.GetByTestId("grade-table")).ToContainTextAsync("规上企业");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=grade-chart] canvas')");
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("公示期");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "cultivation-grading.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
