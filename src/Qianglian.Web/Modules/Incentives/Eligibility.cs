using Qianglian.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Incentives;

public sealed record EligibilityRow(Guid MeasureId, string MeasureKey, string MeasureTitle, string Group, bool Eligible, bool Granted, decimal? Ceiling, bool AmountToBeSet, Explanation Explanation);

/// <param name="Name">The project's name (enterprise awards: the enterprise's).</param>
public sealed record Candidate(Guid? ProjectId, Guid EnterpriseId, string Name, string EnterpriseName, string? Chain, decimal? Ceiling, bool AmountToBeSet, string Conclusion, string? Formula);

/// <summary>
/// What a project may get, and 免申即享: for a measure, the projects (or enterprises) the data says are likely
/// eligible, with estimated amounts, which the office can push as pre-filled applications; and what-if costs.
/// </summary>
public sealed class Eligibility(AppDb dbs, CurrentUser user, TimeProvider clock, SaveApplication applications)
{
    public sealed record EvaluateRequest(Guid? ProjectId, Guid? EnterpriseId, string? Category = null, decimal? PurchaseAmount = null,
        decimal? LoanPrincipal = null, decimal? LoanRate = null, int? LoanDays = null, IReadOnlyList<string>? Attested = null);
    public sealed record OfferRequest(Guid? ProjectId, Guid? EnterpriseId, string? Category = null);

    private DateOnly Today => BusinessDate.Of(clock.GetUtcNow());

