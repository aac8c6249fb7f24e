using Microsoft.Extensions.DependencyInjection;
using Qianglian.Core.Incentives;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    private static readonly byte[] ProbePdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();

    /// <summary>
    /// A workflow whose every stage is acted on by the probing role, so a role with the permission can act on its own
    /// row (who acts is the stage's business; the matrix checks permission and scope).
    /// </summary>
    private static IncentiveWorkflow ProbeWorkflow(Guid jurisdiction, string role) => new()
    {
        JurisdictionId = jurisdiction,
        Definition = new WorkflowDefinition($"matrix.flow{Next()}", "矩阵流程",
        [
            new("review", "受理", StageKind.Intake, new StageActor { Roles = [role] }, [], 5),
            new("consult", "会商", StageKind.Consultation, new StageActor { Roles = [role] }, ["matrix.own"], 5),
            new("approval", "审定", StageKind.Approval, new StageActor { Roles = [role] }, [], 5),
            new("payment", "兑付", StageKind.Payment, new StageActor { Roles = [role] }, [], 5),
        ]),
    };

    /// <summary>A measure of its own exclusivity group (5% of equipment, no conditions, no fund) with that workflow.</summary>
    private static async Task<IncentiveMeasure> FreshMeasure(ScopingWorld w, string role, Target t)
    {
        await using var db = w.Host.OpenSystem();
        var workflow = ProbeWorkflow(Place(w, t), role);
        var n = Next();
        var measure = new IncentiveMeasure
        {
            JurisdictionId = Place(w, t), Key = $"matrix.{n}", Title = $"矩阵措施{n}", Clause = "按设备投资的5%补助", SupportType = $"矩阵类{n}",
            Rule = new IncentiveRule { Kind = RuleKind.PercentOfBase, Rate = 0.05m }, WorkflowId = workflow.Id,
            Checklist = [new ChecklistEntry(1, "申请表", false, [])],
        };
        db.AddRange(workflow, measure);
        await db.SaveChangesAsync();
        return measure;
    }

    /// <summary>An application of a fresh project under a fresh measure, waiting at <paramref name="state"/>.</summary>
    private static async Task<IncentiveApplication> FreshApplication(ScopingWorld w, string role, Target t, string state = WorkflowDefinition.Draft)
    {
        var measure = await FreshMeasure(w, role, t);
        var project = await FreshProject(w, role, t);
        await using var db = w.Host.OpenSystem();
        var today = BusinessDate.Of(DateTimeOffset.UtcNow);
        var application = new IncentiveApplication
        {
            JurisdictionId = project.JurisdictionId, Number = $"M-{Next()}", MeasureId = measure.Id, ProjectId = project.Id, EnterpriseId = project.EnterpriseId!.Value,
            Origin = ApplicationOrigin.Operator, State = state, Round = 1, Eligible = true, Ceiling = 2_500_000m, CreatedAt = DateTimeOffset.UtcNow, StageEnteredAt = DateTimeOffset.UtcNow,
        };
        if (state == "payment")
            (application.ApprovedAmount, application.PaymentMethod, application.Instalments, application.ApprovedOn) = (1_000_000m, PaymentMethod.LumpSum, 1, today.AddDays(-1));
        db.Add(application);
        await db.SaveChangesAsync();
        return application;
    }

    private static async Task<ApplicationFile> FreshFile(ScopingWorld w, string role, Target t)
    {
        var application = await FreshApplication(w, role, t);
        var sha = await w.Host.Services.GetRequiredService<UploadStore>().SaveAsync(ProbePdf, CancellationToken.None);
        await using var db = w.Host.OpenSystem();
        var file = new ApplicationFile
        {
            JurisdictionId = application.JurisdictionId, ApplicationId = application.Id, EnterpriseId = application.EnterpriseId, ChecklistNumber = 1,
            FileName = "申请表.pdf", Kind = UploadKind.Pdf, Size = ProbePdf.Length, Sha256 = sha, UploadedAt = DateTimeOffset.UtcNow, UploadedBy = "matrix",
        };
        db.Add(file);
        await db.SaveChangesAsync();
        return file;
    }

    private static async Task<IncentiveBudget> FreshBudget(ScopingWorld w, Target t)
    {
        await using var db = w.Host.OpenSystem();
        var budget = new IncentiveBudget { JurisdictionId = Place(w, t), Year = 2026, Fund = $"矩阵资金{Next()}", Amount = 1_000_000m };
        db.Add(budget);
        await db.SaveChangesAsync();
        return budget;
    }

    private static object ProbeStages(string role) => new[]
    {
        new { key = "review", name = "受理", kind = "Intake", actor = new { roles = new[] { role } }, opinions = Array.Empty<string>(), deadlineDays = 5 },
        new { key = "approval", name = "审定", kind = "Approval", actor = new { roles = new[] { role } }, opinions = Array.Empty<string>(), deadlineDays = 5 },
        new { key = "payment", name = "兑付", kind = "Payment", actor = new { roles = new[] { role } }, opinions = Array.Empty<string>(), deadlineDays = 5 },
    };

    private static object ProbeMeasureFields(string key) =>
        new { key, title = "矩阵新措施", clause = "按设备投资的5%补助", supportType = $"矩阵新类{key}", rule = new { kind = "PercentOfBase", rate = 0.05m } };

    private static async Task<HttpRequestMessage> ProbeUpload(ScopingWorld w, string role, Target t)
    {
        var application = await FreshApplication(w, role, t);
        var form = new MultipartFormDataContent { { new ByteArrayContent(ProbePdf), "file", "申请表.pdf" }, { new StringContent("1"), "checklistNumber" } };
        return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/incentives/applications/{application.Id}/files") { Content = form };
    }

    /// <summary>政策兑现.</summary>
    private static readonly ProbeSet IncentiveProbes = new()
    {
        ["GET /api/v1/incentives/measures"] = (_, _, _) => Task.FromResult(Get("/api/v1/incentives/measures")),
        ["GET /api/v1/incentives/measures/{id:guid}"] = async (w, r, t) => Get($"/api/v1/incentives/measures/{(await FreshMeasure(w, r, t)).Id}"),
        ["POST /api/v1/incentives/measures"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/incentives/measures",
            new { jurisdictionId = Place(w, t), measure = ProbeMeasureFields($"matrix.new{Next()}") })),
        ["PUT /api/v1/incentives/measures/{id:guid}"] = async (w, r, t) =>
        {
            var m = await FreshMeasure(w, r, t);
            return Send(HttpMethod.Put, $"/api/v1/incentives/measures/{m.Id}", new { measure = ProbeMeasureFields(m.Key), version = m.Version });
        },
        ["POST /api/v1/incentives/measures/{id:guid}/evaluate"] = async (w, r, t) =>
            Send(HttpMethod.Post, $"/api/v1/incentives/measures/{(await FreshMeasure(w, r, t)).Id}/evaluate", new { projectId = (await FreshProject(w, r, t)).Id }),
        ["GET /api/v1/incentives/measures/{id:guid}/candidates"] = async (w, r, t) => Get($"/api/v1/incentives/measures/{(await FreshMeasure(w, r, t)).Id}/candidates"),
        ["POST /api/v1/incentives/measures/{id:guid}/offers"] = async (w, r, t) =>
            Send(HttpMethod.Post, $"/api/v1/incentives/measures/{(await FreshMeasure(w, r, t)).Id}/offers", new { projectId = (await FreshProject(w, r, t)).Id }),
        ["POST /api/v1/incentives/measures/{id:guid}/what-if"] = async (w, r, t) =>
            Send(HttpMethod.Post, $"/api/v1/incentives/measures/{(await FreshMeasure(w, r, t)).Id}/what-if", new { cap = 1_000_000m }),
        ["GET /api/v1/incentives/projects/{id:guid}/eligibility"] = async (w, r, t) => Get($"/api/v1/incentives/projects/{(await FreshProject(w, r, t)).Id}/eligibility"),

        ["GET /api/v1/incentives/workflows"] = (_, _, _) => Task.FromResult(Get("/api/v1/incentives/workflows")),
        ["POST /api/v1/incentives/workflows"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/incentives/workflows",
            new { jurisdictionId = Place(w, t), key = $"matrix.wf{Next()}", name = "矩阵新流程", stages = ProbeStages(r) })),
        ["PUT /api/v1/incentives/workflows/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var workflow = ProbeWorkflow(Place(w, t), r);
            db.Add(workflow);
            await db.SaveChangesAsync();
            return Send(HttpMethod.Put, $"/api/v1/incentives/workflows/{workflow.Id}", new { name = "矩阵流程（改）", stages = ProbeStages(r), version = workflow.Version });
        },

        ["GET /api/v1/incentives/applications"] = (_, _, _) => Task.FromResult(Get("/api/v1/incentives/applications")),
        ["GET /api/v1/incentives/applications/{id:guid}"] = async (w, r, t) => Get($"/api/v1/incentives/applications/{(await FreshApplication(w, r, t)).Id}"),
        ["POST /api/v1/incentives/applications"] = async (w, r, t) => Send(HttpMethod.Post, "/api/v1/incentives/applications",
            new { measureId = (await FreshMeasure(w, r, Target.Own)).Id, projectId = (await FreshProject(w, r, t)).Id }),
        ["PUT /api/v1/incentives/applications/{id:guid}"] = async (w, r, t) =>
        {
            var a = await FreshApplication(w, r, t);
            return Send(HttpMethod.Put, $"/api/v1/incentives/applications/{a.Id}", new { note = "补充说明", version = a.Version });
        },
        ["POST /api/v1/incentives/applications/{id:guid}/files"] = ProbeUpload,
        ["POST /api/v1/incentives/applications/{id:guid}/submit"] = async (w, r, t) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/incentives/applications/{(await FreshApplication(w, r, t)).Id}/submit"),
        ["POST /api/v1/incentives/applications/{id:guid}/transitions"] = async (w, r, t) =>
        {
            var a = await FreshApplication(w, r, t, "review");
            return Send(HttpMethod.Post, $"/api/v1/incentives/applications/{a.Id}/transitions", new { trigger = "Pass", version = a.Version });
        },
        ["POST /api/v1/incentives/applications/{id:guid}/opinions"] = async (w, r, t) =>
            Send(HttpMethod.Post, $"/api/v1/incentives/applications/{(await FreshApplication(w, r, t, "consult")).Id}/opinions", new { text = "同意" }),
        ["POST /api/v1/incentives/applications/{id:guid}/approval"] = async (w, r, t) =>
        {
            var a = await FreshApplication(w, r, t, "approval");
            return Send(HttpMethod.Post, $"/api/v1/incentives/applications/{a.Id}/approval", new { amount = 1_000_000m, paymentMethod = "LumpSum", version = a.Version });
        },
        ["POST /api/v1/incentives/applications/{id:guid}/payments"] = async (w, r, t) =>
        {
            var a = await FreshApplication(w, r, t, "payment");
            return Send(HttpMethod.Post, $"/api/v1/incentives/applications/{a.Id}/payments",
                new { amount = 1_000_000m, paidOn = a.ApprovedOn!.Value.ToString("yyyy-MM-dd"), voucher = $"M-{a.Id:N}", version = a.Version });
        },
        ["GET /api/v1/incentives/applications/{id:guid}/form.docx"] = async (w, r, t) => Get($"/api/v1/incentives/applications/{(await FreshApplication(w, r, t)).Id}/form.docx"),
        ["GET /api/v1/incentives/files/{id:guid}"] = async (w, r, t) => Get($"/api/v1/incentives/files/{(await FreshFile(w, r, t)).Id}"),
        ["DELETE /api/v1/incentives/files/{id:guid}"] = async (w, r, t) => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/incentives/files/{(await FreshFile(w, r, t)).Id}"),

        ["GET /api/v1/incentives/budgets"] = (_, _, _) => Task.FromResult(Get("/api/v1/incentives/budgets")),
        ["POST /api/v1/incentives/budgets"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/incentives/budgets",
            new { jurisdictionId = Place(w, t), year = 2026, fund = $"矩阵新资金{Next()}", amount = 1_000_000m })),
        ["PUT /api/v1/incentives/budgets/{id:guid}"] = async (w, _, t) =>
        {
            var b = await FreshBudget(w, t);
            return Send(HttpMethod.Put, $"/api/v1/incentives/budgets/{b.Id}", new { amount = 2_000_000m, version = b.Version });
        },
        ["GET /api/v1/incentives/disclosure.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/incentives/disclosure.xlsx")),
        ["GET /api/v1/incentives/payments.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/incentives/payments.xlsx")),
        ["GET /api/v1/incentives/payments/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/incentives/payments/template.xlsx")),
        ["POST /api/v1/incentives/payments/import"] = async (w, r, t) =>
        {
            var a = await FreshApplication(w, r, t, "payment");
            var file = Shared.Excel.Workbooks.Rows("兑付台账", [new Dictionary<string, object?>
            {
                ["申报编号"] = a.Number, ["支付金额（万元）"] = 100, ["支付日期"] = a.ApprovedOn!.Value.ToString("yyyy-MM-dd"), ["凭证号"] = $"M-{Next()}",
            }]);
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/incentives/payments/import") { Content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "payments.xlsx" } } };
        },
    };
}
