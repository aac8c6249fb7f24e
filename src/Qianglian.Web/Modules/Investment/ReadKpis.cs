using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Investment;

/// <summary>The KPIs of one jurisdiction below the asked one, without its project list.</summary>
public sealed record KpiBreakdown(Guid JurisdictionId, string Jurisdiction, string JurisdictionPath, decimal? ManufacturingShare, decimal? FundsGrowth,
    decimal FundsThisYear, decimal FundsLastYear);

/// <param name="ShareTarget">The pack's target for the share (安康: ≥ 35), from the nearest jurisdiction that sets one.</param>
public sealed record KpiReport(Guid JurisdictionId, string Jurisdiction, int Year, KpiFigures Figures, decimal? ShareTarget, decimal? GrowthTarget,
    IReadOnlyList<KpiBreakdown> Below);

/// <summary>The attraction KPIs of a jurisdiction (the caller's, or one below it) for a year, with the projects behind them and each jurisdiction directly below.</summary>
public sealed class ReadKpis(AppDb dbs, CurrentUser user)
{
    public async Task<KpiReport> Handle(int year, Guid? jurisdictionId, CancellationToken ct)
    {
        user.Require(Permission.ViewInvestment);
        if (year is < 2000 or > 2100) throw new ValidationException("year", $"年度无效：{year} (invalid year)");
        await using var db = dbs.Open();
        var place = jurisdictionId is { } id
            ? await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)")
            : await db.Jurisdictions.AsNoTracking().Where(j => db.Scope.SeesAll ? j.ParentId == null : j.JurisdictionPath == db.Scope.Path).FirstAsync(ct);
        var figures = await AttractionMetrics.ComputeAsync(db, place.JurisdictionPath, year, ct);
        var below = new List<KpiBreakdown>();
        foreach (var child in await db.Jurisdictions.AsNoTracking().Where(j => j.ParentId == place.Id).OrderBy(j => j.Code).ToListAsync(ct))
        {
            var f = await AttractionMetrics.ComputeAsync(db, child.JurisdictionPath, year, ct);
            below.Add(new KpiBreakdown(child.Id, child.Name, child.JurisdictionPath, f.ManufacturingShare.Value, f.FundsGrowth.Value, f.FundsThisYear, f.FundsLastYear));
        }
        // Targets are set by the city for itself and its counties alike: the nearest one at or above the jurisdiction
        // applies (configuration it inherits, through the InheritedConfiguration door).
        var targets = await db.InheritedAsync<Evaluation.Target>([place.JurisdictionPath], ct,
            t => t.Metric == AttractionMetrics.ManufacturingShare || t.Metric == AttractionMetrics.FundsGrowth);
        decimal? TargetOf(string metric) => InheritedConfiguration.Nearest(targets.Where(t => t.Metric == metric), place.JurisdictionPath)?.Value;
        return new KpiReport(place.Id, place.Name, year, figures, TargetOf(AttractionMetrics.ManufacturingShare), TargetOf(AttractionMetrics.FundsGrowth), below);
    }
}
