namespace Qianglian.Core.Evaluation;

/// <summary>
/// "逐年提升" (黔江 24：工业贷款占全部贷款的比重逐年提升): how far a share moved from the year before, in percentage
/// points. Both years must be recorded; a missing year gives no figure (never a rise from zero).
/// </summary>
public static class YearlyRise
{
    public static decimal? Points(decimal? thisYear, decimal? lastYear) =>
        thisYear is { } now && lastYear is { } before ? now - before : null;
}
