namespace Qianglian.Core.Projects;

/// <summary>A locality a project counts for, with its agreed percentages of investment and output (分投资、分产值).</summary>
public sealed record LocalityShare(Guid LocalityId, decimal InvestmentPercent, decimal OutputPercent);

/// <summary>
/// 分投资、分产值 (攀枝花 二): a project built across localities is counted by each at the agreed percentages, which
/// sum to 100% for investment and for output, so statistics never count it twice. No shares: the project's own
/// jurisdiction counts it whole.
/// </summary>
public static class Shares
{
    public static IEnumerable<(string Field, string Message)> Check(IReadOnlyList<LocalityShare> shares)
    {
        if (shares.Count == 0) yield break;
        if (shares.GroupBy(s => s.LocalityId).Any(g => g.Count() > 1))
            yield return ("shares", "同一辖区不能重复分成 (a locality appears twice)");
        if (shares.Any(s => s.InvestmentPercent is < 0 or > 100 || s.OutputPercent is < 0 or > 100))
            yield return ("shares", "分成比例应在0%到100%之间 (percentages must be 0–100)");
        var investment = shares.Sum(s => s.InvestmentPercent);
        var output = shares.Sum(s => s.OutputPercent);
        if (investment != 100m) yield return ("shares", $"分投资比例合计为{investment:0.##}%，应为100% (investment shares must sum to 100%)");
        if (output != 100m) yield return ("shares", $"分产值比例合计为{output:0.##}%，应为100% (output shares must sum to 100%)");
    }

    /// <summary>The investment percentages to use: the agreed shares, else 100% to the project's own jurisdiction.</summary>
    public static IReadOnlyList<(Guid Locality, decimal Fraction)> InvestmentSplit(Guid home, IReadOnlyList<LocalityShare> shares) =>
        shares.Count == 0 ? [(home, 1m)] : shares.Select(s => (s.LocalityId, s.InvestmentPercent / 100m)).ToList();

    public static IReadOnlyList<(Guid Locality, decimal Fraction)> OutputSplit(Guid home, IReadOnlyList<LocalityShare> shares) =>
        shares.Count == 0 ? [(home, 1m)] : shares.Select(s => (s.LocalityId, s.OutputPercent / 100m)).ToList();
}
