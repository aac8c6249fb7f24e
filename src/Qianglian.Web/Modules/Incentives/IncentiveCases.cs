using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Core.Incentives;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>What an applicant declares beyond the project record (category, purchase, loan terms, attested facts).</summary>
public sealed record Declared(string? Category = null, decimal? PurchaseAmount = null, decimal? LoanPrincipal = null,
    decimal? LoanRate = null, int? LoanDays = null, IReadOnlyList<string>? Attested = null)
{
    public static Declared Of(IncentiveApplication a) => new(a.Category, a.PurchaseAmount, a.LoanPrincipal, a.LoanRate, a.LoanDays, a.Attested);
}

/// <summary>
/// Builds the facts of cases (project, enterprise data, declarations) and finds the measures that apply where a
/// project is. Policies of higher jurisdictions apply below them: a 西区 project may claim a 攀枝花 measure, so
/// applicable measures are read along the project's ancestor paths (policy text is public to those it governs).
/// </summary>
public static class IncentiveCases
{
    public static IQueryable<IncentiveMeasure> Applicable(AppDbContext db, string jurisdictionPath)
    {
        var paths = Qianglian.Core.Jurisdictions.JurisdictionPath.SelfAndAncestors(jurisdictionPath);
        return db.Set<IncentiveMeasure>().IgnoreQueryFilters([ScopeFilters.Jurisdiction]).Where(m => m.Active && paths.Contains(m.JurisdictionPath));
    }

    /// <summary>A measure referenced by a visible application or chosen for a visible project (possibly a parent's).</summary>
    public static async Task<IncentiveMeasure?> FindMeasure(AppDbContext db, Guid measureId, string jurisdictionPath, CancellationToken ct) =>
        await Applicable(db, jurisdictionPath).FirstOrDefaultAsync(m => m.Id == measureId, ct)
        ?? await db.Set<IncentiveMeasure>().FirstOrDefaultAsync(m => m.Id == measureId, ct);

    /// <summary>The stacking clause that governs a place: the nearest pack at or above it that states one.</summary>
    public static async Task<string?> StackingClause(AppDbContext db, string jurisdictionPath, CancellationToken ct)
    {
        var paths = Qianglian.Core.Jurisdictions.JurisdictionPath.SelfAndAncestors(jurisdictionPath);
        var packs = await db.Set<IncentivePack>().IgnoreQueryFilters([ScopeFilters.Jurisdiction])
            .Where(p => p.StackingClause != null && paths.Contains(p.JurisdictionPath)).ToListAsync(ct);
        var nearest = packs.OrderByDescending(p => p.JurisdictionPath.Length).FirstOrDefault();
        return nearest is null ? null : nearest.StackingSource is { } source ? $"{source}：{nearest.StackingClause}" : nearest.StackingClause;
    }

    public static IReadOnlySet<string> FlagNames(ProjectFlags flags) =>
        Enum.GetValues<ProjectFlags>().Where(f => f != ProjectFlags.None && flags.HasFlag(f)).Select(f => f.ToString()).ToHashSet();

    /// <summary>The enterprise data rules test: size class from the latest year's facts, honours held.</summary>
    public sealed record EnterpriseData(SizeClass? Size, IReadOnlyList<HonourFact> Honours);

    public static async Task<Dictionary<Guid, EnterpriseData>> EnterpriseDataOf(AppDbContext db, IReadOnlyCollection<Guid> enterpriseIds, int year, CancellationToken ct)
    {
        var facts = await db.EnterpriseFacts.AsNoTracking().Where(f => enterpriseIds.Contains(f.EnterpriseId) && f.Year <= year)
            .Select(f => new { f.EnterpriseId, f.Year, f.Employees, f.Revenue }).ToListAsync(ct);
        var honours = await db.EnterpriseHonours.AsNoTracking().Where(h => enterpriseIds.Contains(h.EnterpriseId))
            .Select(h => new { h.EnterpriseId, h.Kind, h.Level }).ToListAsync(ct);
        return enterpriseIds.Distinct().ToDictionary(id => id, id =>
        {
            var latest = facts.Where(f => f.EnterpriseId == id).MaxBy(f => f.Year);
            return new EnterpriseData(latest is null ? null : EnterpriseSize.Classify(latest.Employees, latest.Revenue),
                honours.Where(h => h.EnterpriseId == id).Select(h => new HonourFact(h.Kind.ToString(), h.Level.ToString())).ToList());
        });
    }

    public static CaseFacts Facts(Project? project, EnterpriseData? enterprise, Declared declared, DateOnly on)
    {
        var figures = new Dictionary<Figure, decimal>();
        void Put(Figure f, decimal? value) { if (value is { } v && v != 0m) figures[f] = v; }
        Put(Figure.EquipmentInvestment, project?.EquipmentInvestment);
        Put(Figure.TotalInvestment, project?.TotalInvestment);
        Put(Figure.NewOutputValue, project?.NewOutputValue);
        // 购置额 is declared on the application; the project's equipment investment stands in until it is.
        Put(Figure.PurchaseAmount, declared.PurchaseAmount ?? project?.EquipmentInvestment);
        Put(Figure.LoanPrincipal, declared.LoanPrincipal);
        return new CaseFacts
        {
            On = on,
            ProjectFlags = project is null ? new HashSet<string>() : FlagNames(project.Flags),
            PlannedCompletion = project?.PlannedCompletion,
            ActualCompletion = project?.ActualCompletion,
            Figures = figures,
            Category = declared.Category,
            EnterpriseSize = enterprise?.Size,
            Honours = enterprise?.Honours ?? [],
            LoanRate = declared.LoanRate,
            LoanDays = declared.LoanDays,
            Attested = (declared.Attested ?? []).ToHashSet(),
        };
    }

    /// <summary>Evaluates one application as it stands today.</summary>
    public static async Task<IncentiveResult> Evaluate(AppDbContext db, IncentiveApplication application, IncentiveMeasure measure, DateOnly on, CancellationToken ct)
    {
        var project = application.ProjectId is { } p ? await db.Projects.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == p, ct) : null;
        var data = await EnterpriseDataOf(db, [application.EnterpriseId], on.Year, ct);
        return IncentiveCalculator.Evaluate(measure.Terms, Facts(project, data.GetValueOrDefault(application.EnterpriseId), Declared.Of(application), on));
    }

    /// <summary>Stores the latest evaluation on the application (ceiling, eligibility and explanation).</summary>
    public static void Record(IncentiveApplication application, IncentiveResult evaluation)
    {
        application.Eligible = evaluation.Eligible;
        application.Ceiling = evaluation.Ceiling;
        application.AmountToBeSet = evaluation.AmountToBeSet;
        application.ExplanationJson = IncentiveJson.Write(evaluation.Explanation);
    }
}
