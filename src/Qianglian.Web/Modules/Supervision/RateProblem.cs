using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The enterprise confirms a resolution with its satisfaction: satisfied or basically satisfied closes the problem
/// (on time or not, by the deadline of the level that resolved it); dissatisfied reopens it at the same level with
/// a fresh deadline. Nobody but the enterprise that raised it may rate.
/// </summary>
public sealed class RateProblem(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(Satisfaction? Rating, string? Comment, int Version);

    public async Task Handle(Guid id, Request request, CancellationToken ct)
    {
        if (!user.Roles.Contains(Roles.EnterpriseUser))
            throw new ForbiddenException("只有提出问题的企业才能确认办结并评价满意度 (only the enterprise that raised the problem may confirm and rate it)");
        user.Require(Permission.RateProblems);
        await using var db = dbs.Open();
        var problem = await ProblemLadder.FindAsync(db, id, ct);
        var caller = await Caller.OfAsync(user, db, ct);
        if (caller.EnterpriseId != problem.EnterpriseId)
            throw new ForbiddenException("只有提出问题的企业才能确认办结并评价满意度 (only the enterprise that raised the problem may confirm and rate it)");
        if (request.Rating is not { } rating || !Enum.IsDefined(rating))
            throw new ValidationException("rating", "请选择满意度：满意、基本满意或不满意 (choose a rating)");
        var comment = rating == Satisfaction.Dissatisfied
            ? Text.Required(request.Comment, "comment", "不满意的原因", 1000)
            : Text.Optional(request.Comment, "comment", 1000);
        var outcome = ProblemWorkflow.Apply(problem.Status, ProblemWorkflow.ActionOfRating(rating));
        if (!outcome.Allowed) throw new ConflictException(outcome.Refusal!);
        db.ExpectVersion(problem, request.Version);
        var now = clock.GetUtcNow();
        (problem.Status, problem.Rating, problem.RatingComment) = (outcome.Status, rating, comment);
        if (outcome.Status == ProblemStatus.Closed)
        {
            problem.ClosedAt = now;
            problem.ClosedOnTime = EscalationLadder.ResolvedOnTime(problem.ResolvedAt!.Value, problem.DueAt, problem.EverOverdue);
            ProblemLadder.Record(db, problem, ProblemStepKind.Confirmed, caller.Name, now, comment);
        }
        else
        {
            // Reopened: the same level handles it again, with the level's full time from now.
            var chain = await ProblemLadder.ChainOfAsync(db, problem, ct);
            var settings = await SupervisionSettingsReader.ForPathAsync(db, problem.JurisdictionPath, ct);
            var unit = problem.AssignedUnitId;
            ProblemLadder.PlaceAt(problem, problem.Level, chain, settings, now);
            problem.AssignedUnitId ??= unit;
            (problem.Resolution, problem.ResolvedAt, problem.ReopenCount) = (null, null, problem.ReopenCount + 1);
            ProblemLadder.Record(db, problem, ProblemStepKind.Reopened, caller.Name, now, comment);
        }
        await db.SaveChangesAsync(ct);
    }
}
