using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>Which figure a target asks for: a jurisdiction (its subtree), a year, and the target's scope reference.</summary>
public sealed record MetricQuery(string JurisdictionPath, int Year, string? ScopeRef = null);

/// <summary>An actual value in the target's unit of measure, how it was computed, and the rows behind it.</summary>
public sealed record MetricActual(decimal Value, string Explanation, IReadOnlyList<Guid> Behind);

/// <summary>
/// Computes the actual of the metric keys a module owns (e.g. <c>projects.reserve.count</c>). Modules register
/// their sources in DI; target tracking and the dashboard ask every source that <see cref="Supports"/> a key.
/// The context passed in is the caller's, so the figures are those of the caller's scope.
/// </summary>
public interface IMetricSource
{
    bool Supports(string metric);

    Task<MetricActual?> ActualAsync(AppDbContext db, string metric, MetricQuery query, CancellationToken ct);
}
