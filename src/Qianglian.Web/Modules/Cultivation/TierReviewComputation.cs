using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Chains;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>One enterprise of one chain in a tier review: its score (null when it has no facts for the year) and the proposal.</summary>
public sealed record TierCandidate(Guid ChainId, Guid EnterpriseId, Guid EnterpriseJurisdictionId, SubjectScore Score, Tier? Held, Tier? Reached, ProposalKind Proposal);

/// <summary>
/// The chain-leader evaluation of a jurisdiction for a year: every local 链主/链属 on its chains' nodes and every
/// current member of the ledger, with the chain-level values (revenue share of the chain's local enterprises, local
/// supporting rate and number of local suppliers from the year's supply links, expert scores for that chain) added to
/// the enterprise's own, scored together under the model, each compared with the tier it holds.
/// </summary>
public static class TierReviewComputation
{
    public static async Task<IReadOnlyList<TierCandidate>> ComputeAsync(AppDbContext db, string path, ScoringModel model, int year, DateOnly asOf, CancellationToken ct)
    {
        var chains = await db.Chains.AsNoTracking().Where(c => c.JurisdictionPath.StartsWith(path)).ToDictionaryAsync(c => c.Id, c => c.JurisdictionPath, ct);
        var chainIds = chains.Keys.ToList();
        var onNodes = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                             join e in db.Enterprises on l.EnterpriseId equals e.Id
                             where chainIds.Contains(l.ChainId) && l.Evidence != EvidenceStrength.Rejected
                             select new { l.ChainId, l.EnterpriseId, l.Role, e.JurisdictionPath }).ToListAsync(ct);
        var local = onNodes.Where(l => l.JurisdictionPath.StartsWith(chains[l.ChainId], StringComparison.Ordinal)).ToList();
        var held = (await db.TierMemberships.AsNoTracking().Where(m => chainIds.Contains(m.ChainId) && m.ToYear == null).ToListAsync(ct))
            .ToDictionary(m => (m.ChainId, m.EnterpriseId), m => m.Tier);
        var pairs = local.Where(l => l.Role is ChainRole.ChainLeader or ChainRole.ChainMember).Select(l => (l.ChainId, l.EnterpriseId))
            .Concat(held.Keys).Distinct().ToList();

        // Every enterprise on the chains or in the ledger, streamed once: the revenue of each (for the chains' totals),
        // and of those evaluated the values the model reads.
        var population = db.Enterprises.Where(e =>
            db.EnterpriseNodeLinks.Any(l => l.EnterpriseId == e.Id && chainIds.Contains(l.ChainId) && l.Evidence != EvidenceStrength.Rejected)
            || db.TierMemberships.Any(m => m.EnterpriseId == e.Id && chainIds.Contains(m.ChainId) && m.ToYear == null));
        var evaluated = pairs.Select(p => p.EnterpriseId).ToHashSet();
        var reads = model.Reads();
        var inputs = new Dictionary<Guid, Evaluated>();
        await foreach (var i in EnterpriseInputs.StreamAsync(db, population, year, asOf, EnterpriseValues.NeedPreviousYears(model), ct))
            inputs[i.Id] = new Evaluated(i.Name, i.JurisdictionId, i.Facts?.Revenue,
                evaluated.Contains(i.Id) && i.Facts is not null ? i.Values.Where(v => reads.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal) : null);
        var chainRevenue = local.Select(l => (l.ChainId, l.EnterpriseId)).Distinct()
            .GroupBy(l => l.ChainId).ToDictionary(g => g.Key, g => g.Sum(l => inputs.TryGetValue(l.EnterpriseId, out var i) ? i.Revenue ?? 0 : 0));

