using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Quotas;
using Qianglian.Web.Api;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>The lookups every quota write shares: the chain (visible to the caller, else 404), the pool, the refusals.</summary>
internal static class QuotaPools
{
    public static async Task<Chain> ChainAsync(AppDbContext db, Guid? id, string field, CancellationToken ct) =>
        id is { } chainId
            ? await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chainId, ct) ?? throw new NotFoundException(field, "产业链不存在 (chain not found)")
            : throw new ValidationException(field, "请选择产业链 (the chain is required)");

    public static (int Year, QuotaElement Element) Key(int? year, QuotaElement? element)
    {
        var y = year ?? throw new ValidationException("year", "请填写年度 (the year is required)");
        Refuse(QuotaBalance.CheckYear(y));
        return (y, element ?? throw new ValidationException("element", "请选择要素类别 (the element is required)"));
    }

    /// <summary>The chain's pool of the element for the year, tracked; a new empty one when none was opened yet.</summary>
    public static async Task<QuotaPool> OpenAsync(AppDbContext db, Chain chain, int year, QuotaElement element, CancellationToken ct) =>
        await db.Set<QuotaPool>().FirstOrDefaultAsync(p => p.ChainId == chain.Id && p.Year == year && p.Element == element, ct)
        ?? db.Add(new QuotaPool { JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, Year = year, Element = element }).Entity;

    public static QuotaPoolFigures Figures(QuotaPool? pool) =>
        pool is null ? QuotaPoolFigures.Empty : new(pool.Granted, pool.TransferredIn, pool.TransferredOut, pool.Allocated, 0);

    public static decimal Amount(decimal? amount, string field = "amount")
    {
        var value = amount ?? throw new ValidationException(field, "请填写数量 (the amount is required)");
        Refuse(QuotaBalance.CheckAmount(value, field));
        return value;
    }

    /// <summary>Core's refusals as one problem+json (400) naming each field.</summary>
    public static void Refuse(IReadOnlyList<(string Field, string Message)> refusals)
    {
        if (refusals.Count > 0)
            throw new ValidationException(refusals.GroupBy(r => r.Field).ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray()));
    }
}
