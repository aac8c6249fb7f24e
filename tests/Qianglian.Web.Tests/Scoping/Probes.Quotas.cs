using Qianglian.Core.Quotas;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Quotas;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>Element quotas: ledgers, grants, transfers, requests, allocation and use.</summary>
    private static readonly ProbeSet QuotaProbes = new()
    {
        ["GET /api/v1/quotas/chains/{id:guid}/ledger"] = (w, r, t) => Task.FromResult(Get($"/api/v1/quotas/chains/{Row<Chain>(w, r, t)}/ledger?year=2026")),
        ["GET /api/v1/quotas/chains/{id:guid}/ledger.xlsx"] = (w, r, t) => Task.FromResult(Get($"/api/v1/quotas/chains/{Row<Chain>(w, r, t)}/ledger.xlsx?year=2026")),
        ["GET /api/v1/quotas/use"] = (_, _, _) => Task.FromResult(Get("/api/v1/quotas/use?year=2026")),
        ["POST /api/v1/quotas/grants"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/quotas/grants",
            new { chainId = Row<Chain>(w, r, t), year = 2026, element = "Land", amount = 10m, basis = "矩阵探针下达" })),
        ["POST /api/v1/quotas/transfers"] = async (w, r, t) =>
        {
            var (from, _) = await FreshQuota(w, r, t, QuotaRequestStatus.Pending);
            var to = await FreshChain(w, r, t, chief: false);
            return Send(HttpMethod.Post, "/api/v1/quotas/transfers", new { fromChainId = from.ChainId, toChainId = to.Id, year = 2026, element = "Land", amount = 1m, reason = "矩阵探针调剂" });
        },
        ["POST /api/v1/quotas/requests"] = async (w, r, t) =>
        {
            var project = await FreshProject(w, r, t);
            return Send(HttpMethod.Post, "/api/v1/quotas/requests", new { chainId = Row<Chain>(w, r, t), projectId = project.Id, year = 2026, element = "Land", amount = 5m, justification = "矩阵探针申请" });
        },
        ["POST /api/v1/quotas/requests/{id:guid}/allocate"] = async (w, r, t) =>
        {
            var (_, request) = await FreshQuota(w, r, t, QuotaRequestStatus.Pending);
            return Send(HttpMethod.Post, $"/api/v1/quotas/requests/{request.Id}/allocate", new { amount = 5m, version = request.Version });
        },
        ["POST /api/v1/quotas/requests/{id:guid}/uses"] = async (w, r, t) =>
        {
            var (_, request) = await FreshQuota(w, r, t, QuotaRequestStatus.Allocated);
            return Send(HttpMethod.Post, $"/api/v1/quotas/requests/{request.Id}/uses", new { amount = 1m });
        },
    };

    /// <summary>A new chain of the own or other place; chiefed by the caller when it is a chain chief (the only chief who may allocate).</summary>
    private static async Task<Chain> FreshChain(ScopingWorld w, string role, Target t, bool chief = true)
    {
        var chain = new Chain { JurisdictionId = Place(w, t), Name = $"矩阵指标链{Next()}", ChiefUserId = chief && role == Auth.Roles.ChainChief ? await CallerId(w, role) : null };
        await using var db = w.Host.OpenSystem();
        db.Chains.Add(chain);
        await db.SaveChangesAsync();
        return chain;
    }

    /// <summary>A fresh chain with 100亩 of land granted for 2026, and a project's request on it (pending, or allocated 20亩).</summary>
    private static async Task<(QuotaPool Pool, QuotaRequest Request)> FreshQuota(ScopingWorld w, string role, Target t, QuotaRequestStatus status)
    {
        var chain = await FreshChain(w, role, t);
        var project = await FreshProject(w, role, t);
        await using var db = w.Host.OpenSystem();
        var pool = new QuotaPool { JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, Year = 2026, Element = QuotaElement.Land, Granted = 100m,
            Allocated = status == QuotaRequestStatus.Allocated ? 20m : 0m };
        var request = new QuotaRequest
        {
            JurisdictionId = project.JurisdictionId, ChainId = chain.Id, ProjectId = project.Id, Year = 2026, Element = QuotaElement.Land, Requested = 20m,
            Justification = "矩阵探针", RequestedBy = "探针", RequestedOn = new DateOnly(2026, 1, 5), Status = status,
            Allocated = status == QuotaRequestStatus.Allocated ? 20m : 0m,
        };
        db.AddRange(pool, request);
        await db.SaveChangesAsync();
        return (pool, request);
    }
}
