using Microsoft.Playwright;

namespace Qianglian.Web.Tests.Browser;

/// <summary>The office enters a yearly statistic with its source on the target records page, and the targets page reads it.</summary>
public sealed class TargetRecordsBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_office_enters_a_statistic_with_its_source_and_sees_it_listed()
    {
        var page = await host.SignInAsync("dazhou.office");
        await page.GotoAsync(host.BaseUrl + "/evaluation/records");
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "荣誉名录" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "年度统计" }).ClickAsync();
        await page.GetByLabel("数值（位）").FillAsync("3");
        await page.GetByLabel("数据来源").FillAsync("市统计局浏览器测试通报");
        await page.GetByTestId("stat-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("statistics-table")).ToContainTextAsync("市统计局浏览器测试通报");
        await Assertions.Expect(page.GetByTestId("statistics-table")).ToContainTextAsync("未附原件");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "target-records.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
