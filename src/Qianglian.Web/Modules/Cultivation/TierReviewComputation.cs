using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Chains;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// One enterprise of one chain in a tier review: its row in the review's scored group (-1 when it has no facts for
/// the year and could not be evaluated), its rank within the chain, the tier it holds and reaches, and the proposal.
/// </summary>
public sealed record TierCandidate(Guid ChainId, Guid EnterpriseId, Guid EnterpriseJurisdictionId, int Row, int? ChainRank, Tier? Held, Tier? Reached, ProposalKind Proposal);

/// <summary>A tier review computed: the evaluated pairs scored together, and every candidate with its proposal.</summary>
public sealed record TierReviewOutcome(ScoredGroup Scored, IReadOnlyList<TierCandidate> Candidates);

/// <summary>
/// The chain-leader evaluation of a jurisdiction for a year: every local 链主/链属 on its chains' nodes and every
/// current member of the ledger, with the chain-level values (revenue share of the chain's local enterprises, local
/// supporting rate and number of local suppliers from the year's supply links, expert scores for that chain) added to
/// the enterprise's own, scored together under the model, ranked within each chain, each compared with the tier it
/// holds. The enterprises with facts and the purchases are streamed by one query each; the enterprises of the review
/// are numbered once, so the rest is arrays rather than lookups by id.
/// </summary>
public static class TierReviewComputation
{
    private static readonly string[] ChainValues = ["chainRevenueShare", "localSupportingRate", "localChainMembers"];

    public static async Task<TierReviewOutcome> ComputeAsync(AppDbContext db, string path, ScoringModel scoring, int year, DateOnly asOf, CancellationToken ct)
    {
        var model = CompiledModel.Of(scoring);
        var chains = await db.Chains.AsNoTracking().Where(c => c.JurisdictionPath.StartsWith(path)).ToDictionaryAsync(c => c.Id, c => c.JurisdictionPath, ct);
        var chainIds = chains.Keys.ToList();
        // The places of the caller's subtree: every chain of the review lies in it, so a place outside it is local to none.
        var locality = new Locality(await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Id, j => j.JurisdictionPath, ct), chains);

