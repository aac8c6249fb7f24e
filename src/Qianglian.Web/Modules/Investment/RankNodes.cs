using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Chains;
using Qianglian.Core.Enterprises;
using Qianglian.Core.Investment;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Modules.Investment;

/// <param name="Name">The division as GB/T 4754-2017 names it, e.g. "C32 有色金属冶炼和压延加工业".</param>
public sealed record RelatedIndustry(string Division, string? Section, decimal Proximity, string? Name);

/// <param name="IndustryLabel">The node's code as the standard names it, e.g. "C2643 工业颜料制造".</param>
/// <param name="DivisionLabel">The division whose location quotient is computed, as the standard names it.</param>
public sealed record RankedNode(int Rank, Guid NodeId, string Name, GapKind Gap, string IndustryCode, string Division, decimal LocationQuotient, decimal Density,
    IReadOnlyList<RelatedIndustry> Related, string? IndustryLabel, string? DivisionLabel);

/// <param name="Region">The jurisdiction whose strengths are measured (the chain's).</param>
/// <param name="Reference">The reference area (the province) whose regions of the same level make up the comparison.</param>
/// <param name="Unranked">Gap nodes that carry no industry code, so cannot be ranked.</param>
public sealed record NodeRankingReport(Guid ChainId, int? Year, string Region, string Reference, int Regions, int Industries, decimal RegionOutput,
    IReadOnlyList<RankedNode> Ranked, IReadOnlyList<string> Unranked);

/// <summary>
/// Which of a chain's gap nodes to attract first (Core's <see cref="Relatedness"/>): each gap node's industry
/// (its GB/T 4754 division) is scored by the location quotient of that industry in the chain's jurisdiction and by
/// its relatedness density — how many of the industries it is close to the jurisdiction already specialises in —
/// over the registry's output of the year in every region of the same level in the province. The registry's output
/// comes through the <see cref="RegionalOutput"/> door as sums per place and industry only (no enterprise leaves it),
/// because a county's quotient needs the province's totals.
/// </summary>
public sealed class RankNodes(AppDb dbs, CurrentUser user, ReadChainGaps gaps)
{
    public async Task<NodeRankingReport> Handle(Guid chainId, int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewInvestment);
        await using var db = dbs.Open();
        var chain = await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chainId, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        year ??= await db.LatestFactYearAsync(ct);
        var nodes = await db.ChainNodes.AsNoTracking().Where(n => n.ChainId == chainId).ToDictionaryAsync(n => n.Id, ct);
        var chainGaps = (await gaps.Handle(year, ct)).Where(g => g.ChainId == chainId).ToList();

        var segments = chain.JurisdictionPath.Trim('/').Split('/');
        // The province is the third segment (nation / province / …); a province's own chain compares provinces.
        var depth = segments.Length;
        var referenceDepth = Math.Min(2, depth - 1);
        var reference = "/" + string.Join('/', segments.Take(Math.Max(referenceDepth, 1))) + "/";
        string RegionOf(string path)
        {
            var parts = path.Trim('/').Split('/');
            return "/" + string.Join('/', parts.Take(Math.Min(depth, parts.Length))) + "/";
        }
        var sums = year is { } y ? await db.OutputByPlaceAndIndustryAsync(reference, y, ct) : [];
        // Industries are the divisions of the same GB/T 4754-2017 table the codes were checked against; output under a
        // code whose division the standard lacks (kept from before the table) is left out rather than made an industry.
        static bool InStandard(string code) => code.Length >= 2 && IndustryClassification.Find(code[..2]) is not null;
        var outputs = sums.Where(s => InStandard(s.IndustryCode)).Select(s => new RegionOutput(RegionOf(s.Path), s.IndustryCode[..2], s.Output)).ToList();

        var codedGaps = chainGaps.Where(g => nodes.TryGetValue(g.Id, out var n) && n.IndustryCode is { } code && InStandard(code)).ToList();
        var ranking = Relatedness.Rank(chain.JurisdictionPath, codedGaps.Select(g => new GapNodeIndustry(g.Id, g.Gap.Name, nodes[g.Id].IndustryCode![..2])).ToList(), outputs);
        var ranked = ranking.Select((r, i) => new RankedNode(i + 1, r.NodeId, r.Name, chainGaps.First(g => g.Id == r.NodeId).Gap.Kind, nodes[r.NodeId].IndustryCode!,
            r.Industry, Math.Round(r.LocationQuotient, 2), Math.Round(r.Density, 3),
            r.Related.Select(x => new RelatedIndustry(x.Industry, IndustryClassification.Find(x.Industry)?.Section.ToString(),
                Math.Round(x.Proximity, 2), IndustryClassification.Find(x.Industry)?.Label)).ToList(),
            IndustryCode.Label(nodes[r.NodeId].IndustryCode), IndustryClassification.Find(r.Industry)?.Label)).ToList();
        var names = await db.JurisdictionNamesByPathAsync([chain.JurisdictionPath, reference], ct);
        return new NodeRankingReport(chainId, year, names.GetValueOrDefault(chain.JurisdictionPath, ""), names.GetValueOrDefault(reference, ""),
            outputs.Select(o => o.Region).Distinct().Count(), outputs.Select(o => o.Industry).Distinct().Count(),
            outputs.Where(o => o.Region == chain.JurisdictionPath).Sum(o => o.Output), ranked,
            chainGaps.Where(g => !codedGaps.Contains(g)).Select(g => g.Gap.Name).ToList());
    }
}
