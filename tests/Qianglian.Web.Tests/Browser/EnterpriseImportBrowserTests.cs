using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Tests.Browser;

/// <summary>A 100,000-row registry file imported through the page, with its progress bar, in Debian's Chromium.</summary>
public sealed class EnterpriseImportBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const int Rows = 100_000;

    [Fact]
    public async Task A_hundred_thousand_rows_import_through_the_page()
    {
        var path = Path.Combine(Path.GetTempPath(), $"qianglian-100k-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, Workbooks.Rows(EnterpriseExcel.SheetName, Enumerable.Range(0, Rows).Select(i =>
        {
            var first17 = $"91510403R{i:D8}";
            return (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [EnterpriseExcel.Uscc] = first17 + Uscc.CheckCharacter(first17), [EnterpriseExcel.Name] = $"十万行企业{i:D6}", [EnterpriseExcel.Jurisdiction] = "510403",
            };
        })));
        int before;
        await using (var db = host.OpenSystem()) before = await db.Enterprises.CountAsync();

        var context = await host.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.FillAsync("input[name=userName]", "xiqu.office");
        await page.FillAsync("input[name=password]", DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        await page.GotoAsync(host.BaseUrl + "/enterprises");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");

        await page.GetByTestId("import-enterprises").ClickAsync();
        await BrowserHost.ChooseFilesAsync(page.GetByTestId("import-file"), path);
        // The import is offered once the page has been told of the 5 MB file, which on a loaded machine can take 30 s.
        await Assertions.Expect(page.GetByTestId("run-import")).ToBeEnabledAsync(new() { Timeout = 120_000 });
        await page.GetByTestId("run-import").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-progress")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "import-progress.png") });
        await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync($"共{Rows}行，新增{Rows}", new() { Timeout = 240_000 });
        await using (var db = host.OpenSystem()) Assert.Equal(before + Rows, await db.Enterprises.CountAsync());
        await context.CloseAsync();
        File.Delete(path);
    }
}
