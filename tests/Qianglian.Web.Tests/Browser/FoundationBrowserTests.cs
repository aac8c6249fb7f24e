using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// Through Debian's Chromium: the 西区 coordination office reads its document's 10 measures and who leads
/// measure 六; a 达州 user sees none of 西区's data.
/// </summary>
public sealed class FoundationBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<IPage> SignIn(string userName)
    {
        // Through the front door: an anonymous visit to the home page is sent to the login page.
        var context = await host.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/");
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", DemoData.Password);
        await host.SubmitSignInAsync(page, userName);
        await BrowserHost.WaitInteractiveAsync(page);
        return page;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, name + ".png"), FullPage = true });

    [Fact]
    public async Task Xiqu_office_sees_the_ten_measures_and_who_leads_measure_six()
    {
        var page = await SignIn("xiqu.office");
        await Assertions.Expect(page.GetByTestId("count-documents")).ToHaveTextAsync("1");
        await Shot(page, "home-xiqu-office");

        await page.GotoAsync(host.BaseUrl + "/documents");
        // Click only once the circuit is up: a click on the pre-rendered list races the circuit's own first render.
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        await page.GetByTestId("document-link").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("document-title")).ToContainTextAsync("十条措施");
        await Assertions.Expect(page.Locator("[data-testid^=measure-row-]")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("measure-row-6")).ToContainTextAsync("促进重点项目早日竣工投产");
        // 六 lists two units without a comma: under 西区's convention both lead.
        await Assertions.Expect(page.GetByTestId("measure-6-lead").Locator(".mud-chip")).ToHaveTextAsync(["牵头·区经济和信息化局", "牵头·区财政局"]);
        await Assertions.Expect(page.GetByTestId("measure-6-cooperating").Locator(".mud-chip")).ToHaveCountAsync(0);
        // 十's text names 区经济和信息化局 as 牵头: it alone leads.
        await Assertions.Expect(page.GetByTestId("measure-10-lead")).ToHaveTextAsync("牵头·区经济和信息化局");
        await Shot(page, "document-xiqu-measures");

        await page.GetByRole(AriaRole.Tab, new() { Name = "责任分工矩阵" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("matrix")).ToContainTextAsync("区经济和信息化局");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-matrix").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        await Shot(page, "document-xiqu-matrix");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_office_sees_phone_numbers_masked_and_one_whole_after_show_whole_which_is_recorded()
    {
        var page = await SignIn("xiqu.office");
        await page.GotoAsync(host.BaseUrl + "/users");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        var cell = page.GetByTestId("user-phone").First;
        await Assertions.Expect(cell).ToContainTextAsync("138****");
        await cell.GetByTestId("reveal-phone").ClickAsync();
        await Assertions.Expect(cell).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*1380000\d{4}\s*$"));
        await Shot(page, "users-phone-revealed");
        await using var db = host.OpenSystem();
        Assert.True(await db.Set<Web.Data.Protection.PersonalDataView>().AnyAsync(v => v.UserName == "xiqu.office" && v.Channel == "page"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_dazhou_user_sees_no_xiqu_data()
    {
        var page = await SignIn("dazhou.office");
        await page.GotoAsync(host.BaseUrl + "/documents");
        await Assertions.Expect(page.GetByTestId("document-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("document-table")).ToContainTextAsync("达州市重点产业链融圈强链工作实施方案");
        await Assertions.Expect(page.GetByTestId("document-table")).Not.ToContainTextAsync("西区");
        await Shot(page, "documents-dazhou");

        await page.GotoAsync(host.BaseUrl + "/units");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        await page.GetByPlaceholder("搜索").FillAsync("经济和信息化局");
        await Assertions.Expect(page.GetByTestId("unit-table")).ToContainTextAsync("市经济和信息化局");
        await Assertions.Expect(page.GetByTestId("unit-table")).Not.ToContainTextAsync("区经济和信息化局");

        await page.GotoAsync(host.BaseUrl + "/jurisdictions");
        await Assertions.Expect(page.GetByTestId("jurisdiction-table")).ToContainTextAsync("达州高新区");
        await Assertions.Expect(page.GetByTestId("jurisdiction-table")).Not.ToContainTextAsync("西区");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_city_user_narrows_the_view_with_the_jurisdiction_switcher()
    {
        var page = await SignIn("pzh.chief");
        await page.GotoAsync(host.BaseUrl + "/documents");
        await Assertions.Expect(page.GetByTestId("document-link")).ToHaveCountAsync(2); // 攀枝花市 and 西区
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        await page.GetByTestId("jurisdiction-switcher").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "西区" }).ClickAsync();
        await page.WaitForURLAsync("**/documents");
        await Assertions.Expect(page.GetByTestId("document-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("document-link")).ToContainTextAsync("十条措施");
        await Shot(page, "switcher-pzh-to-xiqu");
        await page.Context.CloseAsync();
    }

    /// <summary>Issue 14 item 8: on screen, each number no seed gives is labelled a platform default with its basis.</summary>
    [Fact]
    public async Task Packs_page_labels_the_numbers_no_seed_gives_platform_defaults_with_their_basis()
    {
        var page = await SignIn("xiqu.office");
        await page.GotoAsync(host.BaseUrl + "/packs");
        await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
        var pack = page.GetByTestId("pack-xiqu");
        await pack.GetByText("文件未规定的数字").ClickAsync();
        var weights = pack.GetByTestId("pack-number").Filter(new() { HasText = "assessment.reporting" });
        await Assertions.Expect(weights).ToContainTextAsync("平台默认值");
        await Assertions.Expect(weights).ToContainTextAsync("西区文件未规定考核权重");
        await Assertions.Expect(pack.GetByTestId("pack-default-section").Filter(new() { HasText = "groupLabel" }).First).ToContainTextAsync("攀枝花");
        await Shot(page, "xiqu-packs-defaults");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_render_for_an_administrator_and_in_english()
    {
        var page = await SignIn("admin");
        // The audit log is the audit administrator's (三员分立): see An_administrator_enrols_….
        foreach (var path in new[] { "/", "/jurisdictions", "/units", "/users", "/packs", "/documents", "/chains", "/enterprises" })
        {
            await page.GotoAsync(host.BaseUrl + path);
            await page.WaitForFunctionAsync("() => window.qianglian && window.qianglian.interactive === true");
            await Assertions.Expect(page.Locator(".mud-main-content")).Not.ToBeEmptyAsync();
            await Shot(page, "admin" + path.Replace('/', '-').TrimEnd('-'));
        }
        await page.GotoAsync(host.BaseUrl + "/packs");
        await Assertions.Expect(page.GetByTestId("pack-xiqu-chains")).ToHaveTextAsync("声明9条，已列名0条");
        // MudBlazor's own texts follow the UI language too: the pager of a paged list.
        await page.GotoAsync(host.BaseUrl + "/units");
        await Assertions.Expect(page.Locator(".mud-table-pagination")).ToContainTextAsync("每页行数");

        await page.GotoAsync(host.BaseUrl + "/culture?c=en&returnUrl=/packs");
        await Assertions.Expect(page.GetByTestId("pack-xiqu-chains")).ToHaveTextAsync("declared 9, named 0");
        await page.GotoAsync(host.BaseUrl + "/units");
        await Assertions.Expect(page.Locator(".mud-table-pagination")).ToContainTextAsync("Rows per page");
        await Shot(page, "admin-packs-en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_enrols_an_authenticator_on_the_QR_page_and_then_signs_in_with_a_code()
    {
        // A new audit administrator, made by the system administrator with a one-time password.
        // A client of the host's own Kestrel server (the browser host has no in-memory one).
        using var admin = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await (await admin.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "admin", password = DemoData.Password, code = await DemoCodes.ForAsync(host, "admin") })).Content.ReadFromJsonAsync<JsonElement>();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var national = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/jurisdictions"))!
            .First(j => j.GetProperty("code").GetString() == "100000").GetProperty("id").GetGuid();
        var created = await admin.PostAsJsonAsync("/api/v1/users",
            new { userName = "browser.auditor", displayName = "浏览器审计员", jurisdictionId = national, roles = new[] { Web.Auth.Roles.AuditAdministrator } });
        var oneTime = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString()!;

        var context = await host.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.FillAsync("input[name=userName]", "browser.auditor");
        await page.FillAsync("input[name=password]", oneTime);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/account/two-factor**");
        await Assertions.Expect(page.GetByTestId("two-factor-qr")).ToBeVisibleAsync();
        await Shot(page, "two-factor-enrol");
        var key = await page.GetByTestId("two-factor-key").InnerTextAsync();
        await page.FillAsync("input[name=code]", DemoCodes.Now(host, key)); // what the phone shows after scanning
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await Shot(page, "two-factor-recovery-codes");
        await page.GetByTestId("recovery-codes-continue").ClickAsync();
        await page.WaitForURLAsync("**/account/change-password**"); // then the one-time password is changed
        await page.FillAsync("input[name=currentPassword]", oneTime);
        await page.FillAsync("input[name=newPassword]", "Auditor#Ledger2026");
        await page.FillAsync("input[name=confirmPassword]", "Auditor#Ledger2026");
        await page.ClickAsync("button[type=submit]");
        await BrowserHost.WaitInteractiveAsync(page);
        await context.CloseAsync();

        // Next time: the password, then the app's code (the next one: each code signs in once), no QR code.
        context = await host.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/account/login?returnUrl=%2Faudit");
        await page.FillAsync("input[name=userName]", "browser.auditor");
        await page.FillAsync("input[name=password]", "Auditor#Ledger2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/account/two-factor**");
        await Assertions.Expect(page.GetByTestId("two-factor-qr")).ToHaveCountAsync(0);
        await page.FillAsync("input[name=code]", DemoCodes.Now(host, key, stepsAhead: 1));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/audit");
        await BrowserHost.WaitInteractiveAsync(page);
        // The audit administrator's one page: the log, where their own readings show.
        await Assertions.Expect(page.GetByTestId("audit-table")).ToContainTextAsync("查阅");
        await Shot(page, "auditor-audit");
        await context.CloseAsync();
    }
}
