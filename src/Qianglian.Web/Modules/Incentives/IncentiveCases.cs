using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
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
/// applicable measures are the configuration inherited at the project's place (<see cref="InheritedConfiguration"/>).
/// </summary>
public static class IncentiveCases
{
    /// <summary>The active measures kept at <paramref name="jurisdictionPath"/> or above it, optionally one of them.</summary>
    public static Task<List<IncentiveMeasure>> Applicable(AppDbContext db, string jurisdictionPath, CancellationToken ct, Guid? measureId = null) =>
        measureId is { } id
            ? db.InheritedAsync<IncentiveMeasure>([jurisdictionPath], ct, m => m.Active && m.Id == id)
            : db.InheritedAsync<IncentiveMeasure>([jurisdictionPath], ct, m => m.Active);

    /// <summary>
    /// A measure by id as the caller may read it: one it sees, or one kept above it that governs it (a 西区 official reads,
    /// evaluates and offers 攀枝花's measures). Null when neither.
    /// </summary>
    public static async Task<IncentiveMeasure?> GoverningMeasureAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<IncentiveMeasure>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct)
        ?? await db.FindInheritedAsync<IncentiveMeasure>(id, db.Scope.Path, ct);

    /// <summary>The stacking clause that governs a place: the nearest pack at or above it that states one.</summary>
    public static async Task<string?> StackingClause(AppDbContext db, string jurisdictionPath, CancellationToken ct)
    {
        var packs = await db.InheritedAsync<IncentivePack>([jurisdictionPath], ct, p => p.StackingClause != null);
        var nearest = InheritedConfiguration.Nearest(packs, jurisdictionPath);
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
        var honours = await db.EnterpriseHonours.AsNoTracking().Where(h => h.EnterpriseId != null && enterpriseIds.Contains(h.EnterpriseId.Value))
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

    /// <summary>
    /// Evaluates one application as it stands today. Its project is read through the filters: it lies in the
    /// application's jurisdiction and belongs to its enterprise, so whoever sees the application sees the project — and
    /// one that cannot be seen is refused rather than evaluated as if the application had none.
    /// </summary>
    public static async Task<IncentiveResult> Evaluate(AppDbContext db, IncentiveApplication application, IncentiveMeasure measure, DateOnly on, CancellationToken ct)
    {
        var project = application.ProjectId is { } p
            ? await db.Projects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p, ct) ?? throw new NotFoundException("projectId", "申报的项目不存在或不在本辖区内 (project not found)")
            : null;
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
