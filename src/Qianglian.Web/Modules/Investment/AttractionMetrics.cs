using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Core.Investment;
using Qianglian.Core.Projects;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Evaluation;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Investment;

/// <summary>One introduced project behind the attraction KPIs of a jurisdiction and year, at the fraction credited to it.</summary>
/// <param name="InShare">Signed in the year: counted in the manufacturing share.</param>
/// <param name="InFunds">Manufacturing with funds in place this or last year: counted in the funds growth.</param>
public sealed record KpiProject(Guid ProjectId, string Name, string Owner, bool Own, string? IndustryCode, bool Manufacturing, DateOnly? SignedOn,
    decimal Fraction, decimal CreditedInvestment, decimal FundsThisYear, decimal FundsLastYear, bool InShare, bool InFunds)
{
    /// <summary>The industry as GB/T 4754-2017 names it, e.g. "C2614 有机化学原料制造" (shown on screen and in exports).</summary>
    public string? IndustryLabel => Core.Enterprises.IndustryCode.Label(IndustryCode);
}

public sealed record KpiFigures(Kpi ManufacturingShare, Kpi FundsGrowth, decimal FundsThisYear, decimal FundsLastYear, IReadOnlyList<KpiProject> Projects);

/// <summary>
/// 安康 四's attraction KPIs for a jurisdiction and year, from the introduced projects (招商引进, see
/// <see cref="ProjectFlags.Introduced"/>) that count for it at their agreed shares (<see cref="ProjectCredits"/>):
/// the manufacturing share of the planned investment of those signed in the year, and the year-on-year growth of
/// the funds in place of the introduced manufacturing projects. Manufacturing is GB/T 4754 section C (13–43).
/// </summary>
public sealed class AttractionMetrics : IMetricSource
{
    public const string ManufacturingShare = "investment.new_manufacturing.share";
    public const string FundsGrowth = "investment.manufacturing_funds_in_place.growth";

    public bool Supports(string metric) => metric is ManufacturingShare or FundsGrowth;

    public async Task<MetricActual?> ActualAsync(AppDbContext db, string metric, MetricQuery query, CancellationToken ct)
    {
        if (!Supports(metric)) return null;
        var figures = await ComputeAsync(db, query.JurisdictionPath, query.Year, ct);
        var kpi = metric == ManufacturingShare ? figures.ManufacturingShare : figures.FundsGrowth;
        return kpi.Value is { } value ? new MetricActual(value, kpi.Formula, kpi.Behind) : null;
    }

    public static bool IsManufacturing(string? code) => code is not null && IndustryCode.Check(code).Section == 'C';

    public static async Task<KpiFigures> ComputeAsync(AppDbContext db, string path, int year, CancellationToken ct)
    {
        var credited = await ProjectCredits.ForAsync(db, path, p => (p.Flags & ProjectFlags.Introduced) == ProjectFlags.Introduced, ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var newlySigned = credited.Where(c => c.Project.Stage != ProjectStage.Terminated && c.Project.SignedOn >= from && c.Project.SignedOn <= to).ToList();
        var share = AttractionKpis.ManufacturingShare(newlySigned.Select(c => new IntroducedProject(c.Project.Id, c.Project.TotalInvestment * c.InvestmentFraction,
            IsManufacturing(c.Project.IndustryCode))).ToList());

        // A project's own funds rows are visible with it; a neighbour's project's come through the SharedProjects door.
        var manufacturing = credited.Where(c => IsManufacturing(c.Project.IndustryCode)).ToList();
        var ownIds = manufacturing.Where(c => c.Own).Select(c => c.Project.Id).ToList();
        var funds = (await db.Set<FundsInPlace>().AsNoTracking().Where(f => ownIds.Contains(f.ProjectId) && (f.Year == year || f.Year == year - 1))
                .Select(f => new SharedProjects.YearFunds(f.ProjectId, f.Year, f.Amount)).ToListAsync(ct))
            .Concat(await db.SharedInFundsAsync(path, manufacturing.Where(c => !c.Own).Select(c => c.Project.Id), year - 1, year, ct)).ToList();
        decimal Funds(CreditedProject c, int y) => funds.Where(f => f.ProjectId == c.Project.Id && f.Year == y).Sum(f => f.Amount) * c.InvestmentFraction;
        var thisYear = manufacturing.Sum(c => Funds(c, year));
        var lastYear = manufacturing.Sum(c => Funds(c, year - 1));
        var withFunds = manufacturing.Where(c => Funds(c, year) > 0 || Funds(c, year - 1) > 0).ToList();
        var growth = AttractionKpis.FundsGrowth(thisYear, lastYear, withFunds.Select(c => c.Project.Id).ToList());

        var owners = await db.JurisdictionNamesAsync(credited.Select(c => c.Project.JurisdictionId), ct);
        var rows = credited.Where(c => newlySigned.Contains(c) || withFunds.Contains(c)).Select(c => new KpiProject(c.Project.Id, c.Project.Name,
                owners.GetValueOrDefault(c.Project.JurisdictionId, ""), c.Own, c.Project.IndustryCode, IsManufacturing(c.Project.IndustryCode), c.Project.SignedOn,
                c.InvestmentFraction, Math.Round(c.Project.TotalInvestment * c.InvestmentFraction, 2), Math.Round(Funds(c, year), 2), Math.Round(Funds(c, year - 1), 2),
                newlySigned.Contains(c), withFunds.Contains(c)))
            .OrderByDescending(r => r.CreditedInvestment).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new KpiFigures(share, growth, Math.Round(thisYear, 2), Math.Round(lastYear, 2), rows);
    }
}
