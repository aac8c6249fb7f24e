using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Investment;
using Workbooks = Qianglian.Web.Shared.Excel.Workbooks;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>A target on the own (西区) or other (达州) chain's node; the chain gets its park as host locality for pushes.</summary>
    private static async Task<TargetEnterprise> FreshTarget(ScopingWorld w, Target t)
    {
        await using var db = w.Host.OpenSystem();
        var chain = await db.Chains.SingleAsync(c => c.Id == (t == Target.Own ? w.Rows[typeof(Chain)].Own : w.Rows[typeof(Chain)].Other));
        var park = await db.Jurisdictions.SingleAsync(j => j.Code == (t == Target.Own ? "510403-YQ" : "511700-GX"));
        if (!chain.HostJurisdictionIds.Contains(park.Id)) chain.HostJurisdictionIds = [.. chain.HostJurisdictionIds, park.Id];
        var target = new TargetEnterprise
        {
            JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, NodeId = t == Target.Own ? w.Rows[typeof(ChainNode)].Own : w.Rows[typeof(ChainNode)].Other,
            EnterpriseName = $"矩阵目标企业{Next()}", Purpose = TargetPurpose.Fill, Source = TargetSource.GapAnalysis,
        };
        db.Add(target);
        await db.SaveChangesAsync();
        return target;
    }

    /// <summary>A target pushed to the own chain's park (own) or the other chain's park (other).</summary>
    private static async Task<TargetPush> FreshPush(ScopingWorld w, Target t, PushStatus status = PushStatus.Pending)
    {
        var target = await FreshTarget(w, t);
        await using var db = w.Host.OpenSystem();
        var chain = await db.Chains.SingleAsync(c => c.Id == target.ChainId);
        var push = new TargetPush { TargetId = target.Id, JurisdictionId = chain.HostJurisdictionIds[0], ChainName = chain.Name, NodeName = "环节", Status = status, PushedBy = "probe", PushedAt = DateTimeOffset.UtcNow };
        push.CopyFrom(target);
        db.Add(push);
        await db.SaveChangesAsync();
        return push;
    }

    private static async Task<Lead> FreshLead(ScopingWorld w, Target t, LeadStage stage = LeadStage.Lead, DealStatus? deal = null)
    {
        var today = BusinessDate.Today(TimeProvider.System);
        await using var db = w.Host.OpenSystem();
        var lead = new Lead
        {
            JurisdictionId = Place(w, t), Name = $"矩阵线索{Next()}", InvestorName = "矩阵投资方", PlannedInvestment = 10_000_000m, Stage = stage,
            OpenedOn = today.AddDays(-10), StageSince = today.AddDays(-5), SignedOn = stage == LeadStage.Signed ? today.AddDays(-5) : null,
        };
        db.Add(lead);
        if (deal is { } status) db.Add(new DealPackage { LeadId = lead.Id, JurisdictionId = lead.JurisdictionId, Terms = "探针条款", Status = status });
        await db.SaveChangesAsync();
        return lead;
    }

    /// <summary>Investment attraction.</summary>
    private static readonly ProbeSet InvestmentProbes = new()
    {
        ["GET /api/v1/investment/targets"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/targets")),
        ["POST /api/v1/investment/targets"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/investment/targets", new
        {
            chainId = t == Target.Own ? w.Rows[typeof(Chain)].Own : w.Rows[typeof(Chain)].Other,
            target = new { nodeId = t == Target.Own ? w.Rows[typeof(ChainNode)].Own : w.Rows[typeof(ChainNode)].Other, enterpriseName = $"矩阵新目标{Next()}", purpose = "Fill", source = "ByBusiness" },
        })),
        ["PUT /api/v1/investment/targets/{id:guid}"] = async (w, _, t) =>
        {
            var target = await FreshTarget(w, t);
            return Send(HttpMethod.Put, $"/api/v1/investment/targets/{target.Id}", new
            {
                target = new { nodeId = target.NodeId, enterpriseName = target.EnterpriseName + "（改）", purpose = "Extend", source = "GapAnalysis", priority = "High" }, version = target.Version,
            });
        },
        ["DELETE /api/v1/investment/targets/{id:guid}"] = async (w, _, t) =>
        {
            var target = await FreshTarget(w, t);
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/investment/targets/{target.Id}?version={target.Version}");
        },
        ["POST /api/v1/investment/targets/{id:guid}/push"] = async (w, _, t) =>
        {
            var target = await FreshTarget(w, t);
            await using var db = w.Host.OpenSystem();
            var chain = await db.Chains.SingleAsync(c => c.Id == target.ChainId);
            return Send(HttpMethod.Post, $"/api/v1/investment/targets/{target.Id}/push", new { localityIds = chain.HostJurisdictionIds });
        },
        ["GET /api/v1/investment/chains/{id:guid}/suggestions"] = async (w, r, t) => Get($"/api/v1/investment/chains/{(await ChainOf(w, r, t)).Id}/suggestions"),
        ["GET /api/v1/investment/chains/{id:guid}/ranking"] = async (w, r, t) => Get($"/api/v1/investment/chains/{(await ChainOf(w, r, t)).Id}/ranking"),
        ["GET /api/v1/investment/targets/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/targets/template.xlsx")),
        ["GET /api/v1/investment/targets/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/targets/export.xlsx")),
        ["POST /api/v1/investment/chains/{id:guid}/targets/import"] = async (w, r, t) => Upload($"/api/v1/investment/chains/{(await ChainOf(w, r, t)).Id}/targets/import",
            Workbooks.Rows("招商目标企业清单", [new Dictionary<string, object?>
                { ["环节"] = t == Target.Own ? "本区环节" : "外区环节", ["目标企业"] = $"导入目标{Next()}", ["定位"] = "补链", ["来源"] = "以商招商" }])),

        ["GET /api/v1/investment/pushes"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/pushes")),
        ["POST /api/v1/investment/pushes/{id:guid}/answer"] = async (w, _, t) =>
        {
            var push = await FreshPush(w, t);
            return Send(HttpMethod.Post, $"/api/v1/investment/pushes/{push.Id}/answer", new { status = "Returned", reason = "本地无用地指标", version = push.Version });
        },

        ["GET /api/v1/investment/leads"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/leads")),
        ["GET /api/v1/investment/leads/{id:guid}"] = async (w, _, t) => Get($"/api/v1/investment/leads/{(await FreshLead(w, t)).Id}"),
        ["POST /api/v1/investment/leads"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/investment/leads",
            new { jurisdictionId = Place(w, t), lead = new { name = $"矩阵新线索{Next()}", investorName = "某投资方", plannedInvestment = 1_000_000m } })),
        ["POST /api/v1/investment/leads/from-push"] = async (w, _, t) =>
        {
            var push = await FreshPush(w, t, PushStatus.Accepted);
            return Send(HttpMethod.Post, "/api/v1/investment/leads/from-push", new { pushId = push.Id, name = $"推送线索{Next()}", plannedInvestment = 1_000_000m });
        },
        ["PUT /api/v1/investment/leads/{id:guid}"] = async (w, _, t) =>
        {
            var lead = await FreshLead(w, t);
            return Send(HttpMethod.Put, $"/api/v1/investment/leads/{lead.Id}", new { lead = new { name = lead.Name + "（改）", investorName = "某投资方", plannedInvestment = 2_000_000m }, version = lead.Version });
        },
        ["POST /api/v1/investment/leads/{id:guid}/follow-ups"] = async (w, _, t) =>
            Send(HttpMethod.Post, $"/api/v1/investment/leads/{(await FreshLead(w, t)).Id}/follow-ups", new { note = "电话沟通" }),
        ["POST /api/v1/investment/leads/{id:guid}/stage"] = async (w, _, t) =>
        {
            var lead = await FreshLead(w, t);
            return Send(HttpMethod.Post, $"/api/v1/investment/leads/{lead.Id}/stage", new { to = "Contact", version = lead.Version });
        },
        ["PUT /api/v1/investment/leads/{id:guid}/deal"] = async (w, _, t) =>
        {
            var lead = await FreshLead(w, t, LeadStage.Negotiation);
            return Send(HttpMethod.Put, $"/api/v1/investment/leads/{lead.Id}/deal", new { terms = "用地保障", submit = true, version = lead.Version });
        },
        ["POST /api/v1/investment/leads/{id:guid}/deal/decision"] = async (w, _, t) =>
        {
            var lead = await FreshLead(w, t, LeadStage.Negotiation, DealStatus.Submitted);
            return Send(HttpMethod.Post, $"/api/v1/investment/leads/{lead.Id}/deal/decision", new { approve = true, version = lead.Version });
        },
        ["POST /api/v1/investment/leads/{id:guid}/convert"] = async (w, r, t) =>
        {
            var lead = await FreshLead(w, t, LeadStage.Signed);
            return Send(HttpMethod.Post, $"/api/v1/investment/leads/{lead.Id}/convert", new { enterpriseId = w.OwnRow(typeof(Modules.Enterprises.Enterprise), r), version = lead.Version });
        },
        ["GET /api/v1/investment/leads/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/leads/template.xlsx")),
        ["GET /api/v1/investment/leads/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/leads/export.xlsx")),
        ["POST /api/v1/investment/leads/import"] = (w, _, t) => Task.FromResult(Upload($"/api/v1/investment/leads/import?jurisdictionId={Place(w, t)}",
            Workbooks.Rows("招商线索", [new Dictionary<string, object?> { ["项目名称"] = $"导入线索{Next()}", ["投资方"] = "某集团" }]))),

        ["GET /api/v1/investment/funds"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/funds")),
        ["POST /api/v1/investment/funds"] = async (w, r, t) =>
        {
            var p = await FreshProject(w, r, t, started: true);
            var (year, month) = ThisMonth();
            return Send(HttpMethod.Post, "/api/v1/investment/funds", new { projectId = p.Id, year, month, amount = 1_000_000m });
        },
        ["GET /api/v1/investment/funds/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/funds/template.xlsx")),
        ["GET /api/v1/investment/funds/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/funds/export.xlsx")),
        ["POST /api/v1/investment/funds/import"] = async (w, r, t) =>
        {
            var p = await FreshProject(w, r, t, started: true);
            var (year, month) = ThisMonth();
            return Upload("/api/v1/investment/funds/import", Workbooks.Rows("到位资金", [new Dictionary<string, object?>
                { ["项目名称"] = p.Name, ["年"] = year, ["月"] = month, ["到位资金（万元）"] = 50 }]));
        },
        ["GET /api/v1/investment/kpis"] = (_, _, _) => Task.FromResult(Get("/api/v1/investment/kpis?year=2024")),
        ["GET /api/v1/projects/shared-in"] = (_, _, _) => Task.FromResult(Get("/api/v1/projects/shared-in")),
    };
}
