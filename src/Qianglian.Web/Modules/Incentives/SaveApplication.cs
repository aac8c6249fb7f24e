using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// Starts an application (a draft) for a measure and a project — by the enterprise, or by an operator on its
/// behalf — and edits it while it is a draft or returned for supplement. The amount is computed at once, so the
/// applicant sees the explanation before submitting.
/// </summary>
public sealed class SaveApplication(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="EnterpriseId">Enterprise awards only (no project): the enterprise applying.</param>
    public sealed record CreateRequest(Guid MeasureId, Guid? ProjectId = null, Guid? EnterpriseId = null, string? Category = null,
        decimal? PurchaseAmount = null, decimal? LoanPrincipal = null, decimal? LoanRate = null, int? LoanDays = null,
        IReadOnlyList<string>? Attested = null, string? Note = null);

    public sealed record UpdateRequest(string? Category, decimal? PurchaseAmount, decimal? LoanPrincipal, decimal? LoanRate, int? LoanDays,
        IReadOnlyList<string>? Attested, string? Note, int Version);

    public async Task<ApplicationSummary> Create(CreateRequest r, CancellationToken ct) =>
        await Start(r, user.Scope.EnterpriseId is null ? ApplicationOrigin.Operator : ApplicationOrigin.Enterprise, ct);

    /// <summary>
    /// A project's application is its project unit's: an enterprise named beside the project must be one the caller
    /// sees (else not found, as any id it may not see) and the project's own (else the request contradicts itself).
    /// </summary>
    internal static async Task RequireProjectsEnterprise(AppDbContext db, Guid? named, Projects.Project project, CancellationToken ct)
    {
        if (named is not { } id) return;
        await db.RequireVisibleAsync<Enterprises.Enterprise>(id, "enterpriseId", "企业不存在 (enterprise not found)", ct);
        if (id != project.EnterpriseId) throw new ValidationException("enterpriseId", "申报企业须为该项目的项目单位 (the enterprise must be the project's)");
    }

    /// <summary>Also used for 免申即享: the office pre-fills an application the enterprise confirms.</summary>
    internal async Task<ApplicationSummary> Start(CreateRequest r, ApplicationOrigin origin, CancellationToken ct)
    {
        user.Require(origin == ApplicationOrigin.Proactive ? Permission.ManageIncentives : Permission.ApplyIncentives);
        var now = clock.GetUtcNow();
        var today = BusinessDate.Of(now);
        await using var db = dbs.Open();
        Guid enterpriseId, jurisdictionId;
        string path;
        Guid? chainId = null;
        if (r.ProjectId is { } projectId)
        {
            var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct)
                          ?? throw new NotFoundException("projectId", "项目不存在 (project not found)");
            enterpriseId = project.EnterpriseId ?? throw new ValidationException("projectId", "项目尚未确定项目单位，不能申报 (the project has no enterprise yet)");
            await RequireProjectsEnterprise(db, r.EnterpriseId, project, ct);
            (jurisdictionId, path, chainId) = (project.JurisdictionId, project.JurisdictionPath, project.ChainId);
        }
        else
        {
            var id = r.EnterpriseId ?? user.Scope.EnterpriseId ?? throw new ValidationException("enterpriseId", "须选择申报企业 (enterprise is required)");
            var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct)
                             ?? throw new NotFoundException("enterpriseId", "企业不存在 (enterprise not found)");
            (enterpriseId, jurisdictionId, path) = (enterprise.Id, enterprise.JurisdictionId, enterprise.JurisdictionPath);
        }
        var measure = (await IncentiveCases.Applicable(db, path, ct, r.MeasureId)).SingleOrDefault()
                      ?? throw new NotFoundException("measureId", "该措施不存在或不适用于项目所在辖区 (measure not found or not applicable here)");
        if (measure.Subject == IncentiveSubject.Project && r.ProjectId is null)
            throw new ValidationException("projectId", "该措施按项目兑现，须选择项目 (this measure pays projects: choose one)");
        if (measure.Subject == IncentiveSubject.Enterprise && r.ProjectId is not null)
            throw new ValidationException("projectId", "该措施按企业兑现，不选择项目 (this measure pays enterprises)");
        if (measure.ValidUntil is { } until && today > until)
            throw new ValidationException("measureId", $"该措施有效期至{Wording.Date(until)}，已过期，不能申报 (the measure has expired)");
        var declared = CheckDeclared(measure, new Declared(r.Category, r.PurchaseAmount, r.LoanPrincipal, r.LoanRate, r.LoanDays, r.Attested));

        var application = new IncentiveApplication
        {
            JurisdictionId = jurisdictionId, MeasureId = measure.Id, ProjectId = r.ProjectId, EnterpriseId = enterpriseId, ChainId = chainId,
            Origin = origin, CreatedAt = now, StageEnteredAt = now, Number = await Applications.NextNumber(db, jurisdictionId, today.Year, ct),
            Note = Clean(r.Note),
        };
        Apply(application, declared);
        await Applications.CheckExclusive(db, application, measure, ct);
        IncentiveCases.Record(application, await IncentiveCases.Evaluate(db, application, measure, today, ct));
        db.Add(application);
        var loaded = new LoadedApplication(application, measure, null, Qianglian.Core.Projects.HolidayCalendar.WeekendsOnly); // a draft has no stage to time
        Applications.Log(db, loaded, WorkflowDefinition.Draft, origin == ApplicationOrigin.Proactive ? ApplicationAction.Offered : ApplicationAction.Created,
            user, null, null, now, origin == ApplicationOrigin.Proactive ? "免申即享：系统测算可能符合条件，请企业确认并补充资料" : null, application.Ceiling);
        await db.SaveChangesAsync(ct);
        return (await ReadApplications.Summaries(db, [application], today, ct)).Single();
    }

    public async Task<ApplicationSummary> Update(Guid id, UpdateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ApplyIncentives);
        var now = clock.GetUtcNow();
        await using var db = dbs.Open();
        var loaded = await Applications.Load(db, id, ct);
        var a = loaded.Application;
        if (!a.Editable) throw new ConflictException($"申报已提交（{ApplicationMachine.StateName(loaded.Workflow, a.State)}），不能修改 (only drafts and returned applications can change)");
        var declared = CheckDeclared(loaded.Measure, new Declared(r.Category, r.PurchaseAmount, r.LoanPrincipal, r.LoanRate, r.LoanDays, r.Attested));
        db.ExpectVersion(a, r.Version);
        Apply(a, declared);
        a.Note = Clean(r.Note);
        IncentiveCases.Record(a, await IncentiveCases.Evaluate(db, a, loaded.Measure, BusinessDate.Of(now), ct));
        await db.SaveChangesAsync(ct);
        return (await ReadApplications.Summaries(db, [a], BusinessDate.Of(now), ct)).Single();
    }

    /// <summary>Bad declarations are refused field by field: negative amounts, a category or attestation not in the measure.</summary>
    internal static Declared CheckDeclared(IncentiveMeasure measure, Declared d)
    {
        var rule = measure.Rule;
        var errors = new Dictionary<string, string[]>();
        void Check(bool bad, string field, string message) { if (bad) errors[field] = [message]; }
        Check(d.PurchaseAmount < 0m, "purchaseAmount", "设备购置额不能为负数 (must not be negative)");
        Check(d.LoanPrincipal < 0m, "loanPrincipal", "贷款本金不能为负数 (must not be negative)");
        Check(d.LoanRate is < 0m or > 1m, "loanRate", "贷款年利率须在0到100%之间，以小数填写，如0.0435 (a fraction, e.g. 0.0435)");
        Check(d.LoanDays is < 0 or > 3660, "loanDays", "计息天数须在0到3660之间 (days out of range)");
        var category = string.IsNullOrWhiteSpace(d.Category) ? null : d.Category.Trim();
        if (category is not null && rule.Kind != RuleKind.RateByCategory)
            errors["category"] = ["该措施不分类别 (this measure has no categories)"];
        else if (category is not null && rule.Categories.All(c => c.Name != category))
            errors["category"] = [$"“{category}”不是本措施所列类别，可选：{string.Join("、", rule.Categories.Select(c => c.Name))} (category not in the measure)"];
        var options = rule.Conditions.Where(c => c.Kind == ConditionKind.Attested).Select(c => c.Text).ToHashSet();
        var attested = (d.Attested ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        Check(attested.Any(t => !options.Contains(t)), "attested", "声明事项须为本措施所列条件 (attest only the measure's conditions)");
        if (errors.Count > 0) throw new ValidationException(errors);
        return d with { Category = category, Attested = attested };
    }

    private static void Apply(IncentiveApplication a, Declared d)
    {
        (a.Category, a.PurchaseAmount, a.LoanPrincipal, a.LoanRate, a.LoanDays) = (d.Category, d.PurchaseAmount, d.LoanPrincipal, d.LoanRate, d.LoanDays);
        a.Attested = (d.Attested ?? []).ToList();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
