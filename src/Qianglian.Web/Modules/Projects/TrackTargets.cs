using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Evaluation;

namespace Qianglian.Web.Modules.Projects;

/// <param name="Met">Whether the actual satisfies the target's comparison; null when no actual could be computed.</param>
public sealed record TargetProgress(Guid TargetId, string Name, string Metric, int Year, string Comparison, decimal Value, decimal? ValueMax,
    string Unit, string Source, string? JurisdictionName, decimal? Actual, bool? Met, string? Explanation, IReadOnlyList<Guid> Behind);

/// <summary>
/// The packs' yearly targets for projects and investment attraction (黔江 三（三）7, 安康 一、二、四、九) against their
/// actuals, computed by the registered <see cref="IMetricSource"/>s over the target's jurisdiction.
/// </summary>
public sealed class TrackTargets(AppDb dbs, CurrentUser user, IEnumerable<IMetricSource> sources)
{
    private static readonly string[] Prefixes = ["projects.", "approvals.", "investment."];

    public async Task<IReadOnlyList<TargetProgress>> Handle(int year, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var targets = (await db.Targets.AsNoTracking().ToListAsync(ct))
            .Where(t => Prefixes.Any(p => t.Metric.StartsWith(p, StringComparison.Ordinal)))
            .Where(t => t.Yearly ? year >= (t.FromYear ?? year) : t.Year == year)
            .OrderBy(t => t.JurisdictionPath).ThenBy(t => t.Key).ToList();
        var names = await ReadProjects.JurisdictionNames(db, targets.Select(t => t.JurisdictionId), ct);
        var result = new List<TargetProgress>();
        foreach (var t in targets)
        {
            var source = sources.FirstOrDefault(s => s.Supports(t.Metric));
            var actual = source is null ? null : await source.ActualAsync(db, t.Metric, new MetricQuery(t.JurisdictionPath, year, t.ScopeRef), ct);
            result.Add(new TargetProgress(t.Id, t.Name, t.Metric, year, t.Comparison, t.Value, t.ValueMax, t.UnitOfMeasure, t.Source,
                names.GetValueOrDefault(t.JurisdictionId), actual?.Value, actual is null ? null : Meets(t, actual.Value), actual?.Explanation, actual?.Behind ?? []));
        }
        return result;
    }

    public static bool Meets(Target t, decimal actual) => Core.Evaluation.TargetRules.Meets(t.Comparison, t.Value, t.ValueMax, actual);
}
