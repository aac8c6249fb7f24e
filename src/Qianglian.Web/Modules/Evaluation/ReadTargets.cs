using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Evaluation;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// One line of target tracking: a target (for a per-chain or per-county target, one chain's or county's line)
/// against the actual computed from the data for the year asked, how far along it is, and a forecast to its
/// deadline with the method written out. Without a data source it says so, with what would be needed.
/// </summary>
/// <param name="Subject">The chain or county of a per-chain / per-county line, or the chain a target names.</param>
/// <param name="Actual">Null when no source computes it (<paramref name="NoSource"/> says why) or the year has no data yet.</param>
/// <param name="Progress">Share of an at-least target reached (0–1).</param>
/// <param name="DefaultBasis">When the pack labels the target's numbers a platform default (no seed gives them), its basis.</param>
public sealed record TargetLine(Guid TargetId, string JurisdictionPath, string Key, string Name, string Metric, int? Deadline, int Year, string Comparison, decimal Value, decimal? ValueMax,
    string Unit, string Scope, string? Subject, string Jurisdiction, string Source, decimal? Actual, bool? Met, decimal? Progress, string? Explanation,
    string? NoSource, decimal? Forecast, string? ForecastMethod, bool? ForecastMet, IReadOnlyList<Guid> Behind, string? DefaultBasis);