    /// <summary>One measure for one project or enterprise, with what the caller declares: the computation and its explanation.</summary>
    public async Task<IncentiveResult> Evaluate(Guid measureId, EvaluateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var measure = await IncentiveCases.GoverningMeasureAsync(db, measureId, ct)
                      ?? throw new NotFoundException("measure", "政策兑现措施不存在 (measure not found)");
        var declared = SaveApplication.CheckDeclared(measure, new Declared(r.Category, r.PurchaseAmount, r.LoanPrincipal, r.LoanRate, r.LoanDays, r.Attested));
        Project? project = null;
        var enterpriseId = r.EnterpriseId;
        if (r.ProjectId is { } p)
        {
            project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p, ct) ?? throw new NotFoundException("projectId", "项目不存在 (project not found)");
            await SaveApplication.RequireProjectsEnterprise(db, r.EnterpriseId, project, ct);
            enterpriseId = project.EnterpriseId;
        }
        if (enterpriseId is { } e && !await db.Enterprises.AnyAsync(x => x.Id == e, ct)) throw new NotFoundException("enterpriseId", "企业不存在 (enterprise not found)");
        var data = enterpriseId is { } id ? (await IncentiveCases.EnterpriseDataOf(db, [id], Today.Year, ct))[id] : null;
        return IncentiveCalculator.Evaluate(measure.Terms, IncentiveCases.Facts(project, data, declared, Today));
    }

    /// <summary>Every measure that applies where the project is, evaluated, with 取高不重复 across exclusivity groups.</summary>
    public async Task<IReadOnlyList<EligibilityRow>> ForProject(Guid projectId, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == projectId, ct) ?? throw new NotFoundException("project", "项目不存在 (project not found)");
        var measures = (await IncentiveCases.Applicable(db, project.JurisdictionPath, ct))
            .Where(m => m.Subject == IncentiveSubject.Project).OrderBy(m => m.JurisdictionPath, StringComparer.Ordinal).ThenBy(m => m.Ordinal).ToList();
        var data = project.EnterpriseId is { } e ? (await IncentiveCases.EnterpriseDataOf(db, [e], Today.Year, ct))[e] : null;
        // A direction (西区 七) is the applicant's to declare: the list does not assume the one that pays most.
        var candidates = measures.Select((m, i) =>
        {
            var result = Undeclared(m, project, data);
            return new StackingCandidate(m.Id.ToString(), m.Title, m.Group, i, result);
        }).ToList();
        var clause = await IncentiveCases.StackingClause(db, project.JurisdictionPath, ct);
        var decisions = Stacking.Resolve(candidates, clause);
        return measures.Zip(decisions, (m, d) => new EligibilityRow(m.Id, m.Key, m.Title, m.Group, d.Result.Eligible, d.Granted, d.Result.Ceiling,
            d.Result.AmountToBeSet, d.Result.Explanation)).ToList();
    }

    /// <summary>西区 七: a direction nobody has declared is not assumed (<see cref="UndeclaredDirection"/>).</summary>
    private IncentiveResult Undeclared(IncentiveMeasure m, Project? project, IncentiveCases.EnterpriseData? data) =>
        UndeclaredDirection.Evaluate(m.Terms, c => IncentiveCases.Facts(project, data, new Declared(c), Today));

    /// <summary>免申即享: the projects (enterprise awards: enterprises) in scope the data says qualify, not yet applied for in the group.</summary>
    public async Task<IReadOnlyList<Candidate>> Candidates(Guid measureId, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var measure = await IncentiveCases.GoverningMeasureAsync(db, measureId, ct)
                      ?? throw new NotFoundException("measure", "政策兑现措施不存在 (measure not found)");
        var taken = await Taken(db, measure, ct);
        var result = new List<Candidate>();
        if (measure.Subject == IncentiveSubject.Project)
        {
            var projects = await db.Projects.AsNoTracking().Where(p => p.EnterpriseId != null && p.Stage != ProjectStage.Terminated && p.JurisdictionPath.StartsWith(measure.JurisdictionPath))
                .OrderBy(p => p.Name).ToListAsync(ct);
            var data = await IncentiveCases.EnterpriseDataOf(db, projects.Select(p => p.EnterpriseId!.Value).ToList(), Today.Year, ct);
            var names = await db.EnterpriseNamesAsync(data.Keys, ct);
            // A district project may serve its city's chain.
            var chains = await db.ChainNamesAsync(projects.Select(p => p.ChainId).OfType<Guid>(), ct);
            foreach (var p in projects.Where(p => !taken.Contains(p.Id)))
            {
                var r = Undeclared(measure, p, data[p.EnterpriseId!.Value]);
                if (r.Eligible)
                    result.Add(new Candidate(p.Id, p.EnterpriseId!.Value, p.Name, names.GetValueOrDefault(p.EnterpriseId.Value, ""), p.ChainId is { } c ? chains.GetValueOrDefault(c) : null,
                        r.Ceiling, r.AmountToBeSet, r.Explanation.Conclusion, r.Explanation.Formula));
            }
        }
        else
        {
            var enterprises = await db.Enterprises.AsNoTracking().Where(e => e.JurisdictionPath.StartsWith(measure.JurisdictionPath)).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
            var data = await IncentiveCases.EnterpriseDataOf(db, enterprises.Select(e => e.Id).ToList(), Today.Year, ct);
            foreach (var e in enterprises.Where(e => !taken.Contains(e.Id)))
            {
                var r = IncentiveCalculator.Evaluate(measure.Terms, IncentiveCases.Facts(null, data[e.Id], new Declared(), Today));
                if (r.Eligible) result.Add(new Candidate(null, e.Id, e.Name, e.Name, null, r.Ceiling, r.AmountToBeSet, r.Explanation.Conclusion, r.Explanation.Formula));
            }
        }
        return result;
    }

    /// <summary>Pushes a likely-eligible case to its enterprise as a pre-filled application (origin: 免申即享).</summary>
    public async Task<ApplicationSummary> Offer(Guid measureId, OfferRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageIncentives);
        // 西区 七: the pre-filled application leaves the direction to the enterprise unless the office names one; the
        // reviewer confirms it at intake. Never the direction that pays most.
        var category = string.IsNullOrWhiteSpace(r.Category) ? null : r.Category;
        return await applications.Start(new SaveApplication.CreateRequest(measureId, r.ProjectId, r.EnterpriseId, category), ApplicationOrigin.Proactive, ct);
    }

    /// <summary>What a changed rate, cap or threshold would cost over the current pipeline, by year and by chain.</summary>
    public async Task<WhatIfResult> WhatIf(Guid measureId, RuleChange change, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var measure = await IncentiveCases.GoverningMeasureAsync(db, measureId, ct)
                      ?? throw new NotFoundException("measure", "政策兑现措施不存在 (measure not found)");
        var changed = change.ApplyTo(measure.Rule);
        var errors = RuleValidator.Validate(changed).Concat(change.Cap is < 0m ? [("cap", "上限不能为负数 (must not be negative)")] : [])
            .GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (errors.Count > 0) throw new ValidationException(errors);
        var projects = await db.Projects.AsNoTracking().Where(p => p.Stage != ProjectStage.Terminated && p.JurisdictionPath.StartsWith(measure.JurisdictionPath)).ToListAsync(ct);
        var data = await IncentiveCases.EnterpriseDataOf(db, projects.Select(p => p.EnterpriseId).OfType<Guid>().ToList(), Today.Year, ct);
        var chains = await db.ChainNamesAsync(projects.Select(p => p.ChainId).OfType<Guid>(), ct);
        var declared = await db.Set<IncentiveApplication>().AsNoTracking().Where(a => a.MeasureId == measureId && a.ProjectId != null && a.State != WorkflowDefinition.Rejected)
            .ToListAsync(ct);
        var cases = projects.Select(p =>
        {
            var application = declared.FirstOrDefault(a => a.ProjectId == p.Id);
            // A project's own application declares its direction (西区 七); without one the project is not costed under any
            // direction (listed in DirectionUndeclared), never under the one that pays most.
            var category = application?.Category;
            var facts = IncentiveCases.Facts(p, p.EnterpriseId is { } e2 ? data.GetValueOrDefault(e2) : null,
                application is null ? new Declared(category) : Declared.Of(application) with { Category = category }, Today);
            var year = (p.ActualCompletion ?? p.PlannedCompletion)?.Year ?? Today.Year;
            return (Case: new PipelineCase(p.Name, year, p.ChainId is { } c ? chains.GetValueOrDefault(c, "未归链") : "未归链", facts),
                Undeclared: measure.Rule.Kind == RuleKind.RateByCategory && string.IsNullOrWhiteSpace(category)
                            && UndeclaredDirection.Evaluate(measure.Terms, d => IncentiveCases.Facts(p, p.EnterpriseId is { } e3 ? data.GetValueOrDefault(e3) : null, new Declared(d), Today)).Eligible);
        }).ToList();
        return Core.Incentives.WhatIf.Compare(measure.Terms, change, cases.Select(c => c.Case).ToList()) with
        {
            DirectionUndeclared = cases.Where(c => c.Undeclared).Select(c => c.Case.Name).ToList(),
        };
    }

    /// <summary>
    /// The projects (enterprise awards: enterprises) with a live application under a measure of the measure's
    /// exclusivity group. The candidates are the caller's to see, and so are their applications; the measures those
    /// claim are kept at the applications' places or above them.
    /// </summary>
    private static async Task<HashSet<Guid>> Taken(AppDbContext db, IncentiveMeasure measure, CancellationToken ct)
    {
        var live = await db.Set<IncentiveApplication>().AsNoTracking().Where(a => a.State != WorkflowDefinition.Rejected)
            .Select(a => new { a.MeasureId, a.ProjectId, a.EnterpriseId, a.JurisdictionPath }).ToListAsync(ct);
        var claimed = live.Select(a => a.MeasureId).Distinct().ToList();
        var inGroup = (await db.InheritedAsync<IncentiveMeasure>(live.Select(a => a.JurisdictionPath).Distinct(), ct, m => claimed.Contains(m.Id)))
            .Where(m => m.Group == measure.Group).Select(m => m.Id).ToHashSet();
        var taken = live.Where(a => inGroup.Contains(a.MeasureId));
        return measure.Subject == IncentiveSubject.Project
            ? taken.Select(a => a.ProjectId).OfType<Guid>().ToHashSet()
            : taken.Where(a => a.ProjectId is null).Select(a => a.EnterpriseId).ToHashSet();
    }
}
