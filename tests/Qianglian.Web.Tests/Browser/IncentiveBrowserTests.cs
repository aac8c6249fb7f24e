using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Incentives;

namespace Qianglian.Web.Tests.Browser;

/// <summary>The browser host on the incentive tests' fake clock (1 June 2026), uploads in a temporary folder.</summary>
public sealed class IncentiveBrowserHost : BrowserHost
{
    public FakeTimeProvider Clock { get; } = new(IncentiveClock.Start);
    private readonly string uploads = IncentiveClock.UploadRoot();
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Uploads:Root", uploads), new("Security:PasswordMaxAgeDays", "0")];
}

/// <summary>
/// One 西区 application from submission to payment in the browser, each step by its own person: the enterprise, the
/// 区经信局, 区发改局 and 区财政局 officials, the chain's chief and the 区委/区政府 approver.
/// </summary>
public sealed class IncentiveBrowserTests(IncentiveBrowserHost host) : IClassFixture<IncentiveBrowserHost>
{
    private async Task<IPage> SignIn(string userName)
    {
        var context = await host.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", DemoData.Password);
        await host.SubmitSignInAsync(page, userName);
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        return page;
    }

    private async Task<IPage> Open(string userName, string url)
    {
        var page = await SignIn(userName);
        await page.GotoAsync(host.BaseUrl + url);
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        return page;
    }

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, $"{name}.png"), FullPage = true });

    /// <summary>Picks an option and waits until the select shows it: the choice has reached the server before the next step.</summary>
    private static async Task Choose(IPage page, string testId, string option, string? shown = null)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
        await Assertions.Expect(page.GetByTestId(testId)).ToContainTextAsync(shown ?? option);
    }

    /// <summary>Opens the stage's dialog, writes the opinion and confirms; waits until the state moves on.</summary>
    private static async Task Act(IPage page, string button, string? text, string nextState)
    {
        await page.GetByTestId(button).ClickAsync();
        if (text is not null) await page.GetByLabel("意见/理由").FillAsync(text);
        await page.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-state")).ToContainTextAsync(nextState);
    }

    [Fact]
    public async Task A_xiqu_application_goes_from_submission_to_payment_with_each_stage_by_its_own_person()
    {
        // The enterprise applies under 七 for its 智改数转 project and uploads the checklist.
        var page = await Open("xiqu.enterprise", "/incentives/applications");
        await page.GetByTestId("new-application").ClickAsync();
        await Choose(page, "new-measure", "七、推动重点企业设备更新和技术改造");
        await Choose(page, "new-project", DemoIncentives.SmartRenovation);
        await Choose(page, "new-category", "智改数转（8%）", "智改数转");
        await page.GetByTestId("new-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-state")).ToContainTextAsync("草稿");
        await Assertions.Expect(page.GetByTestId("formula")).ToContainTextAsync("设备投资 8,000万元 × 8%（智改数转） = 640万元 > 上限 250万元，按上限 250万元");
        var url = page.Url;

        static FilePayload Pdf(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = IncentiveApi.Pdf };
        foreach (var n in new[] { 1, 2, 4, 5 })
        {
            await BrowserHost.ChooseFilesAsync(page.GetByTestId($"upload-{n}"), Pdf($"资料{n}.pdf"));
            await Assertions.Expect(page.GetByTestId($"checklist-item-{n}")).ToContainTextAsync($"资料{n}.pdf");
        }
        await page.GetByTestId("submit-application").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "缺少申报资料：第3项" })).ToBeVisibleAsync();
        await Choose(page, "alternative-3", "无需审批的政策依据说明或政府部门证明");
        await BrowserHost.ChooseFilesAsync(page.GetByTestId("upload-3"), Pdf("政策依据说明.pdf"));
        await Assertions.Expect(page.GetByTestId("checklist-item-3")).ToContainTextAsync("政策依据说明.pdf");
        await Shot(page, "incentive-application-draft");
        await page.GetByTestId("submit-application").ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-state")).ToContainTextAsync("区经信局受理");
        await page.Context.CloseAsync();
        var path = new Uri(url).AbsolutePath;

        // 区经信局 accepts; 区发改局 and 区财政局 give opinions; 区经信局 closes the consultation.
        var jxj = await Open("xiqu.jxj", path);
        await Act(jxj, "pass-stage", "资料齐全，予以受理", "初步会商");
        await Assertions.Expect(jxj.GetByTestId("pending-opinions")).ToContainTextAsync("区发展改革局、区财政局");
        foreach (var (user, opinion) in new[] { ("xiqu.fgj", "符合产业政策，同意支持"), ("xiqu.czj", "资金来源为区级工业发展专项资金，同意") })
        {
            var unit = await Open(user, path);
            await unit.GetByTestId("give-opinion").ClickAsync();
            await unit.GetByLabel("意见/理由").FillAsync(opinion);
            await unit.GetByTestId("dialog-confirm").ClickAsync();
            await Assertions.Expect(unit.GetByTestId("history")).ToContainTextAsync(opinion);
            await unit.Context.CloseAsync();
        }
        await jxj.ReloadAsync();
        await jxj.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        await Act(jxj, "pass-stage", "会商通过，提请专题研究", "链长专题研究");
        await jxj.Context.CloseAsync();

        // The chief of the project's chain convenes the special study.
        var chief = await Open("xiqu.chief", path);
        await Act(chief, "pass-stage", "专题研究同意支持，报区委区政府审定", "区委区政府审定");
        await chief.Context.CloseAsync();

        // 区委/区政府 approves the amount (≤ the ceiling) and the payment method.
        var approver = await Open("xiqu.approver", path);
        await approver.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(approver.GetByTestId("budget-position")).ToContainTextAsync("预算 3,000万元");
        await approver.GetByLabel("金额（万元）").FillAsync("260");
        await approver.GetByTestId("approve-confirm").ClickAsync();
        await Assertions.Expect(approver.Locator(".mud-snackbar", new() { HasText = "超过核定上限 250万元" })).ToBeVisibleAsync();
        await approver.GetByLabel("金额（万元）").FillAsync("250");
        await approver.GetByTestId("approve-confirm").ClickAsync();
        await Assertions.Expect(approver.GetByTestId("application-state")).ToContainTextAsync("区财政局兑付");
        await approver.Context.CloseAsync();

        // 区财政局 pays in one sum; the file moves to archive.
        var czj = await Open("xiqu.czj", path);
        await czj.GetByTestId("pay").ClickAsync();
        await czj.GetByLabel("支付凭证号").FillAsync("XQCZ-2026-0001");
        await czj.GetByTestId("pay-confirm").ClickAsync();
        await Assertions.Expect(czj.GetByTestId("application-state")).ToContainTextAsync("已兑付，归档");
        await Assertions.Expect(czj.GetByTestId("application-paid")).ToHaveTextAsync("250万元");
        await Assertions.Expect(czj.GetByTestId("history")).ToContainTextAsync("专题研究同意支持");
        await Shot(czj, "incentive-application-paid");
        var form = await czj.RunAndWaitForDownloadAsync(() => czj.GetByTestId("approval-form").ClickAsync());
        Assert.EndsWith(".docx", form.SuggestedFilename);
        await czj.Context.CloseAsync();

        var office = await Open("xiqu.office", "/incentives");
        await Assertions.Expect(office.GetByTestId("measure-table")).ToContainTextAsync("设备投资 × 3%，上限 500万元");
        await Shot(office, "incentive-measures");
        await office.Context.CloseAsync();
    }

    [Fact]
    public async Task The_office_configures_a_new_measure_in_the_form_and_is_told_in_chinese_which_field_is_wrong()
    {
        var page = await Open("xiqu.office", "/incentives");
        await page.GetByTestId("new-measure").ClickAsync();
        await page.GetByTestId("nm-document").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "十条措施" }).First.ClickAsync();
        await page.GetByTestId("nm-measure").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "推动企业数字化转型" }).ClickAsync();
        // The clause's text comes with it; the office writes the rest.
        await Assertions.Expect(page.GetByTestId("nm-clause")).Not.ToBeEmptyAsync();
        await page.GetByTestId("nm-key").FillAsync("xiqu.4");
        await page.GetByTestId("nm-support").FillAsync("数字化转型奖励");
        await Choose(page, "nm-kind", "按类别比例");
        await page.GetByTestId("nm-categories").FillAsync("智能工厂 10%\n数字化车间 120%");
        await page.GetByTestId("nm-cap").FillAsync("100");
        await page.GetByTestId("nm-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "类别比例（第2项）：比例须大于0且不超过100%" })).ToBeVisibleAsync();
        await page.GetByTestId("nm-categories").FillAsync("智能工厂 10%\n数字化车间 百分之五");
        await page.GetByTestId("nm-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "类别及比例：第2行“数字化车间 百分之五”应写作“类别名称 比例%”" })).ToBeVisibleAsync();
        await page.GetByTestId("nm-categories").FillAsync("智能工厂 10%\n数字化车间 5%");
        await Shot(page, "incentive-new-measure");
        await page.GetByTestId("nm-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("measure-table")).ToContainTextAsync("四、推动企业数字化转型");
        await Assertions.Expect(page.GetByTestId("measure-table")).ToContainTextAsync("上限 100万元");
        await page.Context.CloseAsync();

        await using var db = host.OpenSystem();
        var rule = (await db.Set<Modules.Incentives.IncentiveMeasure>().SingleAsync(m => m.Key == "xiqu.4")).Rule;
        Assert.Equal(new Core.Incentives.CategoryRate[] { new("智能工厂", 0.10m), new("数字化车间", 0.05m) }, rule.Categories);
        Assert.Equal(1_000_000m, rule.Cap);
    }
}
