using Microsoft.Playwright;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Tests.Browser;

/// <summary>The coordination office moves a signed project to 开工, files its monthly report and downloads the bulletin.</summary>
public sealed class ProjectBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private Task<IPage> SignIn(string userName) => host.SignInAsync(userName);

    private static Task Interactive(IPage page) => BrowserHost.WaitInteractiveAsync(page);

    [Fact]
    public async Task A_signed_project_starts_reports_its_month_and_the_bulletin_downloads()
    {
        var page = await SignIn("xiqu.office");
        await page.GotoAsync(host.BaseUrl + "/projects");
        await Interactive(page);
        await page.GetByTestId("project-link").Filter(new() { HasText = DemoProjects.ReadyToStart }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("project-title")).ToHaveTextAsync(DemoProjects.ReadyToStart);
        await Interactive(page);
        await Assertions.Expect(page.GetByTestId("project-stage")).ToHaveTextAsync("签约");

        await page.GetByTestId("stage-to-Started").ClickAsync();
        await page.GetByTestId("stage-reason").FillAsync("集中开工活动");
        await page.GetByTestId("save-stage").ClickAsync();
        await Assertions.Expect(page.GetByTestId("project-stage")).ToHaveTextAsync("开工");

        await page.GetByRole(AriaRole.Tab, new() { Name = "月度调度" }).ClickAsync();
        await page.GetByTestId("file-report").ClickAsync();
        await page.GetByTestId("report-investment").FillAsync("500");
        await page.GetByTestId("report-progress").FillAsync("场地平整完成，桩基施工");
        await page.GetByTestId("report-problem").FillAsync("施工用水管网未接通");
        await page.GetByTestId("save-report").ClickAsync();
        var today = BusinessDate.Today(TimeProvider.System);
        var report = page.GetByTestId($"report-{today.Year}-{today.Month}");
        await Assertions.Expect(report).ToContainTextAsync("场地平整完成");
        await Assertions.Expect(report).ToContainTextAsync("施工用水管网未接通");
        await Assertions.Expect(report).ToContainTextAsync("累计完成投资（万元）：500");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "project-detail.png"), FullPage = true });

        await page.GotoAsync(host.BaseUrl + "/projects/dispatch");
        await Interactive(page);
        await Assertions.Expect(page.GetByTestId("dispatch-table")).ToContainTextAsync(DemoProjects.ReadyToStart);
        await Assertions.Expect(page.GetByTestId("problem-table")).ToContainTextAsync("施工用水管网未接通");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "project-dispatch.png"), FullPage = true });
        var bulletin = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-bulletin").ClickAsync());
        Assert.Equal($"西区重点项目{today.Year}年{today.Month}月调度通报.docx", bulletin.SuggestedFilename);
        var saved = Path.Combine(BrowserHost.Artifacts, "project-bulletin.docx");
        await bulletin.SaveAsAsync(saved);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(saved, false))
            Assert.Contains("施工用水管网未接通", word.MainDocumentPart!.Document.Body!.InnerText);

        await page.GotoAsync(host.BaseUrl + "/projects/board");
        await Interactive(page);
        await Assertions.Expect(page.GetByTestId("column-Started")).ToContainTextAsync(DemoProjects.ReadyToStart);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=gantt] canvas')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "project-board.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
