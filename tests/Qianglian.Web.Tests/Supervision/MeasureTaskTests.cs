using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Supervision;

/// <summary>
/// Measure tasks on 2025-03-03 (a fake clock): the 西区 document's measures become tasks of their units; a unit
/// reports January late and owes February; the supervisor marks; the assessment is computed by hand and exported.
/// </summary>
public abstract class MeasureTaskTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture, IFakeClockHost
{
    private async Task<Guid> XiquDocument()
    {
        await using var db = host.OpenSystem();
        return await db.PolicyDocuments.Where(d => d.PackCode == "xiqu").Select(d => d.Id).SingleAsync();
    }

    private async Task<Guid> UnitOf(string key)
    {
        await using var db = host.OpenSystem();
        return await db.Units.Where(u => u.Key == key).Select(u => u.Id).SingleAsync();
    }

    private async Task<JsonElement> Generate()
    {
        var office = await host.ClientFor("xiqu.office");
        var response = await office.PostAsJsonAsync($"/api/v1/documents/{await XiquDocument()}/tasks", new { startOn = "2025-01-01" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement[]> TasksOf(string key)
    {
        var list = await (await host.ClientFor("xiqu.office")).GetFromJsonAsync<JsonElement>($"/api/v1/tasks?unitId={await UnitOf(key)}&pageSize=500");
        return list.GetProperty("items").EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Measures_become_tasks_of_their_lead_and_cooperating_units_once()
    {
        var first = await Generate();
        var again = await Generate();
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(first.GetProperty("created").GetInt32() + first.GetProperty("existing").GetInt32(), again.GetProperty("existing").GetInt32());
        await using var db = host.OpenSystem();
        var document = await XiquDocument();
        var expected = await db.MeasureUnits.Where(u => u.UnitId != null && db.Measures.Any(m => m.Id == u.MeasureId && m.DocumentId == document))
            .Select(u => new { u.MeasureId, u.UnitId }).Distinct().CountAsync();
        Assert.Equal(expected, await db.MeasureTasks.CountAsync(t => t.DocumentId == document));
        Assert.Contains(await db.MeasureTasks.Where(t => t.DocumentId == document).Select(t => t.Role).Distinct().ToListAsync(), r => r == Modules.Policies.MeasureRole.Lead);
    }

    [Fact]
    public async Task A_report_for_a_task_not_assigned_to_the_unit_is_refused_and_nothing_is_stored()
    {
        await Generate();
        var other = (await TasksOf("xiqu.czj"))[0].GetProperty("id").GetGuid();
        var response = await (await host.ClientFor("xiqu.operator")).PostAsJsonAsync($"/api/v1/tasks/{other}/reports", new { period = "2025-02", progress = "已完成" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("未分派给本单位", await response.Content.ReadAsStringAsync());
        await using var db = host.OpenSystem();
        Assert.False(await db.TaskReports.AnyAsync(r => r.TaskId == other));
    }

    [Fact]
    public async Task Reports_reminders_overdue_flags_marks_and_the_assessment_by_hand()
    {
        await Generate();
        var tasks = await TasksOf("xiqu.jxj");
        Assert.NotEmpty(tasks);
        var operatorClient = await host.ClientFor("xiqu.operator");
        var first = tasks[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await operatorClient.PostAsJsonAsync($"/api/v1/tasks/{first}/reports", new { period = "2025-01", progress = "完成政策宣讲3场", percentComplete = 30 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsJsonAsync($"/api/v1/tasks/{first}/reports", new { period = "2025-01", progress = "重复" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorClient.PostAsJsonAsync($"/api/v1/tasks/{first}/reports", new { period = "2025-04", progress = "未来" })).StatusCode);

        var detail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{first}");
        Assert.True(detail.GetProperty("canReport").GetBoolean());
        var owed = detail.GetProperty("owed").EnumerateArray().ToDictionary(o => o.GetProperty("period").GetString()!, o => o.GetProperty("state").GetString());
        Assert.Equal("Late", owed["2025-01"]);      // due 2025-02-01, submitted 2025-03-03
        Assert.Equal("Overdue", owed["2025-02"]);   // due 2025-03-01, missing
        Assert.False(owed.ContainsKey("2025-03"));  // due 2025-04-01: reminded only from 03-29

        var mine = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/tasks?mine=true&attention=true&pageSize=500");
        Assert.Equal(tasks.Length, mine.GetProperty("total").GetInt32());
        Assert.All(mine.GetProperty("items").EnumerateArray(), t => Assert.True(t.GetProperty("overdueReports").GetInt32() >= 1));

        var office = await host.ClientFor("xiqu.office");
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/v1/tasks/{first}/reviews", new { comment = "无灯" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/v1/tasks/{first}/reviews", new { light = "Yellow", comment = "二月进展未报送" })).StatusCode);

        // reporting 0/(2 × tasks) × 40 = 0; no task due yet: left out; marks yellow 0.6/1 × 20 = 12 → 12 of 60 → 20
        var scores = (await office.GetFromJsonAsync<JsonElement>("/api/v1/tasks/assessment")).EnumerateArray().ToList();
        var jxj = scores.Single(s => s.GetProperty("unit").GetString() == "区经济和信息化局");
        Assert.Equal(2 * tasks.Length, jxj.GetProperty("reportsOwed").GetInt32());
        Assert.Equal(0, jxj.GetProperty("reportsOnTime").GetInt32());
        Assert.Equal(20m, jxj.GetProperty("score").GetDecimal());
        Assert.Equal(tasks.Length - 1, jxj.GetProperty("unmarked").GetInt32());
        Assert.Contains("督查评价（绿0黄1红0", jxj.GetProperty("explanation").GetString());
        Assert.Contains("任务按期完成率（无到期任务，不计入）", jxj.GetProperty("explanation").GetString());
        Assert.EndsWith("按已考核的60分折算为百分制：20", jxj.GetProperty("explanation").GetString());

        // Every unit owes reports by now: each is rated, and the ranks follow the scores, equal scores sharing one.
        var rated = scores.Where(s => s.GetProperty("score").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(scores.Count, rated.Count + scores.Count(s => s.GetProperty("rank").ValueKind == JsonValueKind.Null));
        foreach (var s in rated)
            Assert.Equal(1 + rated.Count(o => o.GetProperty("score").GetDecimal() > s.GetProperty("score").GetDecimal()), s.GetProperty("rank").GetInt32());
        Assert.Equal(rated.Select(s => s.GetProperty("rank").GetInt32()).Order(), rated.Select(s => s.GetProperty("rank").GetInt32()));
        Assert.All(scores.Skip(rated.Count), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("score").ValueKind));   // the unrated last

        var xlsx = await office.GetAsync("/api/v1/tasks/assessment.xlsx");
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(20m, Convert.ToDecimal(rows.Single(r => (string)r["单位"] == "区经济和信息化局")["得分"]));
    }

    [Fact]
    public async Task Schedules_check_milestones_against_the_due_date()
    {
        await Generate();
        var task = (await TasksOf("xiqu.jxj"))[0];
        var office = await host.ClientFor("xiqu.office");
        var id = task.GetProperty("id").GetGuid();
        var version = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("row").GetProperty("version").GetInt32();
        var late = await office.PutAsJsonAsync($"/api/v1/tasks/{id}/schedule", new { dueOn = "2025-06-30", milestones = new[] { new { title = "方案", dueOn = "2025-07-01" } }, version });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("milestones[0].dueOn", await late.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/v1/tasks/{id}/schedule", new { dueOn = "2025-06-30", milestones = new[] { new { title = "方案印发", dueOn = "2025-03-31" } }, version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PutAsJsonAsync($"/api/v1/tasks/{id}/schedule", new { dueOn = "2025-06-30", version })).StatusCode);
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");
        Assert.Equal("方案印发", detail.GetProperty("milestones")[0].GetProperty("title").GetString());
    }
}

public sealed class MeasureTasksOnSqlite(FakeClockSqliteHost host) : MeasureTaskTests<FakeClockSqliteHost>(host);
public sealed class MeasureTasksOnPostgres(FakeClockPostgresHost host) : MeasureTaskTests<FakeClockPostgresHost>(host);
