using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Quotas;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Evaluation;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>
/// The quota figures as target metrics (the evaluation module asks every <see cref="IMetricSource"/>): for each element,
/// <c>quotas.{element}.allocated</c> and <c>quotas.{element}.consumed</c> — e.g. <c>quotas.land.allocated</c>, in the
/// element's unit — over the chains of the target's place, or of one chain (scope reference: its id or name). No pool,
/// no figure: the target then says it has no data.
/// </summary>
public sealed class QuotaMetrics : IMetricSource
{
    private static readonly Dictionary<string, (QuotaElement Element, bool Consumed)> Keys =
        QuotaElements.All.SelectMany(e => new[] { ($"quotas.{Key(e)}.allocated", (e, false)), ($"quotas.{Key(e)}.consumed", (e, true)) })
            .ToDictionary(k => k.Item1, k => k.Item2);

    /// <summary>"land", "energy", "chemical_oxygen_demand", …</summary>
    public static string Key(QuotaElement element) =>
        string.Concat(element.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    public bool Supports(string metric) => Keys.ContainsKey(metric);

    public async Task<MetricActual?> ActualAsync(AppDbContext db, string metric, MetricQuery query, CancellationToken ct)
    {
        var (element, consumed) = Keys[metric];
        var rows = (await QuotaFigures.ForAsync(db, query.Year, query.JurisdictionPath, null, ct)).Where(r => r.Element == element).ToList();
        if (query.ScopeRef is { } reference)
        {
            var named = (await db.Chains.Where(c => c.Name == reference).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
            rows = rows.Where(r => r.ChainId.ToString() == reference || named.Contains(r.ChainId)).ToList();
        }
        if (rows.Count == 0) return null;
        var sum = QuotaPoolFigures.Sum(rows.Select(r => r.Figures));
        var value = consumed ? sum.Consumed : sum.Allocated;
        var what = consumed ? "已使用" : "已分配";
        return new(value, $"{query.Year}年{rows.Count}条产业链{QuotaElements.Name(element)}{what}{QuotaElements.Amount(value, element)}（指标池{QuotaElements.Amount(sum.Pool, element)}）",
            rows.Select(r => r.ChainId).Distinct().ToList());
    }
}
