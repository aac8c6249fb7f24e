using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Projects.ProjectApi;

namespace Qianglian.Web.Tests.Projects;

/// <summary>The lifecycle, approvals, shares and monthly reports through the API on both databases.</summary>
public abstract class ProjectLifecycleTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<(HttpClient Office, Guid Xiqu, Guid Enterprise)> Xiqu()
    {
        await using var db = host.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
        var enterprise = await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91510403MA6DEM001"));
        return (await host.ClientFor("xiqu.office"), xiqu.Id, enterprise.Id);
    }

    [Fact]
    public async Task A_project_moves_stage_by_stage_and_starting_needs_its_approvals_or_a_commitment()
    {
        var (office, xiqu, enterprise) = await Xiqu();
        var id = await Create(office, xiqu, new { name = "生命周期测试项目", totalInvestment = 80_000_000m, listedOn = "2025-01-02" });

        var skip = await Stage(office, id, "Started", "2025-02-01");
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Contains("须先经过“签约”", await Error(skip, "to"));
        Assert.Contains("项目单位", await Error(await Stage(office, id, "Signed", "2025-01-10"), "enterpriseId"));

        var update = await office.PutAsJsonAsync($"/api/v1/projects/{id}", new { project = new { name = "生命周期测试项目", enterpriseId = enterprise, totalInvestment = 80_000_000m }, version = await Version(office, id) });
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Stage(office, id, "Signed", "2025-01-10")).StatusCode);

        var noPermit = await Stage(office, id, "Started", "2025-03-01");
        Assert.Contains("施工许可", await Error(noPermit, "constructionPermit"));
        Assert.Contains("用地", await Error(noPermit, "land"));

        await Approve(office, id, "Land", "2025-01-12", "2025-02-20");
        var tolerance = await office.PutAsJsonAsync($"/api/v1/projects/{id}/approvals", new
        {
            kind = "ConstructionPermit", status = "Tolerated", submittedOn = "2025-02-21", commitmentDeadline = "2025-05-31",
            commitment = "承诺三个月内补齐施工图审查", version = await Version(office, id),
        });
        Assert.Equal(HttpStatusCode.NoContent, tolerance.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Stage(office, id, "Started", "2025-03-01")).StatusCode);

        var stale = await office.PostAsJsonAsync($"/api/v1/projects/{id}/stage", new { to = "Completed", on = "2025-09-01", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/detail");
        Assert.Equal("Started", detail.GetProperty("project").GetProperty("stage").GetString());
        Assert.Equal(["Signed", "Started"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("2025-03-01", detail.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "Started").GetProperty("actualOn").GetString());
        // The 容缺 commitment's deadline has passed without the permit: red.
        Assert.Equal("Red", detail.GetProperty("project").GetProperty("light").GetString());
        Assert.Contains(detail.GetProperty("project").GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("容缺承诺"));
        Assert.Equal(["Completed", "Terminated"], detail.GetProperty("nextStages").EnumerateArray().Select(s => s.GetString()).Order());

        var noReason = await Stage(office, id, "Terminated", "2025-06-01");
        Assert.Contains("原因", await Error(noReason, "reason"));
        Assert.Equal(HttpStatusCode.OK, (await Stage(office, id, "Terminated", "2025-06-01", "投资方战略调整，退出")).StatusCode);
        await using var db = host.OpenSystem();
        var stored = await db.Projects.SingleAsync(p => p.Id == id);
        Assert.Equal((ProjectStage.Terminated, new DateOnly(2025, 6, 1), "投资方战略调整，退出"), (stored.Stage, stored.TerminatedOn!.Value, stored.TerminationReason));
        Assert.True(await db.AuditEntries.CountAsync(a => a.EntityKey == id.ToString()) >= 4);
    }

    [Fact]
    public async Task Shares_must_sum_to_a_hundred_and_reports_must_be_possible()
    {
        var (office, xiqu, enterprise) = await Xiqu();
        Guid renhe;
        await using (var db = host.OpenSystem()) renhe = (await db.Jurisdictions.SingleAsync(j => j.Code == "510400")).Id;
        var bad = await office.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = xiqu, project = new
        {
            name = "分成不足项目", totalInvestment = 1_000_000m,
            shares = new[] { new { localityId = xiqu, investmentPercent = 60m, outputPercent = 50m }, new { localityId = renhe, investmentPercent = 30m, outputPercent = 50m } },
        } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("分投资比例合计为90%", await Error(bad, "shares"));

        var id = await Create(office, xiqu, new { name = "调度测试项目", enterpriseId = enterprise, totalInvestment = 10_000_000m, listedOn = "2025-01-02" });
        var notStarted = await Report(office, id, 2025, 3, 100);
        Assert.Contains("不在建设期", await Error(notStarted, "month"));
        await Start(office, id, "2025-02-01", "2025-02-15");
        var future = await Report(office, id, DateTime.UtcNow.Year + 1, 1, 100);
        Assert.Contains("尚未开始", await Error(future, "month"));
        await FileReports(office, id, 2025, (2, 400), (3, 500));
        var above = await Report(office, id, 2025, 4, 200);
        Assert.Contains("累计完成投资1,100万元将超过总投资1,000万元", await Error(above, "monthInvestment"));
        Assert.Equal(HttpStatusCode.Conflict, (await Report(office, id, 2025, 3, 10)).StatusCode);

        // The enterprise files its own project's report; another enterprise's is not there for it.
        var own = await host.ClientFor("xiqu.enterprise");
        Assert.Equal(HttpStatusCode.Created, (await Report(own, id, 2025, 4, 100, ("Land", "土地证办理中"))).StatusCode);
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/detail");
        Assert.Equal(10_000_000m, detail.GetProperty("cumulativeInvestment").GetDecimal());
        var april = detail.GetProperty("reports")[0];
        Assert.Equal(("Late", "土地证办理中"), (april.GetProperty("state").GetString(), april.GetProperty("problems")[0].GetProperty("description").GetString()));

        // The report's problem is a ticket of the supervision problem ledger, handled there.
        var ticket = await office.GetFromJsonAsync<JsonElement>($"/api/v1/problems/{april.GetProperty("problems")[0].GetProperty("id").GetGuid()}");
        var row = ticket.GetProperty("row");
        Assert.Equal(("ProjectMonthlyReport", "Land", "Open"), (row.GetProperty("source").GetString(), row.GetProperty("category").GetString(), row.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Approval_time_is_counted_in_working_days_on_the_imported_holiday_calendar()
    {
        await using var db = host.OpenSystem();
        var ankang = await db.Jurisdictions.SingleAsync(j => j.Code == "610900");
        var nation = await db.Jurisdictions.SingleAsync(j => j.Code == "100000");
        var admin = await host.ClientFor("admin");
        var holidays = Shared.Excel.Workbooks.Rows("节假日", Enumerable.Range(1, 8).Select(d => (IDictionary<string, object?>)new Dictionary<string, object?>
                { ["日期"] = $"2025-10-0{d}", ["类型"] = "休", ["名称"] = "国庆节、中秋节" })
            .Append(new Dictionary<string, object?> { ["日期"] = "2025-09-28", ["类型"] = "班", ["名称"] = "调休上班" })
            .Append(new Dictionary<string, object?> { ["日期"] = "2025-10-11", ["类型"] = "班", ["名称"] = "调休上班" }));
        var import = await admin.PostAsync($"/api/v1/holidays/import?jurisdictionId={nation.Id}", new MultipartFormDataContent { { new ByteArrayContent(holidays), "file", "h.xlsx" } });
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var badFile = Shared.Excel.Workbooks.Rows("节假日", [new Dictionary<string, object?> { ["日期"] = "十月一日", ["类型"] = "放假" }]);
        var refused = await admin.PostAsync($"/api/v1/holidays/import?jurisdictionId={nation.Id}", new MultipartFormDataContent { { new ByteArrayContent(badFile), "file", "h.xlsx" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(2, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetArrayLength());

        var id = await Create(admin, ankang.Id, new { name = "安康审批时限测试项目", totalInvestment = 10_000_000m, listedOn = "2025-01-02" });
        await Approve(admin, id, "Planning", "2025-09-26", "2025-10-12");
        foreach (var kind in new[] { "Land", "Environment", "Energy", "Safety", "ConstructionPermit" }) await Approve(admin, id, kind, "2025-09-26", "2025-09-30");
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/detail");
        var figures = detail.GetProperty("approvalFigures");
        // 09-26 (Fri) → 10-12 (Sun): 28 (make-up Sun), 29, 30, 10-09, 10-10, 11 (make-up Sat) = 6 working days; 安康's limit is 70.
        Assert.Equal((6, 70, false, 1m), (figures.GetProperty("elapsedWorkingDays").GetInt32(), figures.GetProperty("limit").GetInt32(),
            figures.GetProperty("overLimit").GetBoolean(), figures.GetProperty("rate").GetDecimal()));
        Assert.Equal(6, detail.GetProperty("approvals").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "Planning").GetProperty("elapsedWorkingDays").GetInt32());
    }

    [Fact]
    public async Task Projects_follow_a_node_merge_and_keep_a_node_from_deletion()
    {
        var (office, xiqu, _) = await Xiqu();
        var chain = (await (await office.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = xiqu, name = "项目环节合并测试链" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task<Guid> Node(string name) => (await (await office.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name, stage = "Upstream", kind = "Material" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var from = await Node("海绵钛（旧）");
        var into = await Node("海绵钛");
        var id = await Create(office, xiqu, new { name = "环节合并测试项目", chainId = chain, nodeId = from, totalInvestment = 1m });

        Assert.Equal(HttpStatusCode.Conflict, (await office.DeleteAsync($"/api/v1/nodes/{from}?version=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/nodes/{from}/merge", new { intoNodeId = into })).StatusCode);
        Assert.Equal(into, (await office.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("nodeId").GetGuid());
    }

    [Fact]
    public async Task Targets_count_the_projects_behind_them()
    {
        await using var db = host.OpenSystem();
        var qianjiang = await db.Jurisdictions.SingleAsync(j => j.Code == "500114");
        var admin = await host.ClientFor("admin");
        var big = await Create(admin, qianjiang.Id, new { name = "黔江大项目", enterpriseId = (await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91500114MA6DEM006"))).Id, totalInvestment = 60_000_000m, listedOn = "2024-01-05" });
        var tech = await Create(admin, qianjiang.Id, new { name = "黔江技改项目", enterpriseId = (await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91500114MA6DEM006"))).Id, kind = "TechRenovation", totalInvestment = 6_000_000m, listedOn = "2024-01-05" });
        await Start(admin, big, "2024-02-01", "2024-03-01");
        await Start(admin, tech, "2024-02-01", "2024-04-01");
        var targets = await admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/targets?year=2024");
        JsonElement Target(string metric) => targets.EnumerateArray().Single(t => t.GetProperty("metric").GetString() == metric && t.GetProperty("jurisdictionName").GetString()!.Contains("黔江"));
        Assert.Equal((1m, false), (Target("projects.started.over_50m.count").GetProperty("actual").GetDecimal(), Target("projects.started.over_50m.count").GetProperty("met").GetBoolean()));
        Assert.Equal(1m, Target("projects.tech_renovation.over_5m.count").GetProperty("actual").GetDecimal());
        Assert.Equal([tech], Target("projects.tech_renovation.over_5m.count").GetProperty("behind").EnumerateArray().Select(b => b.GetGuid()));
        Assert.Equal(0m, Target("projects.completed.count").GetProperty("actual").GetDecimal());
    }
}

public sealed class ProjectLifecycleOnSqlite(SqliteHost host) : ProjectLifecycleTests<SqliteHost>(host);
public sealed class ProjectLifecycleOnPostgres(PostgresHost host) : ProjectLifecycleTests<PostgresHost>(host);
