using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Evaluation;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Cultivation;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// The chain metrics of the packs' targets: a chain's output (黔江 3+2 by industry), clusters by output (达州 2027:
/// 千亿 and 500亿 clusters), chain leaders (per chain) and their output growth, and promotion meetings held. A chain's
/// output is its local enterprises' output, each enterprise counted once per chain; a cluster is an ecosystem
/// (产业生态圈) and its output that of the distinct enterprises of its chains — an enterprise on two chains of one
/// ecosystem is counted once.
/// </summary>
public sealed class ChainMetrics : IMetricSource
{
    public const string OutputByChain = "output.by_chain";
    public const string ThousandBillion = "clusters.thousand_billion.count";
    public const string FiveHundredBillion = "clusters.five_hundred_billion.count";
    public const string Leaders = "enterprises.chain_leaders.count";
    public const string LeaderGrowth = "enterprises.chain_leaders.output_growth";
    public const string Meetings = "meetings.chain_promotion.count";

    private static readonly string[] Keys = [OutputByChain, ThousandBillion, FiveHundredBillion, Leaders, LeaderGrowth, Meetings];

    public bool Supports(string metric) => Keys.Contains(metric);

    public async Task<MetricActual?> ActualAsync(AppDbContext db, string metric, MetricQuery q, CancellationToken ct)
    {
        var chains = await db.Chains.AsNoTracking().Where(c => c.JurisdictionPath.StartsWith(q.JurisdictionPath)).ToListAsync(ct);
        if (q.ScopeRef is { } reference)
            chains = chains.Where(c => c.Id.ToString() == reference || c.Name == reference).ToList();
        var where = q.ScopeRef is null ? "" : $"“{q.ScopeRef}”";
        switch (metric)
        {
            case OutputByChain:
            {
                if (chains.Count == 0) return null;
                var members = await Members(db, chains, ct);
                var facts = await Outputs(db, members.Select(m => m.EnterpriseId), q.Year, ct);
                if (facts.Count == 0) return null;
                var ids = members.Select(m => m.EnterpriseId).Distinct().Where(facts.ContainsKey).ToList();
                var sum = ids.Sum(id => facts[id]);
                return new(EnterpriseMetrics.Yi(sum), $"{q.Year}年{where}产业链本地企业{ids.Count}家产值合计{EnterpriseMetrics.Yi(sum)}亿元", ids);
            }
            case ThousandBillion or FiveHundredBillion:
                return await Clusters(db, chains, q.Year, metric == ThousandBillion ? (1000m, null) : (500m, 1000m), ct);
            case Leaders:
            {
                var leaders = (await ChainLeaderRoster.OfChainsAsync(db, chains, q.Year, ct)).Values.SelectMany(s => s).Distinct().ToList();
                var names = await db.Enterprises.AsNoTracking().Where(e => leaders.Contains(e.Id)).OrderBy(e => e.Name).Select(e => e.Name).ToListAsync(ct);
                return new(leaders.Count, $"{q.Year}年{where}链主企业（图谱标注为链主、证据未驳回、本地且未退出梯度培育台账）：{leaders.Count}家"
                    + (names.Count > 0 ? $"：{string.Join("、", names)}" : ""), leaders);
            }
            case LeaderGrowth:
                return await Growth(db, chains, q.Year, ct);
            case Meetings:
            {
                var ids = chains.Select(c => c.Id).ToList();
                var held = await db.PromotionMeetings.AsNoTracking().Where(m => ids.Contains(m.ChainId) && m.HeldOn.Year == q.Year).Select(m => m.Id).ToListAsync(ct);
                return new(held.Count, $"{q.Year}年{where}产业链推进会议：{held.Count}次", held);
            }
            default:
                return null;
        }
    }

    private sealed record Member(Guid ChainId, Guid EnterpriseId, ChainRole Role);

