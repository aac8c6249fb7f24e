namespace Qianglian.Core.Investment;

/// <summary>The output of one industry (a GB/T 4754 division, e.g. "32") in one region of the reference area.</summary>
public sealed record RegionOutput(string Region, string Industry, decimal Output);

/// <summary>A gap node of a chain and the industry it belongs to.</summary>
public sealed record GapNodeIndustry(Guid NodeId, string Name, string Industry);

/// <param name="LocationQuotient">区位商 of the node's industry in the region (1 = the reference area's share).</param>
/// <param name="Density">关联密度: the proximity-weighted share of the industry's related industries in which the region specialises (0–1).</param>
/// <param name="Related">The related industries the region already specialises in, closest first, with their proximity.</param>
public sealed record NodeRanking(Guid NodeId, string Name, string Industry, decimal LocationQuotient, decimal Density,
    IReadOnlyList<(string Industry, decimal Proximity)> Related);

/// <summary>
/// Which gap nodes a jurisdiction is best placed to attract (the product-space method of Hidalgo et al.):
/// the location quotient LQ(r,i) = (x_ri / x_r) / (x_Pi / x_P) of each industry in each region of the reference area
/// (the province); a region specialises in i when LQ ≥ 1; the proximity of two industries is the smaller of the two
/// conditional probabilities of being specialised in one given the other, over the regions; and the relatedness
/// density of i in r is Σ_j φ_ij·M_rj / Σ_j φ_ij over the other industries j. Gap nodes rank by density, then LQ.
/// </summary>
public static class Relatedness
{
    public static IReadOnlyDictionary<(string Region, string Industry), decimal> LocationQuotients(IReadOnlyList<RegionOutput> rows)
    {
        var total = rows.Sum(r => r.Output);
        var byRegion = rows.GroupBy(r => r.Region).ToDictionary(g => g.Key, g => g.Sum(r => r.Output));
        var byIndustry = rows.GroupBy(r => r.Industry).ToDictionary(g => g.Key, g => g.Sum(r => r.Output));
        var cells = rows.GroupBy(r => (r.Region, r.Industry)).ToDictionary(g => g.Key, g => g.Sum(r => r.Output));
        var result = new Dictionary<(string, string), decimal>();
        foreach (var region in byRegion.Keys)
            foreach (var industry in byIndustry.Keys)
            {
                var x = cells.GetValueOrDefault((region, industry));
                result[(region, industry)] = total == 0 || byRegion[region] == 0 || byIndustry[industry] == 0
                    ? 0 : x / byRegion[region] / (byIndustry[industry] / total);
            }
        return result;
    }

    /// <summary>φ_ij = |regions specialised in both| / max(|regions specialised in i|, |regions specialised in j|).</summary>
    public static IReadOnlyDictionary<(string A, string B), decimal> Proximities(IReadOnlyDictionary<(string Region, string Industry), decimal> lq)
    {
        var specialised = lq.Where(kv => kv.Value >= 1).GroupBy(kv => kv.Key.Industry).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key.Region).ToHashSet());
        var industries = lq.Keys.Select(k => k.Industry).Distinct().ToList();
        var result = new Dictionary<(string, string), decimal>();
        foreach (var a in industries)
            foreach (var b in industries.Where(b => b != a))
            {
                var ra = specialised.GetValueOrDefault(a) ?? [];
                var rb = specialised.GetValueOrDefault(b) ?? [];
                var max = Math.Max(ra.Count, rb.Count);
                result[(a, b)] = max == 0 ? 0 : (decimal)ra.Count(rb.Contains) / max;
            }
        return result;
    }

    public static IReadOnlyList<NodeRanking> Rank(string region, IReadOnlyList<GapNodeIndustry> gaps, IReadOnlyList<RegionOutput> reference)
    {
        var lq = LocationQuotients(reference);
        var phi = Proximities(lq);
        var industries = lq.Keys.Select(k => k.Industry).Distinct().ToList();
        bool Specialised(string industry) => lq.GetValueOrDefault((region, industry)) >= 1;
        return gaps.Select(g =>
        {
            var neighbours = industries.Where(j => j != g.Industry).Select(j => (Industry: j, Proximity: phi.GetValueOrDefault((g.Industry, j)))).ToList();
            var weight = neighbours.Sum(n => n.Proximity);
            var density = weight == 0 ? 0 : neighbours.Where(n => Specialised(n.Industry)).Sum(n => n.Proximity) / weight;
            var related = neighbours.Where(n => n.Proximity > 0 && Specialised(n.Industry)).OrderByDescending(n => n.Proximity).ThenBy(n => n.Industry, StringComparer.Ordinal).ToList();
            return new NodeRanking(g.NodeId, g.Name, g.Industry, lq.GetValueOrDefault((region, g.Industry)), density, related);
        }).OrderByDescending(r => r.Density).ThenByDescending(r => r.LocationQuotient).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }
}
