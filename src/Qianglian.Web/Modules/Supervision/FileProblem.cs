using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// Files a problem: by the enterprise itself (self-service) or by an official from a visit, a meeting or a project's
/// monthly report. It goes at once to the county/park unit able to solve it, with that level's deadline.
/// </summary>
public sealed class FileProblem(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="SourceReference">What the source was: a visit, a meeting, a project's name or number (free text).</param>
    public sealed record Request(Guid? EnterpriseId, Guid? ChainId, ProblemCategory? Category, string? Title, string? Description,
        ProblemSource? Source = null, string? SourceReference = null);

    public async Task<Guid> Handle(Request request, CancellationToken ct)
    {
        user.Require(Permission.FileProblems);
        await using var db = dbs.Open();
        var caller = await Caller.OfAsync(user, db, ct);
        var problem = await Add(db, caller, request, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return problem.Id;
    }

    /// <summary>
    /// Checks one problem and adds it (with its first step) to the context, unsaved: the form saves one, the ledger
    /// import a whole file in one transaction. Refusals are thrown before anything is added.
    /// </summary>
    internal static async Task<Problem> Add(AppDbContext db, Caller caller, Request request, DateTimeOffset now, CancellationToken ct)
    {
        var enterpriseId = request.EnterpriseId ?? caller.EnterpriseId
            ?? throw new ValidationException("enterpriseId", "请选择提出问题的企业 (the enterprise is required)");
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == enterpriseId, ct)
                         ?? throw new NotFoundException("enterpriseId", "企业不存在 (enterprise not found)");
        if (request.Category is not { } category || !Enum.IsDefined(category))
            throw new ValidationException("category", "请选择问题类别 (the category is required)");
        var title = Text.Required(request.Title, "title", "问题标题", 200);
        var description = Text.Required(request.Description, "description", "问题描述", 4000);
        var source = request.Source ?? (caller.EnterpriseId is not null ? ProblemSource.EnterpriseSelfService : ProblemSource.Other);
        if (!Enum.IsDefined(source)) throw new ValidationException("source", "未知的问题来源 (unknown source)");
        if (caller.EnterpriseId is not null && source != ProblemSource.EnterpriseSelfService)
            throw new ValidationException("source", "企业自行提交的问题来源只能是“企业自主填报” (an enterprise files self-service problems)");
        await ChainReferences.RequireChainAsync(db, request.ChainId, enterprise.Id, "chainId", ct);

        return await Open(db, enterprise, request.ChainId, category, title, description, source,
            Text.Optional(request.SourceReference, "sourceReference", 200), caller.Name, now, ct);
    }

    /// <summary>
    /// Adds a ticket to the ledger in the caller's unit of work (not saved): assigned to the county/park unit able to
    /// solve it, with that level's deadline. Other modules that raise problems (a project's monthly report) file through
    /// here, so there is one problem ledger.
    /// </summary>
    public static async Task<Problem> Open(AppDbContext db, Enterprises.Enterprise enterprise, Guid? chainId, ProblemCategory category, string title,
        string description, ProblemSource source, string? sourceReference, string filedBy, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await SupervisionSettingsReader.ForPathAsync(db, enterprise.JurisdictionPath, ct);
        var problem = new Problem
        {
            JurisdictionId = enterprise.JurisdictionId, EnterpriseId = enterprise.Id, ChainId = chainId, Category = category,
            Title = title, Description = description, Source = source, SourceReference = sourceReference, FiledBy = filedBy, FiledAt = now,
        };
        problem.AssignedUnitId = problem.FirstUnitId = await ProblemLadder.FirstUnitAsync(db, enterprise, category, settings, ct);
        ProblemLadder.PlaceAt(problem, EscalationLevel.Local, (ChainLeadership?)null, settings, now);
        db.Problems.Add(problem);
        ProblemLadder.Record(db, problem, ProblemStepKind.Filed, filedBy, now, source == ProblemSource.EnterpriseSelfService ? null : problem.SourceReference);
        return problem;
    }
}

/// <summary>Checks of free text every supervision form shares: required, trimmed, bounded, with the field named.</summary>
public static class Text
{
    public static string Required(string? value, string field, string label, int max) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationException(field, $"{label}不能为空 ({field} is required)")
        : Optional(value, field, max)!;

    public static string? Optional(string? value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        return trimmed.Length > max ? throw new ValidationException(field, $"不能超过{max}字 (at most {max} characters)") : trimmed;
    }
}
