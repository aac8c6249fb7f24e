namespace Qianglian.Core.Evaluation;

/// <summary>
/// 安康 三："支持各县（市、区）重点培育1~2个百亿级首位工业产业". A county's 首位产业 counts once its recorded output reaches
/// 100亿元; the count is of the distinct industries that do.
/// </summary>
public static class LeadingIndustries
{
    public const decimal HundredBillionYi = 100m;

    public static IReadOnlyList<string> AtHundredBillion(IEnumerable<(string Industry, decimal OutputYi)> recorded) =>
        recorded.Where(r => r.OutputYi >= HundredBillionYi).Select(r => r.Industry.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
