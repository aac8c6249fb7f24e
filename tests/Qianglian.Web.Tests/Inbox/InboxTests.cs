using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Core.Projects;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Inbox;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Incentives;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Inbox;

/// <summary>
/// Each inbox source on a fake clock: the item appears for whoever must act (and nobody else), carries the module's
/// due date and overdue flag, and leaves the moment the work is done — by anyone.
/// </summary>
public abstract class InboxTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture, IClockHost
{
    private readonly IncentiveApi api = new(host);

    private DateOnly Today => BusinessDate.Of(host.Clock.GetUtcNow());

    private void Advance(TimeSpan by)
    {
        host.Clock.Advance(by);
        api.SignOutAll();   // tokens are dated by the clock
    }

    private async Task<List<JsonElement>> InboxOf(string user, string? query = null)
    {
        var json = await Json(await (await api.As(user)).GetAsync("/api/v1/inbox" + query), HttpStatusCode.OK);
        return json.GetProperty("items").EnumerateArray().ToList();
    }

    private async Task<JsonElement?> ItemOf(string user, Guid row, string kind) =>
        (await InboxOf(user)).Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("rowId").GetGuid() == row && i.Value.GetProperty("kind").GetString() == kind);

    private static DateOnly Due(JsonElement item) => DateOnly.Parse(item.GetProperty("dueOn").GetString()!);

    private async Task<Guid> Chain()
    {
        await using var db = host.OpenSystem();
        return (await db.Chains.SingleAsync(c => c.Name == DemoChain.Name)).Id;
    }

    private async Task<Guid> Unit(string key)
    {
        await using var db = host.OpenSystem();
        return await db.Units.Where(u => u.Key == key).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task An_application_is_in_the_inbox_of_each_stages_actor_in_turn_and_of_the_consulted_units_until_they_give_their_opinion()
    {
        var project = await api.Project($"待办·智改数转{Guid.NewGuid():N}"[..14], Web.Modules.Projects.ProjectFlags.ChainLeader, equipmentWan: 2800, newOutputWan: 1000);
        var enterprise = await api.As("xiqu.enterprise");
        var id = (await Json(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = await api.Measure("xiqu.7"), projectId = project, category = "智改数转" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Null(await ItemOf("xiqu.jxj", id, "ApplicationStage"));   // a draft is the enterprise's, not yet the reviewers'
        await UploadXiquChecklist(enterprise, id);
        var submitted = await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK);

        // 受理: 区经信局 (its reviewer, and the office whose account sits in that unit); not the chief, not the enterprise.
        var intake = await ItemOf("xiqu.jxj", id, "ApplicationStage");
        Assert.NotNull(intake);
        Assert.Equal(submitted.GetProperty("stageDueOn").GetString(), intake.Value.GetProperty("dueOn").GetString());
        Assert.Equal(5, intake.Value.GetProperty("workingDaysLeft").GetInt32());   // 西区 counts 5 working days for 受理
        Assert.False(intake.Value.GetProperty("overdue").GetBoolean());
        Assert.Equal($"/incentives/applications/{id}", intake.Value.GetProperty("link").GetString());
        Assert.NotNull(await ItemOf("xiqu.office", id, "ApplicationStage"));
        Assert.Null(await ItemOf("xiqu.chief", id, "ApplicationStage"));
        Assert.DoesNotContain(await InboxOf("xiqu.enterprise"), i => i.GetProperty("rowId").GetGuid() == id);

        // 初步会商: the consulted units each have it until they give their opinion.
        await Transition(await api.As("xiqu.jxj"), id, "Pass", "受理");
        Assert.NotNull(await ItemOf("xiqu.fgj", id, "ApplicationStage"));
        Assert.NotNull(await ItemOf("xiqu.czj", id, "ApplicationStage"));
        await Json(await (await api.As("xiqu.fgj")).PostAsJsonAsync($"/api/v1/incentives/applications/{id}/opinions", new { text = "同意" }), HttpStatusCode.NoContent);
        Assert.Null(await ItemOf("xiqu.fgj", id, "ApplicationStage"));
        Assert.NotNull(await ItemOf("xiqu.czj", id, "ApplicationStage"));
        await Json(await (await api.As("xiqu.czj")).PostAsJsonAsync($"/api/v1/incentives/applications/{id}/opinions", new { text = "同意" }), HttpStatusCode.NoContent);
        await Transition(await api.As("xiqu.jxj"), id, "Pass", "会商通过");

        // 链长专题研究: the chain's chief, and it leaves 区经信局's inbox.
        var study = await ItemOf("xiqu.chief", id, "ApplicationStage");
        Assert.NotNull(study);
        Assert.Null(await ItemOf("xiqu.jxj", id, "ApplicationStage"));
        var due = Due(study.Value);
        Advance(TimeSpan.FromDays(due.DayNumber - Today.DayNumber + 1));
        study = await ItemOf("xiqu.chief", id, "ApplicationStage");
        Assert.True(study!.Value.GetProperty("overdue").GetBoolean());
        Assert.True(study.Value.GetProperty("workingDaysLeft").GetInt32() <= 0);

        // Returned: the chief's item leaves, the enterprise is asked to complete it.
        await Transition(await api.As("xiqu.chief"), id, "Return", "请补充设备发票");
        Assert.Null(await ItemOf("xiqu.chief", id, "ApplicationStage"));
        var returned = await ItemOf("xiqu.enterprise", id, "ApplicationToComplete");
        Assert.Contains("请补充设备发票", returned!.Value.GetProperty("what").GetString());
    }

    [Fact]
    public async Task A_problem_is_in_the_handling_units_inbox_climbs_to_the_chief_and_waits_for_the_enterprises_rating()
    {
        var enterprise = await api.As("xiqu.enterprise");
        var title = $"待办问题{Guid.NewGuid():N}"[..12];
        var id = (await Json(await enterprise.PostAsJsonAsync("/api/v1/problems", new { chainId = await Chain(), category = "Power", title, description = "双回路供电排期过晚" }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Problem Load() { using var db = host.OpenSystem(); return db.Problems.AsNoTracking().Single(p => p.Id == id); }

        // 西区: power goes first to 区经济和信息化局 — its staff have it (the office's account is in that unit), the lead department not.
        var item = await ItemOf("xiqu.operator", id, "Problem");
        Assert.NotNull(item);
        Assert.Equal(BusinessDate.Of(Load().DueAt), Due(item.Value));
        Assert.False(item.Value.GetProperty("overdue").GetBoolean());
        Assert.NotNull(await ItemOf("xiqu.office", id, "Problem"));
        Assert.Null(await ItemOf("xiqu.lead", id, "Problem"));
        Assert.Null(await ItemOf("xiqu.chief", id, "Problem"));

        // Past the level's deadline it is overdue (before the sweep moves it).
        Advance(Load().DueAt - host.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        item = await ItemOf("xiqu.operator", id, "Problem");
        Assert.True(item!.Value.GetProperty("overdue").GetBoolean());
        Assert.True(item.Value.GetProperty("workingDaysLeft").GetInt32() <= 0);

        // The sweep sends it to the lead department: it leaves the county unit's inbox.
        await Sweep();
        Assert.Null(await ItemOf("xiqu.operator", id, "Problem"));
        Assert.NotNull(await ItemOf("xiqu.lead", id, "Problem"));

        // …and on to the chain chief.
        Advance(Load().DueAt - host.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Sweep();
        Assert.Null(await ItemOf("xiqu.lead", id, "Problem"));
        var chief = await ItemOf("xiqu.chief", id, "Problem");
        Assert.NotNull(chief);
        Assert.False(chief.Value.GetProperty("overdue").GetBoolean());

        // The chief answers: gone from the chief's inbox; the enterprise rates it, and it is gone from the enterprise's.
        var version = Load().Version;
        await Json(await (await api.As("xiqu.chief")).PostAsJsonAsync($"/api/v1/problems/{id}/resolve", new { resolution = "协调供电公司提前排期", version }), HttpStatusCode.NoContent);
        Assert.Null(await ItemOf("xiqu.chief", id, "Problem"));
        Assert.NotNull(await ItemOf("xiqu.enterprise", id, "ProblemRating"));
        await Json(await (await api.As("xiqu.enterprise")).PostAsJsonAsync($"/api/v1/problems/{id}/rate", new { rating = "Satisfied", version = Load().Version }), HttpStatusCode.NoContent);
        Assert.Null(await ItemOf("xiqu.enterprise", id, "ProblemRating"));
    }

    private async Task Sweep()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EscalateOverdueProblems>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_matter_assigned_at_a_meeting_is_the_units_until_anyone_of_it_reports_it_done()
    {
        var dueOn = Today.AddDays(2);
        var decision = $"协调落实配套用地{Guid.NewGuid():N}"[..14];
        var id = (await Json(await (await api.As("xiqu.chief")).PostAsJsonAsync($"/api/v1/chains/{await Chain()}/matters",
            new { decision, unitId = await Unit("xiqu.jxj"), dueOn }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var item = await ItemOf("xiqu.operator", id, "Matter");
        Assert.Equal(dueOn, Due(item!.Value));
        Assert.True(item.Value.GetProperty("dueSoon").GetBoolean());   // within the three days the chief's desk flags
        Assert.False(item.Value.GetProperty("overdue").GetBoolean());
        Assert.Null(await ItemOf("xiqu.lead", id, "Matter"));

        Advance(TimeSpan.FromDays(3));
        item = await ItemOf("xiqu.office", id, "Matter");
        Assert.True(item!.Value.GetProperty("overdue").GetBoolean());

        // Done by the operator: gone from the office's inbox too (both are staff of 区经济和信息化局).
        int version;
        await using (var db = host.OpenSystem()) version = (await db.AssignedMatters.SingleAsync(m => m.Id == id)).Version;
        await Json(await (await api.As("xiqu.operator")).PostAsJsonAsync($"/api/v1/matters/{id}/complete", new { note = "已落实", version }), HttpStatusCode.NoContent);
        Assert.Null(await ItemOf("xiqu.office", id, "Matter"));
        Assert.Null(await ItemOf("xiqu.operator", id, "Matter"));
    }

    [Fact]
    public async Task A_measure_task_owes_its_monthly_report_and_its_completion_to_its_unit()
    {
        Guid id;
        await using (var db = host.OpenSystem())
        {
            var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
            var measure = await db.Set<Web.Modules.Policies.Measure>().OrderBy(m => m.Id).FirstAsync();
            var first = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-2);
            var task = new MeasureTask
            {
                JurisdictionId = xiqu.Id, DocumentId = measure.DocumentId, MeasureId = measure.Id, UnitId = await Unit("xiqu.jxj"), Role = Web.Modules.Policies.MeasureRole.Lead,
                Title = $"待办任务{Guid.NewGuid():N}"[..10], StartOn = first, DueOn = Today.AddDays(1), Status = MeasureTaskStatus.InProgress,
            };
            db.MeasureTasks.Add(task);
            await db.SaveChangesAsync();
            id = task.Id;
        }
        var deadline = await ItemOf("xiqu.operator", id, "TaskDeadline");
        Assert.Equal(Today.AddDays(1), Due(deadline!.Value));
        Assert.True(deadline.Value.GetProperty("dueSoon").GetBoolean());
        // The month before last is past its report's due date (the 1st of the next month: 攀枝花's settings govern 西区).
        var report = await ItemOf("xiqu.operator", id, "TaskReport");
        Assert.NotNull(report);
        Assert.Equal(1, Due(report.Value).Day);
        Assert.True(report.Value.GetProperty("overdue").GetBoolean());
        Assert.Null(await ItemOf("xiqu.lead", id, "TaskReport"));

        // Reported by the office's account (the same unit): nothing overdue is left, whoever of the unit reported.
        var office = await api.As("xiqu.office");
        foreach (var back in new[] { 2, 1 })
        {
            var period = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-back).ToString("yyyy-MM");
            await Json(await office.PostAsJsonAsync($"/api/v1/tasks/{id}/reports", new { period, progress = "按计划推进", percentComplete = 40 }), HttpStatusCode.Created);
        }
        var left = await ItemOf("xiqu.operator", id, "TaskReport");
        Assert.True(left is null || !left.Value.GetProperty("overdue").GetBoolean());

        Advance(TimeSpan.FromDays(2));
        Assert.True((await ItemOf("xiqu.operator", id, "TaskDeadline"))!.Value.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task The_enterprise_home_lists_its_applications_with_what_is_missing_its_problems_its_candidates_and_the_reports_it_owes()
    {
        var project = await api.Project($"企业首页项目{Guid.NewGuid():N}"[..14], Web.Modules.Projects.ProjectFlags.ChainLeader, equipmentWan: 2800, newOutputWan: 1000);
        var enterprise = await api.As("xiqu.enterprise");
        var id = (await Json(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = await api.Measure("xiqu.7"), projectId = project, category = "智改数转" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await Upload(enterprise, id, 1, "资料1.pdf", Pdf), HttpStatusCode.OK);

        var home = await Json(await enterprise.GetAsync("/api/v1/inbox/enterprise"), HttpStatusCode.OK);
        await using (var db = host.OpenSystem())
        {
            var own = await db.Users.Where(u => u.UserName == "xiqu.enterprise").Select(u => u.EnterpriseId).SingleAsync();
            Assert.Equal(await db.Enterprises.Where(e => e.Id == own).Select(e => e.Name).SingleAsync(), home.GetProperty("enterprise").GetString());
        }
        var application = home.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        var missing = application.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Equal(4, missing.Count);                                    // 西区's checklist: five required, one uploaded
        Assert.DoesNotContain(missing, m => m.StartsWith("1.", StringComparison.Ordinal));
        Assert.Equal("draft", application.GetProperty("state").GetString());

        // The candidates are the office's 免申即享 computation for this enterprise, nothing more or less.
        var office = await api.As("xiqu.office");
        foreach (var key in new[] { "xiqu.6", "xiqu.7", "xiqu.8" })
        {
            var measure = await api.Measure(key);
            Guid own;
            await using (var db = host.OpenSystem()) own = (await db.Users.SingleAsync(u => u.UserName == "xiqu.enterprise")).EnterpriseId!.Value;
            var expected = (await Json(await office.GetAsync($"/api/v1/incentives/measures/{measure}/candidates"), HttpStatusCode.OK)).EnumerateArray()
                .Where(c => c.GetProperty("enterpriseId").GetGuid() == own).Select(c => c.GetProperty("name").GetString()).OrderBy(x => x).ToList();
            var shown = home.GetProperty("candidates").EnumerateArray().Where(c => c.GetProperty("measureId").GetGuid() == measure)
                .Select(c => c.GetProperty("case").GetString()).OrderBy(x => x).ToList();
            Assert.Equal(expected, shown);
        }

        // A project under construction owes last month's dispatch report, due on the jurisdiction's day of this month.
        Guid started;
        await using (var db = host.OpenSystem())
        {
            var p = await db.Projects.SingleAsync(x => x.Id == project);
            (p.Stage, p.ActualStart, p.ActualCompletion) = (ProjectStage.Started, Today.AddMonths(-3), null);
            await db.SaveChangesAsync();
            started = p.Id;
        }
        var last = Today.AddMonths(-1);
        home = await Json(await enterprise.GetAsync("/api/v1/inbox/enterprise"), HttpStatusCode.OK);
        var owed = home.GetProperty("reportsOwed").EnumerateArray().Where(i => i.GetProperty("rowId").GetGuid() == started).ToList();
        Assert.Contains(owed, i => i.GetProperty("what").GetString()!.Contains(last.ToString("yyyy-MM")));
        await Json(await enterprise.PostAsJsonAsync($"/api/v1/projects/{started}/reports",
            new { year = last.Year, month = last.Month, monthInvestment = 1_000_000m, progressPercent = 30, progress = "主体施工" }), HttpStatusCode.Created);
        home = await Json(await enterprise.GetAsync("/api/v1/inbox/enterprise"), HttpStatusCode.OK);
        Assert.DoesNotContain(home.GetProperty("reportsOwed").EnumerateArray(), i => i.GetProperty("rowId").GetGuid() == started
            && i.GetProperty("what").GetString()!.Contains(last.ToString("yyyy-MM")));
    }

    [Fact]
    public async Task A_target_pushed_to_a_locality_is_its_to_answer_and_leaves_once_answered()
    {
        Guid id, parkPush;
        await using (var db = host.OpenSystem())
        {
            var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
            var pending = await db.Set<Web.Modules.Investment.TargetPush>().FirstAsync(p => p.Status == Core.Investment.PushStatus.Pending);
            parkPush = pending.Id;
            var push = new Web.Modules.Investment.TargetPush { TargetId = pending.TargetId, JurisdictionId = xiqu.Id, ChainName = pending.ChainName, NodeName = pending.NodeName,
                Status = Core.Investment.PushStatus.Pending, PushedBy = "xiqu.office", PushedAt = host.Clock.GetUtcNow(), EnterpriseName = $"待办目标{Guid.NewGuid():N}"[..10] };
            (push.ChainId, push.NodeId, push.FromJurisdictionId) = (pending.ChainId, pending.NodeId, pending.FromJurisdictionId);
            db.Add(push);
            await db.SaveChangesAsync();
            id = push.Id;
        }
        var item = await ItemOf("xiqu.operator", id, "TargetPush");
        Assert.NotNull(item);
        Assert.Equal(JsonValueKind.Null, item.Value.GetProperty("dueOn").ValueKind);   // the documents set no deadline for the answer
        // A push to the park is the park's (its operators'), not the district operator's.
        Assert.Null(await ItemOf("xiqu.operator", parkPush, "TargetPush"));
        Assert.Null(await ItemOf("xiqu.enterprise", id, "TargetPush"));

        int version;
        await using (var db = host.OpenSystem()) version = (await db.Set<Web.Modules.Investment.TargetPush>().SingleAsync(p => p.Id == id)).Version;
        await Json(await (await api.As("xiqu.office")).PostAsJsonAsync($"/api/v1/investment/pushes/{id}/answer", new { status = "Accepted", version }), HttpStatusCode.NoContent);
        Assert.Null(await ItemOf("xiqu.operator", id, "TargetPush"));
    }

    [Fact]
    public async Task Every_account_has_its_own_inbox_for_the_reminders_and_nobody_gets_a_row_outside_their_scope()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<ReadInbox>();
        var all = new List<UserInbox>();
        await foreach (var one in inbox.EveryoneAsync(null, CancellationToken.None)) all.Add(one);
        Assert.NotEmpty(all);
        // What the reminders would send an account is exactly what that account's own inbox shows.
        foreach (var name in new[] { "xiqu.office", "xiqu.enterprise", "dazhou.office" })
        {
            var own = (await InboxOf(name)).Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("rowId").GetGuid())).OrderBy(x => x).ToList();
            var reminded = all.SingleOrDefault(u => u.UserName == name)?.Items.Select(i => (i.Kind.ToString(), i.RowId)).OrderBy(x => x).ToList() ?? [];
            Assert.Equal(own, reminded);
        }
        // dazhou's office never sees 西区's rows.
        await using var db = host.OpenSystem();
        var xiquPath = await db.Jurisdictions.Where(j => j.Code == "510403").Select(j => j.JurisdictionPath).SingleAsync();
        Assert.DoesNotContain(all.Single(u => u.UserName == "dazhou.office").Items, i => i.Place.StartsWith(xiquPath, StringComparison.Ordinal));
    }

    /// <summary>A key project at a place, its responsible unit named by key (null: none), its approvals submitted on a day.</summary>
    private async Task<Guid> ProjectWithApprovals(string code, string name, string? unitKey, DateOnly submitted)
    {
        await using var db = host.OpenSystem();
        var place = await db.Jurisdictions.SingleAsync(j => j.Code == code);
        var project = new Web.Modules.Projects.Project
        {
            JurisdictionId = place.Id, Name = name, ListedOn = submitted, Stage = ProjectStage.Signed, TotalInvestment = 100_000_000m,
            ResponsibleUnitId = unitKey is null ? null : await db.Units.Where(u => u.Key == unitKey).Select(u => u.Id).SingleAsync(),
        };
        db.Add(project);
        db.Add(new Web.Modules.Projects.ProjectApproval { Kind = ApprovalKind.Planning, Status = ApprovalStatus.Approved, SubmittedOn = submitted, ApprovedOn = submitted.AddDays(20) }
            .For<Web.Modules.Projects.ProjectApproval>(project));
        db.Add(new Web.Modules.Projects.ProjectApproval { Kind = ApprovalKind.Land, Status = ApprovalStatus.InProgress, SubmittedOn = submitted.AddDays(7) }
            .For<Web.Modules.Projects.ProjectApproval>(project));
        await db.SaveChangesAsync();
        return project.Id;
    }

    [Fact]
    public async Task A_projects_open_approvals_near_the_working_day_limit_are_its_responsible_units_overdue_after_it_and_gone_once_done()
    {
        // 安康 九: 70 working days from the first submission. Submitted 95 days ago: a few weeks of working days are left.
        var submitted = Today.AddDays(-95);
        var id = await ProjectWithApprovals("610900", $"审批时限项目{Guid.NewGuid():N}"[..14], "ankang.fgw", submitted);
        var unowned = await ProjectWithApprovals("610900", $"无责任单位项目{Guid.NewGuid():N}"[..15], null, submitted);
        // 西区's rules set no time limit: however long its approvals run, there is no deadline to remind of.
        var unlimited = await ProjectWithApprovals("510403", $"无时限项目{Guid.NewGuid():N}"[..13], "xiqu.jxj", Today.AddDays(-400));

        var item = await ItemOf("ankang.lead", id, "ApprovalLimit");   // 安康市发改委 is the responsible unit
        Assert.NotNull(item);
        Assert.False(item.Value.GetProperty("overdue").GetBoolean());
        var left = item.Value.GetProperty("workingDaysLeft").GetInt32();
        Assert.True(left > 0);
        Assert.Equal(left <= 3, item.Value.GetProperty("dueSoon").GetBoolean());   // the platform's default window
        Assert.Equal($"/projects/{id}", item.Value.GetProperty("link").GetString());
        // The same count as the project's page: the working days taken and those left make the 70.
        var detail = await Json(await (await api.As("ankang.lead")).GetAsync($"/api/v1/projects/{id}/detail"), HttpStatusCode.OK);
        var figures = detail.GetProperty("approvalFigures");
        Assert.Equal(70, figures.GetProperty("limit").GetInt32());
        Assert.Equal(70, figures.GetProperty("elapsedWorkingDays").GetInt32() + left);
        Assert.Contains("用地", item.Value.GetProperty("what").GetString());
        Assert.DoesNotContain("规划", item.Value.GetProperty("what").GetString());   // done already
        // Not another unit's; the office has the project without a responsible unit, not this one.
        Assert.Null(await ItemOf("ankang.office", id, "ApprovalLimit"));
        Assert.Null(await ItemOf("ankang.operator", id, "ApprovalLimit"));
        Assert.NotNull(await ItemOf("ankang.office", unowned, "ApprovalLimit"));
        Assert.Null(await ItemOf("ankang.lead", unowned, "ApprovalLimit"));
        Assert.Null(await ItemOf("xiqu.jxj", unlimited, "ApprovalLimit"));

        // Past the day the limit is reached: overdue.
        var due = Due(item.Value);
        Advance(TimeSpan.FromDays(due.DayNumber - Today.DayNumber + 4));
        item = await ItemOf("ankang.lead", id, "ApprovalLimit");
        Assert.True(item!.Value.GetProperty("overdue").GetBoolean());
        Assert.Equal(due, Due(item.Value));
        Assert.True(item.Value.GetProperty("workingDaysLeft").GetInt32() < 0);

        // The responsible unit records the rest done (用地 approved, the others not needed): the item leaves.
        var lead = await api.As("ankang.lead");
        foreach (var kind in Enum.GetValues<ApprovalKind>().Where(k => k != ApprovalKind.Planning))
        {
            var version = (await Json(await lead.GetAsync($"/api/v1/projects/{id}"), HttpStatusCode.OK)).GetProperty("version").GetInt32();
            object body = kind == ApprovalKind.Land
                ? new { kind = kind.ToString(), status = "Approved", submittedOn = submitted.AddDays(7), approvedOn = Today, version }
                : new { kind = kind.ToString(), status = "NotRequired", version };
            await Json(await lead.PutAsJsonAsync($"/api/v1/projects/{id}/approvals", body), HttpStatusCode.NoContent);
            if (kind == ApprovalKind.Land) Assert.NotNull(await ItemOf("ankang.lead", id, "ApprovalLimit"));   // 环评… still open
        }
        Assert.Null(await ItemOf("ankang.lead", id, "ApprovalLimit"));
        Assert.NotNull(await ItemOf("ankang.office", unowned, "ApprovalLimit"));
    }
}

public sealed class InboxOnSqlite(InboxSqliteHost host) : InboxTests<InboxSqliteHost>(host);
public sealed class InboxOnPostgres(InboxPostgresHost host) : InboxTests<InboxPostgresHost>(host);