/// <summary>
/// Every target of the packs in the caller's jurisdictions, tracked for a year through the metric sources of all
/// modules. Amounts across localities come from the sources, which split shared projects by their agreed shares
/// (分投资/分产值) and count each enterprise where it is registered — nothing is counted twice.
/// </summary>
public sealed class ReadTargets(AppDb dbs, CurrentUser user, MetricRegistry metrics, TimeProvider clock, Policies.PlatformDefaults defaults)
{
    public async Task<IReadOnlyList<TargetLine>> Handle(int year, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var today = BusinessDate.Today(clock);
        var targets = (await db.Targets.AsNoTracking().ToListAsync(ct))
            .Where(t => t.Yearly ? year >= (t.FromYear ?? year) : t.Year is null || t.Year >= year)
            .OrderBy(t => t.JurisdictionPath).ThenBy(t => t.Year ?? 0).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        var places = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Id, ct);
        var lines = new List<TargetLine>();
        foreach (var t in targets)
        {
            var home = places.GetValueOrDefault(t.JurisdictionId);
            if (!metrics.Supports(t.Metric))
            {
                lines.Add(Line(t, year, null, home?.Name ?? "", null, MetricCatalog.NoSource(t.Metric), null));
                continue;
            }
            foreach (var (subject, path, reference) in await Expand(db, t, places, ct))
            {
                var query = new MetricQuery(path, year, reference);
                var actual = await metrics.ActualAsync(db, t.Metric, query, ct);
                var forecast = await ForecastAsync(db, t, query, actual, today, ct);
                lines.Add(Line(t, year, subject, home?.Name ?? "", actual, null, forecast));
            }
        }
        return lines;
    }

    public async Task<byte[]> Export(int year, CancellationToken ct)
    {
        var lines = await Handle(year, ct);
        return Workbooks.Rows($"{year}年目标跟踪", lines.Select(l => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["辖区"] = l.Jurisdiction, ["目标"] = l.Name, ["对象"] = l.Subject, ["期限"] = l.Deadline?.ToString() ?? (l.Scope == "" ? "" : "每年"),
            ["目标值"] = $"{l.Comparison} {Number(l.Value)}{(l.ValueMax is { } m ? "–" + Number(m) : "")} {l.Unit}",
            [$"{year}年实际"] = l.Actual, ["单位"] = l.Unit, ["进度"] = l.Progress is { } p ? $"{p * 100:0.#}%" : null,
            ["是否达到"] = l.Met is { } met ? met ? "已达到" : "未达到" : null, ["计算说明"] = l.Explanation ?? l.NoSource,
            ["预测值"] = l.Forecast, ["预测方法"] = l.ForecastMethod, ["预计能否达到"] = l.ForecastMet is { } fm ? fm ? "预计达到" : "预计未达到" : null,
            ["出处"] = l.Source, ["平台默认值"] = l.DefaultBasis,
        }));
    }

    private static string Number(decimal v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private TargetLine Line(Target t, int year, string? subject, string jurisdiction, MetricActual? actual, string? noSource, Projection? forecast) =>
        new(t.Id, t.JurisdictionPath, t.Key, t.Name, t.Metric, t.Yearly ? year : t.Year, year, t.Comparison, t.Value, t.ValueMax, t.UnitOfMeasure, t.Scope, subject ?? t.ScopeRef,
            jurisdiction, t.Source, actual?.Value, actual is null ? null : TargetRules.Meets(t.Comparison, t.Value, t.ValueMax, actual.Value),
            actual is null ? null : TargetRules.Progress(t.Comparison, t.Value, actual.Value),
            actual?.Explanation ?? (noSource is null ? $"{year}年尚无数据 (no data for the year yet)" : null), noSource,
            forecast?.Value, forecast?.Method, forecast?.Value is { } f ? TargetRules.Meets(t.Comparison, t.Value, t.ValueMax, f) : null, actual?.Behind ?? [],
            defaults.BasisOf(t.PackCode, Policies.Packs.PackReader.FileName, $"targets[{t.Key}]"));

    /// <summary>
    /// Which chains a per-chain target speaks of: the chains kept at the target's own jurisdiction (达州's "每个产业链条" are
    /// the city's chains; a county's own chains have the county's targets). Every screen that shows the target against a
    /// chain asks this.
    /// </summary>
    public static bool PerChainCovers(Target t, Guid chainJurisdictionId) => t.JurisdictionId == chainJurisdictionId;

    /// <summary>The lines a target asks for: itself, or one per chain / county of its jurisdiction.</summary>
    private static async Task<IReadOnlyList<(string? Subject, string Path, string? Reference)>> Expand(AppDbContext db, Target t,
        IReadOnlyDictionary<Guid, Jurisdiction> places, CancellationToken ct)
    {
        switch (t.Scope)
        {
            case "perChain":
            {
                var chains = (await db.Chains.AsNoTracking().Where(c => c.JurisdictionPath == t.JurisdictionPath).OrderBy(c => c.Ordinal).ThenBy(c => c.Name).ToListAsync(ct))
                    .Where(c => PerChainCovers(t, c.JurisdictionId)).ToList();
                if (chains.Count > 0) return chains.Select(c => ((string?)c.Name, t.JurisdictionPath, (string?)c.Id.ToString())).ToList();
                break;
            }
            // 达州 （五）"各产业领域每年至少举办一场": one line per domain (产业领域) kept at the target's jurisdiction.
            case "perEcosystem":
            {
                var domains = await db.Ecosystems.AsNoTracking().Where(e => e.JurisdictionId == t.JurisdictionId).OrderBy(e => e.Name).ToListAsync(ct);
                if (domains.Count > 0) return domains.Select(d => ((string?)d.Name, t.JurisdictionPath, (string?)d.Id.ToString())).ToList();
                break;
            }
            case "perCounty":
            {
                var counties = places.Values.Where(j => j.Level == JurisdictionLevel.County && j.JurisdictionPath.StartsWith(t.JurisdictionPath, StringComparison.Ordinal)
                                                        && j.Id != t.JurisdictionId).OrderBy(j => j.Code).ToList();
                if (counties.Count > 0) return counties.Select(c => ((string?)c.Name, c.JurisdictionPath, (string?)null)).ToList();
                break;
            }
        }
        return [(null, t.JurisdictionPath, t.ScopeRef)];
    }

    /// <summary>
    /// A flow of the current year with the deadline this year runs on from the months elapsed; a count or amount due
    /// in a later year is carried forward at the growth of the last years' actuals; a closed year needs none.
    /// </summary>
    private async Task<Projection?> ForecastAsync(AppDbContext db, Target t, MetricQuery q, MetricActual? actual, DateOnly today, CancellationToken ct)
    {
        var deadline = t.Yearly ? q.Year : t.Year ?? q.Year;
        if (deadline < today.Year) return null;
        if (MetricCatalog.IsFlow(t.Metric))
            return deadline == today.Year && q.Year == today.Year && actual is not null ? Forecast.FromMonths(actual.Value, today.Month - 1) : null;
        if (!MetricCatalog.Forecastable(t.UnitOfMeasure)) return new(null, $"{t.UnitOfMeasure}类指标不作推算 (not forecast)");
        var history = new List<(int, decimal)>();
        for (var y = Math.Min(q.Year, today.Year) - 3; y <= Math.Min(q.Year, today.Year); y++)
            if ((y == q.Year ? actual : await metrics.ActualAsync(db, t.Metric, q with { Year = y }, ct)) is { } a)
                history.Add((y, a.Value));
        return Forecast.FromHistory(history, deadline);
    }
}
