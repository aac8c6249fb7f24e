using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>A 链主 under a yearly output-growth target, each year's output and growth against it.</summary>
/// <param name="TargetRate">The target as a fraction (0.20); <paramref name="Source"/> is the document's sentence.</param>
public sealed record ChainLeaderGrowthRow(Guid EnterpriseId, string Name, string JurisdictionPath, IReadOnlyList<string> Chains, string TargetName,
    decimal TargetRate, string Source, IReadOnlyList<GrowthYear> Years);

/// <summary>
/// 黔江 2 (促进链主企业实现年产值20%以上高速增长) shown against the actuals: every chain leader (an enterprise on a node
/// as 链主, not rejected) of a jurisdiction whose pack sets a per-chain-leader growth target, with its output value
/// (工业总产值, the yearly facts) year by year from the target's first year to <c>year</c>, judged by
/// <see cref="ChainLeaderGrowth"/>.
/// </summary>
public sealed class ReadChainLeaderGrowth(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const string GrowthMetric = "enterprises.chain_leaders.output_growth";

    /// <param name="year">The last year shown; default: the latest year with facts of any such leader.</param>
    public async Task<IReadOnlyList<ChainLeaderGrowthRow>> Handle(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        // The 链主 by the one rule every 链主 figure uses (role, evidence, place, the ledger's exits), as the ledger stands.
        var led = await ChainLeaderRoster.ChainsLedByAsync(db, null, null, ct);
        var leaderIds = led.Values.SelectMany(s => s).Distinct().ToList();
        var firms = await db.Enterprises.AsNoTracking().Where(e => leaderIds.Contains(e.Id)).Select(e => new { e.Id, e.Name, e.JurisdictionPath }).ToListAsync(ct);
        var found = firms.SelectMany(e => led.Where(c => c.Value.Contains(e.Id)).Select(c => new { e.Id, e.Name, e.JurisdictionPath, ChainId = c.Key })).ToList();
        if (found.Count == 0) return [];
        // Targets are pack data of the leader's jurisdiction or an ancestor (inherited configuration); they govern the leaders below them.
        var targets = await db.InheritedAsync<Evaluation.Target>(found.Select(l => l.JurisdictionPath).Distinct(), ct,
            t => t.Metric == GrowthMetric && t.Scope == "perChainLeader");
        if (targets.Count == 0) return [];
        // Chain names on their own: a chain may be kept above the caller (the reference-names door).
        var chainNames = await db.ChainNamesAsync(found.Select(l => l.ChainId), ct);
        var links = found.Select(l => new { l.Id, l.Name, l.JurisdictionPath, Chain = chainNames.GetValueOrDefault(l.ChainId, "") }).ToList();
        var leaders = links.GroupBy(l => l.Id)
            .Select(g => (Leader: g.First(), Chains: g.Select(x => x.Chain).Distinct().Order().ToList(),
                Target: InheritedConfiguration.Nearest(targets, g.First().JurisdictionPath)))
            .Where(x => x.Target is not null).ToList();
        if (leaders.Count == 0) return [];
        var ids = leaders.Select(l => l.Leader.Id).ToList();
        var facts = await db.EnterpriseFacts.AsNoTracking().Where(f => ids.Contains(f.EnterpriseId))
            .Select(f => new { f.EnterpriseId, f.Year, f.OutputValue }).ToListAsync(ct);
        var last = year ?? (facts.Count > 0 ? facts.Max(f => f.Year) : BusinessDate.Today(clock).Year);
        return leaders.OrderBy(l => l.Leader.JurisdictionPath).ThenBy(l => l.Leader.Name).Select(l =>
        {
            var t = l.Target!;
            var rate = t.Value / 100m;
            var outputs = facts.Where(f => f.EnterpriseId == l.Leader.Id).ToDictionary(f => f.Year, f => f.OutputValue);
            var from = Math.Max(t.FromYear ?? last, outputs.Count > 0 ? outputs.Keys.Min() + 1 : last);
            return new ChainLeaderGrowthRow(l.Leader.Id, l.Leader.Name, l.Leader.JurisdictionPath, l.Chains, t.Name, rate, t.Source,
                ChainLeaderGrowth.Track(outputs, Math.Min(from, last), last, rate));
        }).ToList();
    }
}
