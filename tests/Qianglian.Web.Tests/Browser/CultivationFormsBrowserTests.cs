using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// Officials enter what the cultivation rules need beyond the registry: an enterprise's supplementary figures on its
/// cultivation page (a bad figure is refused at its field, a good one changes the gradient), and reviewers' expert
/// scores on the tier page (a workbook with a bad row is refused row by row; one score entered in the dialog).
/// </summary>
public sealed class CultivationFormsBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Titanium = "演示·西区钛合金制品有限公司", Green = "演示·西区绿色化工有限公司";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, name + ".png"), FullPage = true });

    /// <summary>A form field with its error line (MudBlazor keeps both in one input control).</summary>
    private static ILocator Field(IPage page, string label) => page.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel(label, new() { Exact = true }) });

    private async Task<Guid> EnterpriseId(string name)
    {
        await using var db = host.OpenSystem();
        return (await db.Enterprises.SingleAsync(e => e.Name == name)).Id;
    }

    [Fact]
    public async Task The_office_enters_supplementary_figures_and_sees_the_gradient_change()
    {
        var titanium = await EnterpriseId(Titanium);
        var page = await host.SignInAsync("xiqu.office");
        await page.GotoAsync($"{host.BaseUrl}/cultivation/enterprises/{titanium}?year=2024");
        await BrowserHost.WaitInteractiveAsync(page);
        var summary = page.GetByTestId("gradient-summary");
        await Expect(summary).ToContainTextAsync("申报创新型中小企业尚不满足：“专业化”得分 0");

        // A negative main-business revenue is refused at its field; nothing is stored and the gradient stays.
        await page.GetByLabel("主营业务收入（万元）").FillAsync("-30000");
        await page.GetByLabel("资产总额（万元）").FillAsync("20000");
        await page.GetByLabel("负债总额（万元）").FillAsync("9000");
        await page.GetByTestId("save-supplementary").ClickAsync();
        await Expect(Field(page, "主营业务收入（万元）")).ToContainTextAsync("主营业务收入不能为负数");
        await Expect(Field(page, "资产总额（万元）")).Not.ToContainTextAsync("不能");
        var refused = page.Locator(".mud-snackbar", new() { HasText = "未保存" });
        await Expect(refused).ToBeVisibleAsync();
        await Shot(page, "cultivation-figures-refused");
        await refused.GetByRole(AriaRole.Button).ClickAsync();
        await using (var db = host.OpenSystem()) Assert.False(await db.CultivationYears.AnyAsync(y => y.EnterpriseId == titanium));
        await Expect(summary).ToContainTextAsync("尚不满足");

        // 30,000万元 of its 32,000万元 revenue: the main-business share (93.75%) earns 专业化 its 20 points, and the debt ratio (45%) 10.
        await page.GetByLabel("主营业务收入（万元）").FillAsync("30000");
        await page.GetByLabel("主营业务收入（万元）").PressAsync("Tab");
        // The circuit has taken the new value (its field error is gone) before the form is saved: under load a click
        // could otherwise reach the server ahead of the value.
        await Expect(Field(page, "主营业务收入（万元）")).Not.ToContainTextAsync("不能为负数");
        await page.GetByTestId("save-supplementary").ClickAsync();
        await Expect(summary).ToHaveTextAsync("可申报创新型中小企业");
        await Expect(page.GetByText("创新型中小企业：满足（70分）")).ToBeVisibleAsync();
        await using (var db = host.OpenSystem())
        {
            var stored = await db.CultivationYears.SingleAsync(y => y.EnterpriseId == titanium && y.Year == 2024);
            Assert.Equal((300_000_000m, 200_000_000m, 90_000_000m), (stored.MainBusinessRevenue, stored.TotalAssets, stored.TotalLiabilities));
        }
        await page.GetByText("专精特新“小巨人”企业：尚不满足").ClickAsync();
        await Expect(page.GetByText("资产负债率 45%，满足 ≤ 70%")).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-collapse-entered", new() { HasText = "与主导产品相关的Ⅰ类知识产权：缺少数据，无法判断" })).ToBeVisibleAsync();
        await Shot(page, "cultivation-figures");

        // Someone else changes the figures meanwhile: the save is refused with a reload, which shows their figure.
        await using (var db = host.OpenSystem())
        {
            (await db.CultivationYears.SingleAsync(y => y.EnterpriseId == titanium && y.Year == 2024)).RdStaff = 5;
            await db.SaveChangesAsync();
        }
        await page.GetByLabel("研发人员（人）").FillAsync("50");
        await page.GetByTestId("save-supplementary").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "已被其他用户修改" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "重新加载" }).ClickAsync();
        await Expect(page.GetByLabel("研发人员（人）")).ToHaveValueAsync("5");
        await page.Context.CloseAsync();

        // A chain chief sees the figures but has nothing to save them with.
        var chief = await host.SignInAsync("xiqu.chief");
        await chief.GotoAsync($"{host.BaseUrl}/cultivation/enterprises/{titanium}?year=2024");
        await BrowserHost.WaitInteractiveAsync(chief);
        await Expect(chief.GetByLabel("主营业务收入（万元）")).ToHaveValueAsync("30000");
        await Expect(chief.GetByTestId("supplementary-form")).ToBeVisibleAsync();
        Assert.Equal(0, await chief.GetByTestId("save-supplementary").CountAsync());
        Assert.Equal(0, await chief.GetByTestId("save-profile").CountAsync());
        await chief.Context.CloseAsync();
    }

    [Fact]
    public async Task The_office_imports_expert_scores_sees_the_bad_row_and_enters_one_score()
    {
        var (greenId, green) = (await EnterpriseId(Green), "");
        await using (var db = host.OpenSystem()) green = (await db.Enterprises.SingleAsync(e => e.Id == greenId)).Uscc;
        var page = await host.SignInAsync("xiqu.office");
        await page.GotoAsync(host.BaseUrl + "/cultivation/tiers");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "专家评分" }).ClickAsync();
        var table = page.GetByTestId("expert-table");
        await Expect(table).ToContainTextAsync("行业地位（专家评分）");

        static Dictionary<string, object?> Row(string uscc, string key, decimal score) => new()
        {
            ["统一社会信用代码"] = uscc, ["产业链"] = Web.Hosting.DemoChain.Name, ["年度"] = 2024, ["评分项"] = key, ["评分"] = score, ["说明"] = "年度评审",
        };
        var workbook = new FilePayload
        {
            Name = "专家评分.xlsx", MimeType = Workbooks.ContentType,
            Buffer = Workbooks.Rows(CultivationExcelSheet, [Row(green, "position", 9), Row(green, "innovation", 12)]),
        };
        await page.GetByTestId("import-expert-toggle").ClickAsync();
        await Expect(page.GetByTestId("expert-template")).ToHaveAttributeAsync("href", "/api/v1/cultivation/expert-scores/template.xlsx");
        await BrowserHost.ChooseFilesAsync(page.GetByTestId("import-expert"), workbook);
        var result = page.GetByTestId("import-expert-result");
        await Expect(result).ToContainTextAsync("未导入");
        var report = page.GetByTestId("expert-import");
        await Expect(report.Locator("tr", new() { HasText = "“创新能力（专家评分）”评分须在 0–10 之间：12" })).ToContainTextAsync("3");
        await Expect(report.Locator("tr", new() { HasText = "须在 0–10 之间" })).ToContainTextAsync("评分");
        await Shot(page, "cultivation-expert-import");
        await using (var db = host.OpenSystem())
            Assert.Equal(10m, (await db.ExpertScores.SingleAsync(s => s.EnterpriseId == greenId && s.Key == "position")).Score);

        // Only the good rows: the position score is taken, the bad row still reported.
        await page.GetByLabel("只导入无误的行").CheckAsync();
        await BrowserHost.ChooseFilesAsync(page.GetByTestId("import-expert"), workbook);
        await Expect(result).ToContainTextAsync("共2行");
        await Expect(table.Locator("tr", new() { HasText = "行业地位（专家评分）" }).Filter(new() { HasText = Green })).ToContainTextAsync("9");

        // One score in the dialog: out of range is refused at the score, then corrected.
        await page.GetByTestId("new-expert-score").ClickAsync();
        var dialog = page.GetByTestId("expert-dialog");
        var picker = dialog.GetByLabel("所属企业");
        await picker.ClickAsync();
        await picker.PressSequentiallyAsync("钛合金", new() { Delay = 100 });
        await page.GetByText(Titanium + "（").First.ClickAsync();
        await page.GetByTestId("expert-score-year").FillAsync("2024");
        await page.GetByTestId("expert-score-year").PressAsync("Tab");
        await Expect(dialog).ToContainTextAsync("专精特新评价得分（srdi-score）");
        await Expect(dialog).ToContainTextAsync("评分范围 0–100");
        await page.GetByTestId("expert-score").FillAsync("120");
        await page.GetByTestId("save-expert-score").ClickAsync();
        await Expect(Field(page, "评分")).ToContainTextAsync("“专精特新评价得分”评分须在 0–100 之间：120");
        await Shot(page, "cultivation-expert-dialog");
        await page.GetByTestId("expert-score").FillAsync("75");
        await page.GetByTestId("save-expert-score").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(table.Locator("tr", new() { HasText = Titanium })).ToContainTextAsync("专精特新评价得分");
        await Expect(table.Locator("tr", new() { HasText = Titanium })).ToContainTextAsync("75");
        await page.Context.CloseAsync();
    }

    private const string CultivationExcelSheet = Web.Modules.Cultivation.CultivationExcel.ExpertSheet;
}
