using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>The three-tier ledger: who holds which tier of which chain (and held before), the exits, and per chain the
/// count of each tier and of the chain's 链主 against its 链主 target (达州: 2–3 per chain by 2027).</summary>
public sealed class ReadTierLedger(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const string ChainLeaderMetric = "enterprises.chain_leaders.count";

    public async Task<IReadOnlyList<TierView>> Tiers(Guid? chainId, bool history, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        return await Tiers(db, chainId, history, null, ct);
    }

    internal static async Task<IReadOnlyList<TierView>> Tiers(AppDbContext db, Guid? chainId, bool history, Guid? enterpriseId, CancellationToken ct) =>
        (await (from m in db.TierMemberships.AsNoTracking()
                join e in db.Enterprises on m.EnterpriseId equals e.Id
                join c in db.Chains on m.ChainId equals c.Id
                where (chainId == null || m.ChainId == chainId) && (history || m.ToYear == null) && (enterpriseId == null || m.EnterpriseId == enterpriseId)
                orderby c.Ordinal, c.Name, m.Tier, e.Name, m.FromYear
                select new TierView(m.Id, m.EnterpriseId, e.Name, m.ChainId, c.Name, m.JurisdictionPath, m.Tier, m.FromYear, m.ToYear, m.EndedBy)).ToListAsync(ct));

    public async Task<IReadOnlyList<ExitView>> Exits(CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        return await Exits(db, null, ct);
    }

    internal static async Task<IReadOnlyList<ExitView>> Exits(AppDbContext db, Guid? enterpriseId, CancellationToken ct) =>
        await (from x in db.TierExits.AsNoTracking()
               join e in db.Enterprises on x.EnterpriseId equals e.Id
               join c in db.Chains on x.ChainId equals c.Id
               where enterpriseId == null || x.EnterpriseId == enterpriseId
               orderby x.NoticeDate descending
               select new ExitView(x.Id, x.EnterpriseId, e.Name, x.ChainId, c.Name, x.JurisdictionPath, x.LastTier, x.Year, x.Reason, x.Notice, x.NoticeDate)).ToListAsync(ct);

    /// <summary>
    /// Per chain: the tiers held now and the chain's 链主 as the one rule counts them (<see cref="ChainLeaderRoster"/>,
    /// as of the business year) against the 链主 target of the chain's own jurisdiction — the same count and the same
    /// comparison as the target's line in target tracking (<see cref="Evaluation.ReadTargets"/>).
    /// </summary>
    public async Task<IReadOnlyList<ChainTierCount>> ChainCounts(CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var year = BusinessDate.Today(clock).Year;
        var chains = await db.Chains.AsNoTracking().OrderBy(c => c.JurisdictionPath).ThenBy(c => c.Ordinal).ThenBy(c => c.Name).ToListAsync(ct);
        var tiers = await db.TierMemberships.AsNoTracking().Where(m => m.ToYear == null).GroupBy(m => new { m.ChainId, m.Tier })
            .Select(g => new { g.Key.ChainId, g.Key.Tier, Count = g.Count() }).ToListAsync(ct);
        var leaders = await ChainLeaderRoster.OfChainsAsync(db, chains, year, ct);
        // Targets are pack data of the chain's jurisdiction (configuration, read through the inherited door); a per-chain
        // target covers the chains kept at its own jurisdiction, as its lines in target tracking do.
        var targets = await db.InheritedAsync<Evaluation.Target>(chains.Select(c => c.JurisdictionPath).Distinct(), ct,
            t => t.Metric == ChainLeaderMetric && t.Scope == "perChain");
        return chains.Select(c =>
        {
            int Count(Tier t) => tiers.Where(x => x.ChainId == c.Id && x.Tier == t).Sum(x => x.Count);
            var target = targets.Where(t => Evaluation.ReadTargets.PerChainCovers(t, c.JurisdictionId)).OrderBy(t => t.Year ?? int.MaxValue).FirstOrDefault();
            var count = leaders[c.Id].Count;
            string? text = target is null ? null : $"{Core.Scoring.Quantity.Number(target.Value)}{(target.ValueMax is { } max ? "–" + Core.Scoring.Quantity.Number(max) : "")}{target.UnitOfMeasure}" + (target.Year is { } y ? $"（{y}年）" : "");
            bool? met = target is null ? null : Core.Evaluation.TargetRules.Meets(target.Comparison, target.Value, target.ValueMax, count);
            return new ChainTierCount(c.Id, c.Name, c.JurisdictionPath, Count(Tier.Demonstration), Count(Tier.Cultivation), Count(Tier.Candidate), count, year, text, met);
        }).ToList();
    }
}
