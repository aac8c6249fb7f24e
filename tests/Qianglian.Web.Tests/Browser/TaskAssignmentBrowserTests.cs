using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Tests.Browser;

/// <summary>
/// The 西区 office finds a 待分派 task ("区级相关部门" names no unit) among its tasks, opens it and assigns it to two of its
/// units; the task becomes theirs.
/// </summary>
public sealed class TaskAssignmentBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<Guid> OpenTask()
    {
        await using var db = host.OpenSystem();
        var document = await db.PolicyDocuments.Where(d => d.PackCode == "xiqu").Select(d => new { d.Id, d.JurisdictionId }).SingleAsync();
        var measure = new Measure { JurisdictionId = document.JurisdictionId, DocumentId = document.Id, Number = "101", Ordinal = 101, Title = "浏览器测试措施" };
        var task = new MeasureTask
        {
            JurisdictionId = document.JurisdictionId, DocumentId = document.Id, MeasureId = measure.Id, Role = MeasureRole.Cooperating, NamedAs = "区级相关部门",
            Title = "101 浏览器测试措施", StartOn = new DateOnly(2025, 1, 1), Status = MeasureTaskStatus.Unassigned,
        };
        db.AddRange(measure, task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    [Fact]
    public async Task The_office_assigns_an_open_task_on_screen()
    {
        var id = await OpenTask();
        var page = await host.SignInAsync("xiqu.office");
        await page.GotoAsync(host.BaseUrl + "/supervision/tasks");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("unassigned-only").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-table").GetByTestId("unassigned-chip")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("task-table")).ToContainTextAsync("区级相关部门");
        await page.GetByRole(AriaRole.Link, new() { Name = "101 浏览器测试措施" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("task-unassigned")).ToContainTextAsync("区级相关部门");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByTestId("assign-units").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "区科技局" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "区财政局" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("assign-button").ClickAsync();

        await Assertions.Expect(page.GetByTestId("assign-panel")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("区科技局 · 配合")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("原文：区级相关部门")).ToBeVisibleAsync();
        await using var db = host.OpenSystem();
        var measure = await db.MeasureTasks.Where(t => t.Id == id).Select(t => t.MeasureId).SingleAsync();
        Assert.Equal(2, await db.MeasureTasks.CountAsync(t => t.MeasureId == measure && t.UnitId != null && t.Status == MeasureTaskStatus.InProgress));
        await page.Context.CloseAsync();
    }
}