        // The enterprises of the review: on the chains' nodes, and in the ledger.
        var onNodes = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                             join e in db.Enterprises on l.EnterpriseId equals e.Id
                             where chainIds.Contains(l.ChainId) && l.Evidence != EvidenceStrength.Rejected
                             select new { l.ChainId, l.EnterpriseId, l.Role, e.JurisdictionId }).ToListAsync(ct);
        var held = await db.TierMemberships.AsNoTracking().Where(m => chainIds.Contains(m.ChainId) && m.ToYear == null)
            .Select(m => new { m.ChainId, m.EnterpriseId, m.Tier, m.JurisdictionId }).ToListAsync(ct);
        var enterprises = new EnterpriseIndex(locality);
        foreach (var l in onNodes) enterprises.Add(l.EnterpriseId, l.JurisdictionId);
        foreach (var m in held) enterprises.Add(m.EnterpriseId, m.JurisdictionId);
        bool IsLocal(Guid place, Guid chain) => locality.IsLocal(locality.PlaceOf(place), locality.ChainOf(chain));
        var local = onNodes.Where(l => IsLocal(l.JurisdictionId, l.ChainId)).Select(l => (Chain: locality.ChainOf(l.ChainId), Enterprise: enterprises.IndexOf(l.EnterpriseId))).Distinct().ToList();
        var heldTier = held.ToDictionary(m => (m.ChainId, m.EnterpriseId), m => m.Tier);
        var pairs = onNodes.Where(l => l.Role is ChainRole.ChainLeader or ChainRole.ChainMember && IsLocal(l.JurisdictionId, l.ChainId))
            .Select(l => (Chain: locality.ChainOf(l.ChainId), Enterprise: enterprises.IndexOf(l.EnterpriseId)))
            .Concat(held.Select(m => (Chain: locality.ChainOf(m.ChainId), Enterprise: enterprises.IndexOf(m.EnterpriseId)))).Distinct().ToList();
        var pairsOf = new PairsOf(enterprises.Count, pairs.Select(p => p.Enterprise));

        // Their facts: the revenue of each (for the chains' totals), and of those evaluated the row of the values the
        // model reads of the enterprise itself. Read for the jurisdiction (and any member of the ledger since moved away),
        // the others passed over here: at province scale a test per row against a million ids costs the database more
        // than reading the rows it leaves out.
        var ledger = held.Select(m => m.EnterpriseId).Distinct().ToList();
        var population = db.Enterprises.Where(e => e.JurisdictionPath.StartsWith(path) || ledger.Contains(e.Id));
        var readers = EnterpriseValues.Readers(model.Inputs);
        var experts = await PopulationSources.ExpertScoresAsync(db, population, year, [model], ct);
        var revenue = new decimal?[enterprises.Count];
        var rows = new BatchBuilder<(int Index, PopulationSources.Sourced E), (int Index, decimal?[] Row)>(x => (x.Index, PopulationSources.Row(model, readers, x.E.Sources!, experts.GetValueOrDefault(x.E.Id))));
        async Task StreamAsync()
        {
            await foreach (var e in PopulationSources.StreamSourcesAsync(db, population, year, asOf, PopulationSources.Needs.For([model]), factsOnly: true, ct))
            {
                if (enterprises.IndexOf(e.Id) is not (>= 0 and var index)) continue;
                revenue[index] = e.Sources!.Year.Revenue;
                if (pairsOf.Any(index)) rows.Add((index, e));
            }
        }
        // The purchases are read on a second connection while the facts stream in on the first.
        await using var second = db.Twin();
        var buying = model.Inputs.Any(k => k is "localSupportingRate" or "localChainMembers")
            ? Purchases.SumAsync(second, year, enterprises, pairs, pairsOf, locality, ct)
            : Task.FromResult(new Purchases(pairs.Count));
        await Task.WhenAll(StreamAsync(), buying);
        var purchases = await buying;
        var own = new decimal?[]?[enterprises.Count];
        foreach (var (index, row) in await rows.ToListAsync()) own[index] = row;
        var chainRevenue = new decimal[chains.Count];
        foreach (var (chain, enterprise) in local) chainRevenue[chain] += revenue[enterprise] ?? 0;

        var chainExperts = (await db.ExpertScores.AsNoTracking().Where(s => s.Year == year && s.ChainId != null && chainIds.Contains(s.ChainId.Value))
                .Select(s => new { ChainId = s.ChainId!.Value, s.EnterpriseId, s.Key, s.Score }).ToListAsync(ct))
            .ToLookup(s => (s.ChainId, s.EnterpriseId));

        // Each evaluated pair: the enterprise's row with the chain's values filled in.
        var evaluated = Enumerable.Range(0, pairs.Count).Where(n => own[pairs[n].Enterprise] is not null).ToList();
        var chainSlots = ChainValues.Select(model.SlotOf).ToArray();
        var pairRows = evaluated.AsParallel().AsOrdered().Select(n =>
        {
            var (chain, enterprise) = pairs[n];
            var row = (decimal?[])own[enterprise]!.Clone();
            var total = chainRevenue[chain];
            decimal?[] values =
            [
                total > 0 && revenue[enterprise] is { } r ? Math.Round(r / total, 6) : null,
                GapAnalysis.LocalSupportingRate(purchases.Local[n], purchases.Total[n]),
                purchases.LocalSuppliers[n],
            ];
            for (var v = 0; v < chainSlots.Length; v++)
                if (chainSlots[v] >= 0) row[chainSlots[v]] = values[v];
            foreach (var s in chainExperts[(locality.ChainId(chain), enterprises.IdOf(enterprise))])
                if (model.SlotOf(Inputs.ExpertPrefix + s.Key) is >= 0 and var slot) row[slot] = s.Score;
            return row;
        }).ToList();
        var scored = ScoredGroup.Score(model, [.. evaluated.Select(n => new RunSubject(enterprises.IdOf(pairs[n].Enterprise), enterprises.PlaceOf(pairs[n].Enterprise), locality.ChainId(pairs[n].Chain)))], pairRows);

        // Scored together (one average for the missing-data rule), ranked within each chain: one chain's 链主 are not
        // ranked against another chain's.
        var rowOf = new int[pairs.Count];
        Array.Fill(rowOf, -1);
        for (var r = 0; r < evaluated.Count; r++) rowOf[evaluated[r]] = r;
        var chainRank = new int?[pairs.Count];
        foreach (var chain in evaluated.GroupBy(n => pairs[n].Chain))
        {
            var members = chain.ToList();
            var ranks = Scorer.Ranks(members.Select(n => scored.Scores.Outcomes[rowOf[n]].Total).ToList());
            for (var m = 0; m < members.Count; m++) chainRank[members[m]] = ranks[m];
        }

        var candidates = new List<TierCandidate>(pairs.Count);
        for (var n = 0; n < pairs.Count; n++)
        {
            var (chain, enterprise) = pairs[n];
            var (chainId, id) = (locality.ChainId(chain), enterprises.IdOf(enterprise));
            var had = heldTier.TryGetValue((chainId, id), out var t) ? t : (Tier?)null;
            var reached = rowOf[n] >= 0 ? TierReview.FromClassKey(scored.Scores.Outcomes[rowOf[n]].ClassKey) : null;
            candidates.Add(new(chainId, id, enterprises.PlaceOf(enterprise), rowOf[n], chainRank[n], had, reached, TierReview.Propose(had, reached, evaluated: rowOf[n] >= 0)));
        }
        return new TierReviewOutcome(scored, candidates);
    }

    /// <summary>Why a candidate without facts for the year has no score.</summary>
    public static string NotEvaluated(int year) => $"缺少{year}年度企业数据，未予评价，梯度暂不调整 (no facts for {year})";
}
