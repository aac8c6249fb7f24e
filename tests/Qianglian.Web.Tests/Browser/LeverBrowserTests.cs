using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Notifications;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Incentives;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// The office's levers on screen (issue 16 item 5): on a problem page it reassigns (改派) the problem to 区财政局 with a
/// reason and supervises (督办) it with a new deadline, on a late task's page it urges (催办) the unit; then 区财政局's
/// staff member sees the notices: the bell's count, the message centre, a message opened and one marked read, the count
/// dropping each time.
/// </summary>
public sealed class LeverBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<HttpClient> As(string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await Json(await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = DemoData.Password, code = await Tests.Hosting.DemoCodes.ForAsync(host, user) }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private async Task<Guid> LateTaskOf(string unitKey, string title)
    {
        await using var db = host.OpenSystem();
        var unit = await db.Units.SingleAsync(u => u.Key == unitKey);
        var document = await db.PolicyDocuments.FirstAsync(d => d.JurisdictionId == unit.JurisdictionId);
        var ordinal = Random.Shared.Next(10_000, 99_999);
        var today = BusinessDate.Of(DateTimeOffset.UtcNow);
        var measure = new Web.Modules.Policies.Measure { JurisdictionId = document.JurisdictionId, DocumentId = document.Id, Number = $"{ordinal}", Ordinal = ordinal, Title = "催办界面测试措施" };
        var task = new MeasureTask
        {
            JurisdictionId = unit.JurisdictionId, DocumentId = document.Id, MeasureId = measure.Id, UnitId = unit.Id, Role = Web.Modules.Policies.MeasureRole.Lead,
            Title = title, StartOn = today.AddDays(-60), DueOn = today.AddDays(-2), Status = MeasureTaskStatus.InProgress,
        };
        db.AddRange(measure, task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    private async Task<List<Message>> MessagesOf(string userName)
    {
        await using var db = host.OpenSystem();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Set<Message>().AsNoTracking().Where(m => m.UserId == id).ToListAsync();
    }

    private static ILocator InputOf(IPage page, string testId) => page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    private static async Task<int> Unread(IPage page)
    {
        var text = await page.GetByTestId("messages-counts").InnerTextAsync();
        return int.Parse(Regex.Match(text, @"未读 (\d+) 条").Groups[1].Value);
    }

    [Fact]
    public async Task The_office_reassigns_supervises_and_urges_on_screen_and_the_other_units_staff_read_the_notices()
    {
        // A power problem of the demo enterprise: 区经济和信息化局 handles it first.
        Guid chain;
        await using (var db = host.OpenSystem()) chain = (await db.Chains.SingleAsync(c => c.Name == DemoChain.Name)).Id;
        var title = $"改派界面测试{Guid.NewGuid():N}"[..14];
        var problem = (await Json(await (await As("xiqu.enterprise")).PostAsJsonAsync("/api/v1/problems",
            new { chainId = chain, category = "Power", title, description = "园区变电站增容排期过晚" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var taskTitle = $"催办界面测试任务{Guid.NewGuid():N}"[..16];
        var task = await LateTaskOf("xiqu.czj", taskTitle);

        var office = await host.SignInAsync("xiqu.office");
        await office.GotoAsync($"{host.BaseUrl}/supervision/problems/{problem}");
        await BrowserHost.WaitInteractiveAsync(office);

        // 改派 to 区财政局 with a reason: the page shows the new handler, and the step with the reason.
        await office.GetByTestId("lever-reassign").ClickAsync();
        await office.GetByTestId("reassign-unit").ClickAsync();
        await office.Locator(".mud-popover-open").GetByText("区财政局", new() { Exact = true }).First.ClickAsync();
        await office.GetByTestId("reassign-reason").FillAsync("涉及技改资金贴息，由财政局牵头");
        await office.GetByTestId("confirm-reassign").ClickAsync();
        await Assertions.Expect(office.GetByTestId("problem-handler")).ToContainTextAsync("区财政局");
        await Assertions.Expect(office.GetByTestId("problem-steps")).ToContainTextAsync("涉及技改资金贴息");

        // 督办 with a new deadline: the step shows the date and the requirement.
        var due = BusinessDate.Of(DateTimeOffset.UtcNow).AddDays(5);
        await office.GetByTestId("lever-supervise").ClickAsync();
        var date = InputOf(office, "supervise-due");
        await date.FillAsync(due.ToString("yyyy-MM-dd"));
        await date.PressAsync("Tab");
        await office.GetByTestId("supervise-reason").FillAsync("五日内办结并报送结果");
        await office.GetByTestId("confirm-supervise").ClickAsync();
        await Assertions.Expect(office.GetByTestId("problem-steps")).ToContainTextAsync($"{due:yyyy-MM-dd}：五日内办结并报送结果");

        // 催办 on the late task: the button is there because it is late; after urging the page says so.
        await office.GotoAsync($"{host.BaseUrl}/supervision/tasks/{task}");
        await BrowserHost.WaitInteractiveAsync(office);
        await office.GetByTestId("lever-urge").ClickAsync();
        await office.GetByTestId("urge-note").FillAsync("请于本周内完成");
        await office.GetByTestId("confirm-urge").ClickAsync();
        await Assertions.Expect(office.GetByText("已保存").First).ToBeVisibleAsync();

        // 区财政局's staff member was told of each.
        var told = await MessagesOf("xiqu.czj");
        Assert.Single(told, m => m.Kind == MessageKind.Reassigned && m.Body.Contains(title) && m.Body.Contains("涉及技改资金贴息"));
        Assert.Single(told, m => m.Kind == MessageKind.Supervised && m.Body.Contains(title) && m.Body.Contains($"{due:yyyy-MM-dd}"));
        Assert.Single(told, m => m.Kind == MessageKind.Urged && m.Body.Contains(taskTitle) && m.Body.Contains("请于本周内完成"));

        // …and reads them: the bell's count, the message centre, one opened (it goes to the problem), one marked read.
        var czj = await host.SignInAsync("xiqu.czj");
        var unread = told.Count(m => m.ReadAt is null);
        await Assertions.Expect(czj.GetByTestId("message-count")).ToContainTextAsync(unread.ToString());
        await czj.GetByTestId("message-bell").ClickAsync();
        await czj.WaitForURLAsync(u => u.Contains("/messages", StringComparison.Ordinal));
        await BrowserHost.WaitInteractiveAsync(czj);
        Assert.Equal(unread, await Unread(czj));
        var reassigned = czj.GetByTestId("message-item").Filter(new() { HasText = "涉及技改资金贴息" });
        await Assertions.Expect(reassigned).ToHaveCountAsync(1);
        await reassigned.GetByTestId("message-open").ClickAsync();
        await czj.WaitForURLAsync(u => u.Contains($"/supervision/problems/{problem}", StringComparison.Ordinal));
        await BrowserHost.WaitInteractiveAsync(czj);
        await Assertions.Expect(czj.GetByTestId("problem-handler")).ToContainTextAsync("区财政局");
        await Assertions.Expect(czj.GetByTestId("message-count")).ToContainTextAsync((unread - 1).ToString());

        await czj.GotoAsync($"{host.BaseUrl}/messages");
        await BrowserHost.WaitInteractiveAsync(czj);
        Assert.Equal(unread - 1, await Unread(czj));
        var urged = czj.GetByTestId("message-item").Filter(new() { HasText = taskTitle });
        await urged.GetByTestId("message-mark-read").ClickAsync();
        await Assertions.Expect(urged.GetByTestId("message-mark-read")).ToHaveCountAsync(0);
        await Assertions.Expect(czj.GetByTestId("messages-counts")).ToContainTextAsync($"未读 {unread - 2} 条");
        Assert.Equal(2, (await MessagesOf("xiqu.czj")).Count(m => m.ReadAt is not null && (m.Body.Contains(title) || m.Body.Contains(taskTitle)) && m.Kind != MessageKind.Supervised));
    }
}
