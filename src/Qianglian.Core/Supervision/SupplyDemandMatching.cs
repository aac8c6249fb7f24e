using Qianglian.Core.Enterprises;

namespace Qianglian.Core.Supervision;

/// <summary>Points out of 100 for each part of a match; they must sum to 100.</summary>
public sealed record MatchWeights(int Node, int Product, int Locality, int Scale)
{
    public static readonly MatchWeights Default = new(35, 35, 20, 10);

    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (Node < 0 || Product < 0 || Locality < 0 || Scale < 0) yield return ("matching", "权重不能为负 (weights cannot be negative)");
        var sum = Node + Product + Locality + Scale;
        if (sum != 100) yield return ("matching", $"匹配权重之和应为100，实为{sum} (weights must sum to 100, not {sum})");
    }
}

/// <summary>One side of a match as the scorer sees it: where on the chain, what (as keywords), where, how big.</summary>
public sealed record MatchSide(Guid? ChainId, Guid? NodeId, IReadOnlySet<string> Keywords, string JurisdictionPath, SizeClass? Size);

public sealed record MatchScore(decimal Total, decimal Node, decimal Product, decimal Locality, decimal Scale, IReadOnlyList<string> SharedKeywords, string Explanation);

/// <summary>
/// 供需对接 (达州 （五）, 黔江 18): ranks a counterpart for a supply or demand by four parts — the chain node (same node
/// 1, same chain 0.4), the product text (keywords in common over the shorter list), locality (same jurisdiction 1,
/// same parent 0.6, same province 0.3) and the counterpart's size class (large 1 … micro 0.25) — each times its
/// weight. Keywords come from Chinese word segmentation at the edge (<see cref="Keywords"/>).
/// </summary>
public static class SupplyDemandMatching
{
    public static MatchScore Score(MatchSide post, MatchSide candidate, MatchWeights weights)
    {
        var node = post.NodeId is { } n && n == candidate.NodeId ? 1m
            : post.ChainId is { } c && c == candidate.ChainId ? 0.4m
            : 0m;
        var shared = post.Keywords.Intersect(candidate.Keywords).Order(StringComparer.Ordinal).ToList();
        var shorter = Math.Min(post.Keywords.Count, candidate.Keywords.Count);
        var product = shorter == 0 ? 0m : (decimal)shared.Count / shorter;
        var locality = Locality(post.JurisdictionPath, candidate.JurisdictionPath);
        var scale = candidate.Size switch
        {
            SizeClass.Large => 1m, SizeClass.Medium => 0.75m, SizeClass.Small => 0.5m, SizeClass.Micro => 0.25m, _ => 0m,
        };
        decimal Points(decimal part, int weight) => Math.Round(part * weight, 2);
        var (pn, pp, pl, ps) = (Points(node, weights.Node), Points(product, weights.Product), Points(locality, weights.Locality), Points(scale, weights.Scale));
        var total = pn + pp + pl + ps;
        var explanation = $"环节 {node:0.##}×{weights.Node} + 产品 {shared.Count}/{shorter}×{weights.Product} + 属地 {locality:0.##}×{weights.Locality} + 规模 {scale:0.##}×{weights.Scale} = {total:0.##}";
        return new MatchScore(total, pn, pp, pl, ps, shared, explanation);
    }

    /// <summary>
    /// Same jurisdiction 1; within one city (a city and its counties, two counties, a county and its park) 0.6; within
    /// one province 0.3; else 0. Paths start at the national root: /100000/province/city/county/….
    /// </summary>
    public static decimal Locality(string a, string b)
    {
        if (a == b) return 1m;
        var sa = a.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var sb = b.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var common = 0;
        while (common < sa.Length && common < sb.Length && sa[common] == sb[common]) common++;
        return common >= 3 ? 0.6m : common >= 2 ? 0.3m : 0m;
    }
}

/// <summary>Keywords of a product text from its segmented words: punctuation, stop words and blanks dropped.</summary>
public static class Keywords
{
    private static readonly HashSet<string> StopWords =
    [
        "的", "和", "与", "及", "或", "等", "各", "类", "用", "以及", "其他", "相关", "有关", "需要", "需求", "提供", "供应", "采购",
        "产品", "生产", "我们", "公司", "企业", "本地", "长期", "大量", "一批", "若干", "年", "吨", "件", "个", "万", "元", "可", "能",
    ];

    public static IReadOnlySet<string> From(IEnumerable<string> words) =>
        words.Select(w => w.Trim().ToLowerInvariant())
            .Where(w => w.Length > 0 && w.Any(char.IsLetterOrDigit) && !StopWords.Contains(w))
            .Where(w => w.Length > 1 || IsCjk(w[0]))
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}
