using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The chain (and node) a problem or a supply-demand post may name: one the caller sees, or one its enterprise is on —
/// a district's enterprise on its city's chain names that chain, which the district does not see. Anything else is a
/// 404 on the field that named it, before anything is stored. Reads through the filtered context only.
/// </summary>
internal static class ChainReferences
{
    public static async Task RequireChainAsync(AppDbContext db, Guid? chainId, Guid enterpriseId, string field, CancellationToken ct)
    {
        if (chainId is not { } id || await db.Chains.AnyAsync(c => c.Id == id, ct)
            || await db.EnterpriseNodeLinks.AnyAsync(l => l.EnterpriseId == enterpriseId && l.ChainId == id, ct)) return;
        throw new NotFoundException(field, "产业链不存在 (chain not found)");
    }

    /// <summary>The chain of a node the caller sees, or of a node the enterprise is on.</summary>
    public static async Task<Guid> ChainOfNodeAsync(AppDbContext db, Guid nodeId, Guid enterpriseId, string field, CancellationToken ct) =>
        await db.ChainNodes.Where(n => n.Id == nodeId).Select(n => (Guid?)n.ChainId).FirstOrDefaultAsync(ct)
        ?? await db.EnterpriseNodeLinks.Where(l => l.EnterpriseId == enterpriseId && l.NodeId == nodeId).Select(l => (Guid?)l.ChainId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException(field, "环节不存在 (node not found)");
}
