using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>The problem ledger, measure tasks, chain-chief work, supply and demand.</summary>
    private static readonly ProbeSet SupervisionProbes = new()
    {
        ["GET /api/v1/problems"] = (_, _, _) => Task.FromResult(Get("/api/v1/problems")),
        ["GET /api/v1/problems/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/problems/export.xlsx")),
        ["GET /api/v1/problems/figures"] = (w, _, t) => Task.FromResult(Get($"/api/v1/problems/figures?jurisdictionId={Place(w, t)}")),
        ["GET /api/v1/problems/figures.xlsx"] = (w, _, t) => Task.FromResult(Get($"/api/v1/problems/figures.xlsx?jurisdictionId={Place(w, t)}")),
        ["GET /api/v1/problems/{id:guid}"] = async (w, r, t) => Get($"/api/v1/problems/{(await FreshProblem(w, r, t)).Id}"),
        ["POST /api/v1/problems"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/problems", new
        {
            enterpriseId = t == Target.Own ? w.OwnEnterprise : w.Rows[typeof(Enterprise)].Other,
            category = "Land", title = $"矩阵问题{Next()}", description = "用地指标不足",
            source = r == Auth.Roles.EnterpriseUser ? "EnterpriseSelfService" : "FieldVisit",
        })),
        ["GET /api/v1/problems/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/problems/template.xlsx")),
        ["POST /api/v1/problems/import"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var enterprise = await db.Enterprises.SingleAsync(e => e.Id == (t == Target.Own ? w.OwnEnterprise : w.Rows[typeof(Enterprise)].Other));
            var file = Shared.Excel.Workbooks.Rows("问题台账", [new Dictionary<string, object?>
            {
                [ImportProblems.Uscc] = enterprise.Uscc, [ImportProblems.Category] = "土地", [ImportProblems.Title] = $"导入探针{Next()}", [ImportProblems.Description] = "用地指标不足",
            }]);
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/problems/import") { Content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "problems.xlsx" } } };
        },
        ["POST /api/v1/problems/{id:guid}/assign"] = async (w, r, t) =>
        {
            // Re-routing happens below the chief's level: even a chief is posted to the unit for this probe.
            var p = await FreshProblem(w, r, t, handledByCaller: true, chiefLevel: false);
            return Send(HttpMethod.Post, $"/api/v1/problems/{p.Id}/assign", new { unitId = p.AssignedUnitId ?? w.Rows[typeof(GovernmentUnit)].Own, version = p.Version });
        },
        ["POST /api/v1/problems/{id:guid}/escalate"] = async (w, r, t) =>
        {
            var p = await FreshProblem(w, r, t, handledByCaller: true);
            return Send(HttpMethod.Post, $"/api/v1/problems/{p.Id}/escalate", new { reason = "超出本级职权", version = p.Version });
        },
        ["POST /api/v1/problems/{id:guid}/resolve"] = async (w, r, t) =>
        {
            var p = await FreshProblem(w, r, t, handledByCaller: true);
            return Send(HttpMethod.Post, $"/api/v1/problems/{p.Id}/resolve", new { resolution = "已协调解决", version = p.Version });
        },
        ["POST /api/v1/problems/{id:guid}/rate"] = async (w, r, t) =>
        {
            var p = await FreshProblem(w, r, t, status: ProblemStatus.Resolved);
            return Send(HttpMethod.Post, $"/api/v1/problems/{p.Id}/rate", new { rating = "Satisfied", version = p.Version });
        },
        ["POST /api/v1/problems/{id:guid}/attachments"] = async (w, r, t) =>
        {
            var p = await FreshProblem(w, r, t);
            var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "photo.pdf" } };
            return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/problems/{p.Id}/attachments") { Content = form };
        },
        ["GET /api/v1/problem-attachments/{id:guid}"] = async (w, r, t) =>
        {
            var p = await FreshProblem(w, r, t);
            await using var db = w.Host.OpenSystem();
            var a = new ProblemAttachment { JurisdictionId = p.JurisdictionId, ProblemId = p.Id, EnterpriseId = p.EnterpriseId, FileName = "a.txt", ContentType = "text/plain", Content = [1], Size = 1, Sha256 = "x", UploadedAt = DateTimeOffset.UtcNow };
            db.ProblemAttachments.Add(a);
            await db.SaveChangesAsync();
            return Get($"/api/v1/problem-attachments/{a.Id}");
        },
        ["POST /api/v1/documents/{id:guid}/tasks"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, $"/api/v1/documents/{Row<Modules.Policies.PolicyDocument>(w, r, t)}/tasks", new { })),
        ["GET /api/v1/tasks"] = (_, _, _) => Task.FromResult(Get("/api/v1/tasks")),
        ["GET /api/v1/tasks/{id:guid}"] = async (w, r, t) => Get($"/api/v1/tasks/{(await FreshTask(w, r, t)).Id}"),
        ["PUT /api/v1/tasks/{id:guid}/schedule"] = async (w, r, t) =>
        {
            var task = await FreshTask(w, r, t);
            return Send(HttpMethod.Put, $"/api/v1/tasks/{task.Id}/schedule", new { dueOn = "2030-12-31", milestones = new[] { new { title = "方案印发", dueOn = "2030-06-30" } }, version = task.Version });
        },
        ["POST /api/v1/tasks/{id:guid}/assign"] = async (w, r, t) =>
        {
            var task = await FreshTask(w, r, t, unassigned: true);
            return Send(HttpMethod.Post, $"/api/v1/tasks/{task.Id}/assign", new { unitIds = new[] { t == Target.Own ? w.Rows[typeof(GovernmentUnit)].Own : w.Rows[typeof(GovernmentUnit)].Other }, version = task.Version });
        },
        ["POST /api/v1/tasks/{id:guid}/reports"] = async (w, r, t) =>
            Send(HttpMethod.Post, $"/api/v1/tasks/{(await FreshTask(w, r, t, postCaller: true)).Id}/reports", new { period = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM"), progress = "按计划推进" }),
        ["POST /api/v1/tasks/{id:guid}/reviews"] = async (w, r, t) =>
            Send(HttpMethod.Post, $"/api/v1/tasks/{(await FreshTask(w, r, t)).Id}/reviews", new { light = "Yellow", comment = "进度偏慢" }),
        ["GET /api/v1/tasks/assessment"] = (w, _, t) => Task.FromResult(Get($"/api/v1/tasks/assessment?jurisdictionId={Place(w, t)}")),
        ["GET /api/v1/tasks/assessment.xlsx"] = (w, _, t) => Task.FromResult(Get($"/api/v1/tasks/assessment.xlsx?jurisdictionId={Place(w, t)}")),
        ["GET /api/v1/supervision/rules"] = (w, _, t) => Task.FromResult(Get($"/api/v1/supervision/rules?jurisdictionId={Place(w, t)}")),
        ["GET /api/v1/chains/{id:guid}/chief-home"] = (w, r, t) => Task.FromResult(Get($"/api/v1/chains/{Row<Chain>(w, r, t)}/chief-home")),
        ["POST /api/v1/chains/{id:guid}/visits"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, $"/api/v1/chains/{Row<Chain>(w, r, t)}/visits",
            new { visitedOn = "2025-01-10", place = "西区园区", findings = "企业用地紧张" })),
        ["POST /api/v1/chains/{id:guid}/meetings"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, $"/api/v1/chains/{Row<Chain>(w, r, t)}/meetings", new
        {
            heldOn = "2025-03-20", title = "一季度推进会", agenda = "研究用地保障", attendees = "链长、牵头部门",
            decisions = new[] { new { decision = "协调用地指标", unitId = w.Rows[typeof(GovernmentUnit)].Own, dueOn = "2030-06-30" } },
        })),
        ["POST /api/v1/chains/{id:guid}/matters"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, $"/api/v1/chains/{Row<Chain>(w, r, t)}/matters",
            new { decision = "走访后交办：协调供电", unitId = t == Target.Own ? w.Rows[typeof(GovernmentUnit)].Own : w.Rows[typeof(GovernmentUnit)].Other, dueOn = "2030-06-30" })),
        ["GET /api/v1/matters"] = (_, _, _) => Task.FromResult(Get("/api/v1/matters")),
        ["POST /api/v1/matters/{id:guid}/complete"] = async (w, r, t) =>
        {
            var chain = await ChainOf(w, r, t);
            var unit = t == Target.Own ? w.Rows[typeof(GovernmentUnit)].Own : w.Rows[typeof(GovernmentUnit)].Other;
            await using var db = w.Host.OpenSystem();
            var matter = new AssignedMatter { JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, Decision = "探针事项", UnitId = unit, DueOn = new DateOnly(2030, 1, 1), AssignedBy = "探针" };
            db.AssignedMatters.Add(matter);
            // Staff of the unit it went to; posted only to an own unit, as the API would (another's matter is out of sight anyway).
            if (t == Target.Own) (await db.Users.SingleAsync(u => u.UserName == ScopingWorld.UserOf(r))).UnitId = unit;
            await db.SaveChangesAsync();
            return Send(HttpMethod.Post, $"/api/v1/matters/{matter.Id}/complete", new { note = "已办结", version = 0 });
        },
        ["GET /api/v1/supply-demand/posts"] = (_, _, _) => Task.FromResult(Get("/api/v1/supply-demand/posts")),
        ["GET /api/v1/supply-demand/matches"] = (_, _, _) => Task.FromResult(Get("/api/v1/supply-demand/matches")),
        ["GET /api/v1/supply-demand/figures"] = (_, _, _) => Task.FromResult(Get("/api/v1/supply-demand/figures")),
        ["POST /api/v1/supply-demand/posts"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/supply-demand/posts",
            new { enterpriseId = t == Target.Own ? w.OwnEnterprise : w.Rows[typeof(Enterprise)].Other, kind = "Supply", product = "钛精矿" })),
        ["POST /api/v1/supply-demand/posts/{id:guid}/close"] = async (w, r, t) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/supply-demand/posts/{(await FreshPost(w, t, PostKind.Supply)).Id}/close?version=0"),
        ["GET /api/v1/supply-demand/posts/{id:guid}/candidates"] = async (w, r, t) => Get($"/api/v1/supply-demand/posts/{(await FreshPost(w, t, PostKind.Demand)).Id}/candidates"),
        ["POST /api/v1/supply-demand/matches"] = async (w, r, t) =>
        {
            var demand = await FreshPost(w, t, PostKind.Demand);
            var supply = await FreshPost(w, t, PostKind.Supply, sibling: true);
            return Send(HttpMethod.Post, "/api/v1/supply-demand/matches", new { demandPostId = demand.Id, supplyPostId = supply.Id, status = "Contacted" });
        },
        ["PUT /api/v1/supply-demand/matches/{id:guid}"] = async (w, r, t) =>
        {
            var demand = await FreshPost(w, t, PostKind.Demand);
            var supply = await FreshPost(w, t, PostKind.Supply, sibling: true);
            await using var db = w.Host.OpenSystem();
            var match = new SupplyDemandMatch { JurisdictionId = demand.JurisdictionId, DemandPostId = demand.Id, SupplyPostId = supply.Id, RecordedBy = "探针" };
            db.SupplyDemandMatches.Add(match);
            await db.SaveChangesAsync();
            return Send(HttpMethod.Put, $"/api/v1/supply-demand/matches/{match.Id}", new { status = "Deal", amount = 1_000_000m, version = 0 });
        },
    };

    /// <summary>A new open post of the own enterprise (or its sibling) in 西区, or of the 达州 enterprise.</summary>
    private static async Task<SupplyDemandPost> FreshPost(ScopingWorld w, Target t, PostKind kind, bool sibling = false)
    {
        await using var db = w.Host.OpenSystem();
        // Another jurisdiction's posts are refused before their enterprises are compared, so one enterprise does there.
        var id = t == Target.Own ? (sibling ? w.SiblingEnterprise : w.OwnEnterprise) : w.Rows[typeof(Enterprise)].Other;
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == id);
        var post = new SupplyDemandPost { JurisdictionId = enterprise.JurisdictionId, EnterpriseId = id, Kind = kind, Product = "钛精矿", Keywords = "钛精矿", PostedBy = "探针", PostedAt = DateTimeOffset.UtcNow };
        db.SupplyDemandPosts.Add(post);
        await db.SaveChangesAsync();
        return post;
    }

    /// <summary>
    /// A new task (with one milestone) of a new measure of the own (西区) or other (达州) matrix document, for the matrix unit
    /// there; optionally with the caller posted to that unit, or still to be assigned (待分派, at the document's place).
    /// </summary>
    private static async Task<MeasureTask> FreshTask(ScopingWorld w, string role, Target t, bool postCaller = false, bool unassigned = false)
    {
        await using var db = w.Host.OpenSystem();
        var document = await db.PolicyDocuments.SingleAsync(d => d.Id == (t == Target.Own ? w.Rows[typeof(Modules.Policies.PolicyDocument)].Own : w.Rows[typeof(Modules.Policies.PolicyDocument)].Other));
        var unit = t == Target.Own ? w.Rows[typeof(GovernmentUnit)].Own : w.Rows[typeof(GovernmentUnit)].Other;
        var ordinal = Next();
        var measure = new Modules.Policies.Measure { JurisdictionId = document.JurisdictionId, DocumentId = document.Id, Number = $"{ordinal}", Ordinal = ordinal, Title = "探针措施" };
        var task = new MeasureTask
        {
            JurisdictionId = document.JurisdictionId, DocumentId = document.Id, MeasureId = measure.Id, UnitId = unassigned ? null : unit, Role = Modules.Policies.MeasureRole.Lead,
            Title = "探针任务", StartOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-40)),
            Status = unassigned ? MeasureTaskStatus.Unassigned : MeasureTaskStatus.InProgress, NamedAs = unassigned ? "区级相关部门" : null,
        };
        // One milestone, so a report may name it done (and the matrix has a foreign one to refer to).
        var milestone = new TaskMilestone { JurisdictionId = document.JurisdictionId, TaskId = task.Id, Title = "探针节点", DueOn = task.StartOn.AddDays(60) };
        db.AddRange(measure, task, milestone);
        if (postCaller && t == Target.Own) (await db.Users.SingleAsync(u => u.UserName == ScopingWorld.UserOf(role))).UnitId = unit;
        await db.SaveChangesAsync();
        return task;
    }

    /// <summary>
    /// A new problem of the own enterprise (西区) or of 达州's. With <paramref name="handledByCaller"/>, the caller is
    /// made its handler: posted to its unit, or — for a chain chief — the chief it has been escalated to.
    /// </summary>
    private static async Task<Problem> FreshProblem(ScopingWorld w, string role, Target t, bool handledByCaller = false, ProblemStatus status = ProblemStatus.Open, bool chiefLevel = true)
    {
        await using var db = w.Host.OpenSystem();
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == (t == Target.Own ? w.OwnEnterprise : w.Rows[typeof(Enterprise)].Other));
        var unit = t == Target.Own ? w.Rows[typeof(GovernmentUnit)].Own : w.Rows[typeof(GovernmentUnit)].Other;
        var caller = await db.Users.SingleAsync(u => u.UserName == ScopingWorld.UserOf(role));
        var chief = handledByCaller && chiefLevel && role == Auth.Roles.ChainChief;
        var problem = new Problem
        {
            JurisdictionId = enterprise.JurisdictionId, EnterpriseId = enterprise.Id, Category = ProblemCategory.Land, Title = $"探针问题{Next()}",
            Description = "探针", Source = ProblemSource.Other, FiledBy = "探针", FiledAt = DateTimeOffset.UtcNow, Status = status,
            Level = chief ? EscalationLevel.ChainChief : EscalationLevel.Local, AssignedUnitId = chief ? null : unit, AssignedUserId = chief ? caller.Id : null,
            FirstUnitId = unit, LevelReachedAt = DateTimeOffset.UtcNow, DueAt = DateTimeOffset.UtcNow.AddDays(7),
            Resolution = status == ProblemStatus.Resolved ? "已解决" : null, ResolvedAt = status == ProblemStatus.Resolved ? DateTimeOffset.UtcNow : null,
        };
        db.Problems.Add(problem);
        if (handledByCaller && t == Target.Own) caller.UnitId = unit;
        await db.SaveChangesAsync();
        return problem;
    }
}
