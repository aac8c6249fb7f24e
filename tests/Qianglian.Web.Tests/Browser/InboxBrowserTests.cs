using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Incentives;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// The inbox at the top of each role's home page — the office, an approver (区经信局's reviewer at 受理), the chain
/// chief (a problem escalated to the chief) and an enterprise (a problem answered, to rate) — with the count in the
/// top bar; and the enterprise's pages at phone width (390 px): no sideways scroll of the page, buttons in reach.
/// </summary>
public sealed class InboxBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private readonly IncentiveApi api = new(host);
    private readonly Dictionary<string, HttpClient> clients = [];

    /// <summary>An API client of the browser host's own Kestrel server, signed in with a bearer token.</summary>
    private async Task<HttpClient> As(string user)
    {
        if (clients.TryGetValue(user, out var known)) return known;
        var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await Json(await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = DemoData.Password, code = await Tests.Hosting.DemoCodes.ForAsync(host, user) }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return clients[user] = client;
    }

    private async Task<Guid> FileProblem(string title)
    {
        Guid chain;
        await using (var db = host.OpenSystem()) chain = (await db.Chains.SingleAsync(c => c.Name == DemoChain.Name)).Id;
        return (await Json(await (await As("xiqu.enterprise")).PostAsJsonAsync("/api/v1/problems",
            new { chainId = chain, category = "Power", title, description = "二期厂房需增容，供电公司答复排期过晚" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private async Task<int> ProblemVersion(Guid id)
    {
        await using var db = host.OpenSystem();
        return (await db.Problems.SingleAsync(p => p.Id == id)).Version;
    }

    private async Task<IPage> Home(string user, int width = 1400)
    {
        var context = await host.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = width, Height = 844 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", DemoData.Password);
        await host.SubmitSignInAsync(page, user);
        await BrowserHost.WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>The home page opens on the inbox (its first items), and the full list holds the item.</summary>
    private async Task ExpectInboxItem(IPage page, string text)
    {
        await Assertions.Expect(page.GetByTestId("home-inbox").GetByTestId("inbox-item").First).ToBeVisibleAsync();
        // The top bar counts the same inbox.
        await Assertions.Expect(page.GetByTestId("inbox-badge")).ToBeVisibleAsync();
        await page.GotoAsync(host.BaseUrl + "/inbox");
        await BrowserHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("inbox-item").Filter(new() { HasText = text })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Each_role_opens_on_its_own_inbox_and_the_enterprise_works_at_phone_width()
    {
        // The office's (and 区经信局's) problem; one climbed to the chief; one answered, for the enterprise to rate.
        var local = await FileProblem("待办·园区供电排期");
        var climbed = await FileProblem("待办·链长协调用电");
        await Json(await (await As("xiqu.operator")).PostAsJsonAsync($"/api/v1/problems/{climbed}/escalate", new { reason = "需跨部门协调", version = await ProblemVersion(climbed) }), HttpStatusCode.NoContent);
        await Json(await (await As("xiqu.lead")).PostAsJsonAsync($"/api/v1/problems/{climbed}/escalate", new { reason = "需链长协调", version = await ProblemVersion(climbed) }), HttpStatusCode.NoContent);
        var answered = await FileProblem("待办·答复待评价");
        await Json(await (await As("xiqu.operator")).PostAsJsonAsync($"/api/v1/problems/{answered}/resolve", new { resolution = "已协调供电公司提前排期", version = await ProblemVersion(answered) }), HttpStatusCode.NoContent);
        // An application at 受理 for the approver, with one required file still missing for the enterprise's home… then complete and submitted.
        var project = await api.Project("待办·智改数转项目", Web.Modules.Projects.ProjectFlags.ChainLeader, equipmentWan: 2800, newOutputWan: 1000);
        var enterprise = await As("xiqu.enterprise");
        var application = (await Json(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = await api.Measure("xiqu.7"), projectId = project, category = "智改数转" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await UploadXiquChecklist(enterprise, application);
        var number = (await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{application}/submit", null), HttpStatusCode.OK)).GetProperty("number").GetString()!;

        var office = await Home("xiqu.office");
        await ExpectInboxItem(office, "待办·园区供电排期");
        await office.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "inbox-office.png"), FullPage = false });

        var approver = await Home("xiqu.jxj");
        await ExpectInboxItem(approver, number);
        await approver.GetByTestId("inbox-item").Filter(new() { HasText = number }).GetByTestId("inbox-link").ClickAsync();
        await Assertions.Expect(approver.GetByTestId("application-state")).ToBeVisibleAsync();
        Assert.EndsWith($"/incentives/applications/{application}", approver.Url);

        var chief = await Home("xiqu.chief");
        await ExpectInboxItem(chief, "待办·链长协调用电");
        await Assertions.Expect(chief.GetByTestId("inbox-item").Filter(new() { HasText = "待办·园区供电排期" })).ToHaveCountAsync(0);
        await chief.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "inbox-chief.png"), FullPage = false });

        // The enterprise, on a phone: its inbox, its own home, and the pages it works on.
        var phone = await Home("xiqu.enterprise", width: 390);
        await ExpectInboxItem(phone, "待办·答复待评价");
        await phone.GotoAsync(host.BaseUrl + "/");
        await BrowserHost.WaitInteractiveAsync(phone);
        await Assertions.Expect(phone.GetByTestId("enterprise-home")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("ent-application").Filter(new() { HasText = number })).ToHaveCountAsync(1);
        await Assertions.Expect(phone.GetByTestId("ent-problem").Filter(new() { HasText = "待办·答复待评价" })).ToHaveCountAsync(1);
        await NoSidewaysScroll(phone, "home");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "inbox-enterprise-390.png"), FullPage = true });

        foreach (var (path, name) in new[]
                 {
                     ("/inbox", "inbox"), ("/incentives/applications", "applications"), ($"/incentives/applications/{application}", "application"),
                     ("/supervision/problems", "problems"), ($"/supervision/problems/{answered}", "problem"),
                 })
        {
            await phone.GotoAsync(host.BaseUrl + path);
            await BrowserHost.WaitInteractiveAsync(phone);
            await NoSidewaysScroll(phone, name);
            await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, $"enterprise-390-{name}.png"), FullPage = true });
        }

        // Satisfaction on the phone: the rating button is in reach, and rating takes the item out of the inbox.
        await phone.GotoAsync(host.BaseUrl + $"/supervision/problems/{answered}");
        await BrowserHost.WaitInteractiveAsync(phone);
        var rate = phone.GetByTestId("rate-problem");
        await InReach(phone, rate);
        await rate.ClickAsync();
        await phone.GetByText("基本满意").ClickAsync();
        await InReach(phone, phone.GetByTestId("confirm-rate"));
        await phone.GetByTestId("confirm-rate").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("problem-rating")).ToContainTextAsync("基本满意");
        await phone.GotoAsync(host.BaseUrl + "/inbox");
        await BrowserHost.WaitInteractiveAsync(phone);
        await Assertions.Expect(phone.GetByTestId("inbox-item").Filter(new() { HasText = "待办·答复待评价" })).ToHaveCountAsync(0);

        // Uploads on the phone: the file input of a draft's checklist is in reach.
        var draft = (await Json(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = await api.Measure("xiqu.7"), projectId = await api.Project("待办·手机上传项目", Web.Modules.Projects.ProjectFlags.ChainLeader, equipmentWan: 2800, newOutputWan: 1000), category = "智改数转" }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await phone.GotoAsync(host.BaseUrl + $"/incentives/applications/{draft}");
        await BrowserHost.WaitInteractiveAsync(phone);
        await NoSidewaysScroll(phone, "draft");
        await InReach(phone, phone.GetByTestId("submit-application"));
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Artifacts, "enterprise-390-draft.png"), FullPage = true });
        _ = local;
    }

    /// <summary>The page body is no wider than the phone: nothing needs a sideways scroll.</summary>
    private static async Task NoSidewaysScroll(IPage page, string name)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, width) = (sizes[0], sizes[1]);
        Assert.True(scroll <= width, $"{name}: the page is {scroll} px wide on a {width} px screen");
    }

    /// <summary>A control lies inside the phone's width once scrolled to (no part off the right edge).</summary>
    private static async Task InReach(IPage page, ILocator control)
    {
        await control.ScrollIntoViewIfNeededAsync();
        var box = await control.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the control spans {box.X}–{box.X + box.Width} px on a 390 px screen");
    }
}