        // The year's purchases of the evaluated enterprises, one streaming query; a supplier's place is one of few paths.
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        var purchases = new List<(Guid Customer, Guid Supplier, decimal Amount, string SupplierPath)>();
        var customers = population.Select(e => e.Id);
        await foreach (var p in (from s in db.SupplyLinks.AsNoTracking()
                                 join supplier in db.Enterprises.IgnoreQueryFilters() on s.SupplierId equals supplier.Id
                                 where s.Year == year && customers.Contains(s.CustomerId)
                                 select new { s.CustomerId, s.SupplierId, s.Amount, supplier.JurisdictionPath }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!evaluated.Contains(p.CustomerId)) continue;
            if (!places.TryGetValue(p.JurisdictionPath, out var place)) places[p.JurisdictionPath] = place = p.JurisdictionPath;
            purchases.Add((p.CustomerId, p.SupplierId, p.Amount, place));
        }
        var bought = purchases.ToLookup(p => p.Customer);
        var chainExperts = (await db.ExpertScores.AsNoTracking().Where(s => s.Year == year && s.ChainId != null && chainIds.Contains(s.ChainId.Value)).ToListAsync(ct))
            .ToLookup(s => (s.ChainId!.Value, s.EnterpriseId));

        var subjects = new List<Subject>();
        foreach (var (chainId, enterpriseId) in pairs)
        {
            if (!inputs.TryGetValue(enterpriseId, out var input) || input.Values is null) continue;
            var chainPath = chains[chainId];
            var values = new Dictionary<string, decimal?>(input.Values)
            {
                ["chainRevenueShare"] = chainRevenue.GetValueOrDefault(chainId) is > 0 and var total ? Math.Round(input.Revenue!.Value / total, 6) : null,
                ["localSupportingRate"] = GapAnalysis.LocalSupportingRate(bought[enterpriseId].Select(p => (p.Amount, p.SupplierPath.StartsWith(chainPath, StringComparison.Ordinal)))),
                ["localChainMembers"] = bought[enterpriseId].Where(p => p.SupplierPath.StartsWith(chainPath, StringComparison.Ordinal)).Select(p => p.Supplier).Distinct().Count(),
            };
            foreach (var s in chainExperts[(chainId, enterpriseId)]) values[Inputs.ExpertPrefix + s.Key] = s.Score;
            subjects.Add(new Subject(Key(chainId, enterpriseId), input.Name, values));
        }
        var scores = Scorer.Score(model, subjects).ToDictionary(s => s.SubjectId);
        // Scored together (one average for the missing-data rule), ranked within each chain: one chain's 链主 are not
        // ranked against another chain's.
        foreach (var chain in pairs.GroupBy(p => p.ChainId))
        {
            var ranks = Scorer.Ranks(chain.Select(p => scores.GetValueOrDefault(Key(p.ChainId, p.EnterpriseId))).OfType<SubjectScore>());
            foreach (var (key, rank) in ranks) scores[key] = scores[key] with { Rank = rank };
        }

        var candidates = new List<TierCandidate>();
        foreach (var (chainId, enterpriseId) in pairs)
        {
            var had = held.TryGetValue((chainId, enterpriseId), out var t) ? t : (Tier?)null;
            var jurisdiction = inputs.TryGetValue(enterpriseId, out var i) ? i.JurisdictionId : Guid.Empty;
            if (scores.TryGetValue(Key(chainId, enterpriseId), out var score))
            {
                var reached = TierReview.FromClassKey(score.ClassKey);
                candidates.Add(new(chainId, enterpriseId, jurisdiction, score, had, reached, TierReview.Propose(had, reached)));
            }
            else
            {
                var empty = new SubjectScore(Key(chainId, enterpriseId), i?.Name ?? "", null, "", "", null, false, [], new Dictionary<string, decimal>(),
                    [$"缺少{year}年度企业数据，未予评价，梯度暂不调整 (no facts for {year})"]);
                candidates.Add(new(chainId, enterpriseId, jurisdiction, empty, had, null, TierReview.Propose(had, null, evaluated: false)));
            }
        }
        return candidates;
    }

    private sealed record Evaluated(string Name, Guid JurisdictionId, decimal? Revenue, Dictionary<string, decimal?>? Values);

    private static string Key(Guid chain, Guid enterprise) => $"{chain:N}:{enterprise:N}";
}
