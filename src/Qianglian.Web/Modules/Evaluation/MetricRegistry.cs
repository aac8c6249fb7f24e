using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// Every registered <see cref="IMetricSource"/> behind one door: which metric keys have a source, and the actual of
/// a key (null when no source supports it — never a made-up number).
/// </summary>
public sealed class MetricRegistry(IEnumerable<IMetricSource> sources)
{
    public bool Supports(string metric) => sources.Any(s => s.Supports(metric));

    public async Task<MetricActual?> ActualAsync(AppDbContext db, string metric, MetricQuery query, CancellationToken ct) =>
        sources.FirstOrDefault(s => s.Supports(metric)) is { } source ? await source.ActualAsync(db, metric, query, ct) : null;
}
