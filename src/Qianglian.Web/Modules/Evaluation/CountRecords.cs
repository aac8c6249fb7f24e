using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>The home page's counts of every module's records, each within the caller's scope (the query filters apply).</summary>
public sealed class CountRecords(AppDb dbs)
{
    public sealed record Counts(int Jurisdictions, int Units, int Packs, int Documents, int Measures, int Chains, int Targets, int Enterprises);

    public async Task<Counts> Handle(CancellationToken ct)
    {
        await using var db = dbs.Open();
        return new Counts(await db.Jurisdictions.CountAsync(ct), await db.Units.CountAsync(ct), await db.PolicyPacks.CountAsync(ct),
            await db.PolicyDocuments.CountAsync(ct), await db.Measures.CountAsync(ct), await db.Chains.CountAsync(ct), await db.Targets.CountAsync(ct),
            await db.Enterprises.CountAsync(ct));
    }
}
