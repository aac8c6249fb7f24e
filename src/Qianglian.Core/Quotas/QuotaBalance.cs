namespace Qianglian.Core.Quotas;

/// <summary>
/// A chain's pool of one element for one year: what was granted to it, moved in and out by the office's transfers
/// (统筹调剂, 攀枝花 二), allocated by the chain chief to projects, and consumed by them.
/// </summary>
public sealed record QuotaPoolFigures(decimal Granted, decimal TransferredIn, decimal TransferredOut, decimal Allocated, decimal Consumed)
{
    public static readonly QuotaPoolFigures Empty = new(0, 0, 0, 0, 0);

    /// <summary>The pool the chain holds: granted, plus transfers in, less transfers out.</summary>
    public decimal Pool => Granted + TransferredIn - TransferredOut;

    /// <summary>What the chief may still allocate. Never negative: every write is checked against it.</summary>
    public decimal Unallocated => Pool - Allocated;

    /// <summary>Allocated to projects and not yet used by them.</summary>
    public decimal AllocatedUnused => Allocated - Consumed;

    /// <summary>The share of the pool allocated to projects; none when the chain holds no pool (never 0 for "no data").</summary>
    public decimal? AllocatedShare => Pool > 0 ? decimal.Round(Allocated / Pool, 4) : null;

    /// <summary>The share of the allocations the projects have used; none when nothing was allocated.</summary>
    public decimal? UsedShare => Allocated > 0 ? decimal.Round(Consumed / Allocated, 4) : null;

    /// <summary>The figures of several pools (a chain's element over its counties, or every chain of a place) added up.</summary>
    public static QuotaPoolFigures Sum(IEnumerable<QuotaPoolFigures> pools) => pools.Aggregate(Empty, (a, b) =>
        new(a.Granted + b.Granted, a.TransferredIn + b.TransferredIn, a.TransferredOut + b.TransferredOut, a.Allocated + b.Allocated, a.Consumed + b.Consumed));
}

/// <summary>
/// The balance rules of the quota ledger: a quota is a finite grant, so nothing may be allocated, consumed or
/// transferred beyond what is there — a pool, or an allocation, never goes negative. Each refusal names the field and
/// gives the figures (what is asked, what is left, in the element's unit) so the caller can correct it.
/// </summary>
public static class QuotaBalance
{
    /// <summary>Amounts are positive and kept to 4 decimals (亩 and 吨 to the square metre and kilogram).</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckAmount(decimal amount, string field = "amount") =>
        amount <= 0 ? [(field, "数量须大于零 (the amount must be positive)")]
        : decimal.Round(amount, 4) != amount ? [(field, "数量最多保留4位小数 (at most 4 decimals)")]
        : amount > 1_000_000_000m ? [(field, "数量超出范围 (the amount is too large)")]
        : [];

    /// <summary>The chief allocates to a project no more than the pool still holds.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckAllocation(QuotaPoolFigures pool, QuotaElement element, decimal amount)
    {
        var bad = CheckAmount(amount);
        if (bad.Count > 0) return bad;
        return amount > pool.Unallocated
            ? [("amount", $"分配{QuotaElements.Amount(amount, element)}超出可分配余额{QuotaElements.Amount(pool.Unallocated, element)}（指标池{QuotaElements.Amount(pool.Pool, element)}，已分配{QuotaElements.Amount(pool.Allocated, element)}） (exceeds the unallocated balance)")]
            : [];
    }

    /// <summary>A project uses no more than it was allocated: use beyond the allocation needs a new request first.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckConsumption(decimal allocated, decimal consumed, QuotaElement element, decimal amount)
    {
        var bad = CheckAmount(amount);
        if (bad.Count > 0) return bad;
        var left = allocated - consumed;
        return amount > left
            ? [("amount", $"使用{QuotaElements.Amount(amount, element)}超出该项目剩余分配额{QuotaElements.Amount(left, element)}（已分配{QuotaElements.Amount(allocated, element)}，已使用{QuotaElements.Amount(consumed, element)}） (exceeds what is left of the allocation)")]
            : [];
    }

    /// <summary>
    /// The office moves quota from one chain's pool to another's (统筹调剂): only what the giving chain has not
    /// allocated, between two different chains, of the same element and year (a transfer never converts land into energy).
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> CheckTransfer(QuotaPoolFigures from, Guid fromChain, Guid toChain, QuotaElement element, decimal amount)
    {
        if (fromChain == toChain) return [("toChainId", "调入与调出须为不同产业链 (the chains must differ)")];
        var bad = CheckAmount(amount);
        if (bad.Count > 0) return bad;
        return amount > from.Unallocated
            ? [("amount", $"调出{QuotaElements.Amount(amount, element)}超出调出产业链可分配余额{QuotaElements.Amount(from.Unallocated, element)}（指标池{QuotaElements.Amount(from.Pool, element)}，已分配{QuotaElements.Amount(from.Allocated, element)}） (exceeds the giving chain's unallocated balance)")]
            : [];
    }

    /// <summary>A ledger year the documents cover: 攀枝花's and 西区's measures run to 2027; the platform accepts 2000–2100.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckYear(int year) =>
        year is < 2000 or > 2100 ? [("year", "年度须在2000至2100之间 (the year must be between 2000 and 2100)")] : [];
}
