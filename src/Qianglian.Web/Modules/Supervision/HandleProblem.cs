using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// What the handling unit does with a problem: re-route it to another unit of its level, declare it beyond its powers
/// (escalate, with the reason) or answer it with a resolution that the enterprise then confirms.
/// </summary>
public sealed class HandleProblem(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record AssignRequest(Guid UnitId, string? Note, int Version);
    public sealed record EscalateRequest(string? Reason, int Version);
    public sealed record ResolveRequest(string? Resolution, int Version);

    public async Task Assign(Guid id, AssignRequest request, CancellationToken ct)
    {
        user.Require(Permission.HandleProblems);
        await using var db = dbs.Open();
        var problem = await ProblemLadder.FindAsync(db, id, ct);
        var caller = await Caller.OfAsync(user, db, ct);
        var outcome = ProblemWorkflow.Apply(problem.Status, ProblemAction.Assign);
        if (!outcome.Allowed) throw new ConflictException(outcome.Refusal!);
        if (problem.Level == EscalationLevel.ChainChief)
            throw new ConflictException("链长层级的问题由链长办理，不能改派单位 (at the chain chief's level there is no unit to re-route to)");
        if (!caller.Supervises && problem.AssignedUnitId is not null) ProblemLadder.RequireHandler(problem, caller);
        // A unit of the caller's subtree, or one kept above it (a city bureau takes over a district's problem).
        await db.RequireVisibleOrInheritedAsync<GovernmentUnit>(request.UnitId, "unitId", "单位不存在 (unit not found)", ct);
        db.ExpectVersion(problem, request.Version);
        problem.AssignedUnitId = request.UnitId;
        if (problem.Level == EscalationLevel.Local) problem.FirstUnitId = request.UnitId;
        ProblemLadder.Record(db, problem, ProblemStepKind.Assigned, caller.Name, clock.GetUtcNow(), Text.Optional(request.Note, "note", 1000));
        await db.SaveChangesAsync(ct);
    }

    public async Task Escalate(Guid id, EscalateRequest request, CancellationToken ct)
    {
        user.Require(Permission.HandleProblems);
        await using var db = dbs.Open();
        var problem = await ProblemLadder.FindAsync(db, id, ct);
        var outcome = ProblemWorkflow.Apply(problem.Status, ProblemAction.Escalate);
        if (!outcome.Allowed) throw new ConflictException(outcome.Refusal!);
        var caller = await Caller.OfAsync(user, db, ct);
        ProblemLadder.RequireHandler(problem, caller);
        var reason = Text.Required(request.Reason, "reason", "上报理由（超出本级职权的原因）", 1000);
        db.ExpectVersion(problem, request.Version);
        await ProblemLadder.EscalateAsync(db, problem, EscalationReason.BeyondPowers, reason, caller.Name, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task Resolve(Guid id, ResolveRequest request, CancellationToken ct)
    {
        user.Require(Permission.HandleProblems);
        await using var db = dbs.Open();
        var problem = await ProblemLadder.FindAsync(db, id, ct);
        var outcome = ProblemWorkflow.Apply(problem.Status, ProblemAction.Resolve);
        if (!outcome.Allowed) throw new ConflictException(outcome.Refusal!);
        var caller = await Caller.OfAsync(user, db, ct);
        ProblemLadder.RequireHandler(problem, caller);
        var resolution = Text.Required(request.Resolution, "resolution", "办理结果", 4000);
        db.ExpectVersion(problem, request.Version);
        var now = clock.GetUtcNow();
        (problem.Status, problem.Resolution, problem.ResolvedAt, problem.ResolvedUnitId) = (outcome.Status, resolution, now, problem.AssignedUnitId);
        ProblemLadder.Record(db, problem, ProblemStepKind.Resolved, caller.Name, now, resolution);
        await db.SaveChangesAsync(ct);
    }
}
