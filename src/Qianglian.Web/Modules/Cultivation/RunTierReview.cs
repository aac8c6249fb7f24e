using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// The yearly review of the three-tier ledger (达州 二（一）): evaluates every chain's leaders and members under the
/// jurisdiction's chain-leader model for the year and stores a proposal per enterprise and chain — admit, promote,
/// keep, demote or exit — for the coordination office to confirm item by item. Written in one transaction.
/// </summary>
public sealed class RunTierReview(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(Guid JurisdictionId, int Year);

    public async Task<Guid> Handle(Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageCultivation);
        var now = clock.GetUtcNow();
        var today = BusinessDate.Of(now);
        if (r.Year < 2000 || r.Year > today.Year) throw new ValidationException("year", $"年度 {r.Year} 无效，应在 2000–{today.Year} 之间 (year out of range)");
        await using var db = dbs.Open();
        var place = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == r.JurisdictionId, ct) ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
        if (await db.EvaluationRuns.AnyAsync(x => x.Kind == RunKind.TierReview && x.JurisdictionId == place.Id && x.Year == r.Year && x.Status == RunStatus.Proposed, ct))
            throw new ConflictException($"{place.Name}{r.Year}年度已有待确认的梯度评估，请先逐项确认 (an open review exists)");
        var (row, model) = await ModelCatalog.RequireScoring(db, place.JurisdictionPath, ModelCatalog.ChainLeader, r.Year, ct);
        var review = await TierReviewComputation.ComputeAsync(db, place.JurisdictionPath, model, r.Year, CultivationClock.YearEnd(r.Year), ct);
        var candidates = review.Candidates;

        var run = new EvaluationRun
        {
            JurisdictionId = place.Id, Kind = RunKind.TierReview, Year = r.Year, Status = RunStatus.Proposed, Title = $"{place.Name}{r.Year}年度链主企业梯度评估",
            ModelIds = [row.Id], ModelVersions = $"{row.Name} {row.Year} 第{row.Revision}版", SubjectCount = candidates.Count, CreatedAt = now, CreatedBy = user.Name,
            Averages = ResultExplanation.WriteByModel([(row.Id, review.Scored.Scores.Averages)]),
            LowestTotals = ResultExplanation.WriteByModel([(row.Id, review.Scored.LowestTotals())]),
        };
        if (candidates.All(c => c.Proposal == ProposalKind.None)) (run.Status, run.FinishedAt) = (RunStatus.Closed, now);
        var notEvaluated = TierReviewComputation.NotEvaluated(r.Year);
        var order = RunResults.ByScore(candidates.Count, n => candidates[n].Row >= 0 ? review.Scored.Scores.Outcomes[candidates[n].Row].Total : null);
        await RunResults.SaveAsync(db, run, candidates.Count, n =>
        {
            var c = candidates[order[n]];
            var result = c.Row >= 0 ? RunResults.Of(review.Scored, c.Row, run.Id, row.Id) : new EvaluationResult
            {
                JurisdictionId = c.EnterpriseJurisdictionId, RunId = run.Id, ModelId = row.Id, EnterpriseId = c.EnterpriseId, ChainId = c.ChainId, Notes = notEvaluated,
            };
            result.Rank = c.ChainRank;
            (result.HeldTier, result.ReachedTier, result.Proposal) = (c.Held, c.Reached, c.Proposal);
            result.Decision = c.Proposal == ProposalKind.None ? Decision.NotNeeded : Decision.Pending;
            return result;
        }, ct);
        return run.Id;
    }
}

public static class CultivationClock
{
    /// <summary>Durations (years in production) are measured at the end of the evaluated year, so a re-run gives the same result any day.</summary>
    public static DateOnly YearEnd(int year) => new(year, 12, 31);
}