    /// <summary>The local (inside the chain's jurisdiction), not rejected links of the chains.</summary>
    private static async Task<List<Member>> Members(AppDbContext db, IReadOnlyList<Chain> chains, CancellationToken ct)
    {
        var ids = chains.Select(c => c.Id).ToList();
        var paths = chains.ToDictionary(c => c.Id, c => c.JurisdictionPath);
        var links = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                           join e in db.Enterprises.AsNoTracking() on l.EnterpriseId equals e.Id
                           where ids.Contains(l.ChainId) && l.Evidence != EvidenceStrength.Rejected
                           select new { l.ChainId, l.EnterpriseId, l.Role, e.JurisdictionPath }).ToListAsync(ct);
        return links.Where(l => l.JurisdictionPath.StartsWith(paths[l.ChainId], StringComparison.Ordinal)).Select(l => new Member(l.ChainId, l.EnterpriseId, l.Role)).ToList();
    }

    private static async Task<Dictionary<Guid, decimal>> Outputs(AppDbContext db, IEnumerable<Guid> enterprises, int year, CancellationToken ct)
    {
        var ids = enterprises.Distinct().ToList();
        return await db.EnterpriseFacts.AsNoTracking().Where(f => f.Year == year && ids.Contains(f.EnterpriseId)).ToDictionaryAsync(f => f.EnterpriseId, f => f.OutputValue, ct);
    }

    private static async Task<MetricActual?> Clusters(AppDbContext db, IReadOnlyList<Chain> chains, int year, (decimal Min, decimal? Below) yi, CancellationToken ct)
    {
        var members = await Members(db, chains, ct);
        var outputs = await Outputs(db, members.Select(m => m.EnterpriseId), year, ct);
        if (outputs.Count == 0) return null;
        var ecosystemIds = chains.Select(c => c.EcosystemId).OfType<Guid>().Distinct().ToList();
        var ecosystems = await db.Ecosystems.AsNoTracking().Where(e => ecosystemIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        // A chain outside any ecosystem is a cluster of its own.
        var clusters = chains.GroupBy(c => c.EcosystemId is { } e && ecosystems.ContainsKey(e) ? ecosystems[e] : c.Name).Select(g =>
        {
            var ids = g.Select(c => c.Id).ToHashSet();
            var output = members.Where(m => ids.Contains(m.ChainId)).Select(m => m.EnterpriseId).Distinct().Sum(id => outputs.GetValueOrDefault(id));
            return (Name: g.Key, Yi: EnterpriseMetrics.Yi(output), Chains: g.Select(c => c.Id).ToList());
        }).OrderByDescending(c => c.Yi).ToList();
        var reached = clusters.Where(c => c.Yi >= yi.Min && (yi.Below is null || c.Yi < yi.Below)).ToList();
        var band = yi.Below is null ? $"{yi.Min:0}亿元及以上" : $"{yi.Min:0}亿元至{yi.Below:0}亿元";
        return new(reached.Count, $"{year}年产值{band}的产业集群（产业生态圈）{reached.Count}个；各集群：{string.Join("、", clusters.Take(8).Select(c => $"{c.Name}{c.Yi}亿元"))}",
            reached.SelectMany(c => c.Chains).ToList());
    }

    /// <summary>Each chain leader's output growth; the actual is the lowest, so "every chain leader grows ≥ x%" is met exactly when it is.</summary>
    private static async Task<MetricActual?> Growth(AppDbContext db, IReadOnlyList<Chain> chains, int year, CancellationToken ct)
    {
        var leaders = (await ChainLeaderRoster.OfChainsAsync(db, chains, year, ct)).Values.SelectMany(s => s).Distinct().ToList();
        var (now, before) = (await Outputs(db, leaders, year, ct), await Outputs(db, leaders, year - 1, ct));
        var names = await db.Enterprises.AsNoTracking().Where(e => leaders.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var growth = leaders.Where(id => now.ContainsKey(id) && before.GetValueOrDefault(id) > 0)
            .Select(id => (Id: id, Rate: Math.Round(100m * (now[id] / before[id] - 1), 1))).OrderBy(g => g.Rate).ToList();
        if (growth.Count == 0) return null;
        return new(growth[0].Rate, $"{year}年链主企业产值增速（取最低）：{string.Join("、", growth.Select(g => $"{names.GetValueOrDefault(g.Id)}{g.Rate}%"))}",
            growth.Select(g => g.Id).ToList());
    }
}
