using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// The coordination office confirms or rejects one proposal of a tier review. Confirming moves the enterprise in the
/// ledger — the tier held ends with the review's year, the new one starts the next year — and an exit opens the exit
/// record with its reason and notice. The review closes when no proposal is left open.
/// </summary>
public sealed class DecideProposal(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(bool Confirm, string? Note, int Version);

    public async Task Handle(Guid resultId, Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageCultivation);
        var now = clock.GetUtcNow();
        var today = BusinessDate.Of(now);
        await using var db = dbs.Open();
        var result = await db.EvaluationResults.FirstOrDefaultAsync(x => x.Id == resultId, ct) ?? throw new NotFoundException("result", "评估结果不存在 (result not found)");
        var run = await db.EvaluationRuns.FirstOrDefaultAsync(x => x.Id == result.RunId, ct) ?? throw new NotFoundException("run", "评估不存在 (run not found)");
        if (run.Kind != RunKind.TierReview) throw new ValidationException("result", "这不是梯度评估的结果 (not a tier review)");
        if (GradingWorkflow.Apply(run.Status, RunAction.Decide, today).Error is { } error) throw new ConflictException(error);
        if (result.Decision != Decision.Pending) throw new ConflictException("该建议已处理 (already decided)");
        if (!r.Confirm && string.IsNullOrWhiteSpace(r.Note)) throw new ValidationException("note", "不同意时须填写理由 (a reason is required to reject)");
        db.ExpectVersion(result, r.Version);

        if (r.Confirm)
        {
            var chainId = result.ChainId!.Value;
            var active = await db.TierMemberships.FirstOrDefaultAsync(m => m.ChainId == chainId && m.EnterpriseId == result.EnterpriseId && m.ToYear == null, ct);
            if (active?.Tier != result.HeldTier)
                throw new ConflictException("该企业在台账中的梯度已变化，请重新评估 (the ledger changed since the review)");
            var after = TierReview.After(result.HeldTier, result.ReachedTier, result.Proposal);
            if (after != result.HeldTier)
            {
                if (active is not null) (active.ToYear, active.EndedBy) = (run.Year, result.Proposal);
                if (after is { } tier)
                    db.TierMemberships.Add(new TierMembership
                    {
                        JurisdictionId = result.JurisdictionId, EnterpriseId = result.EnterpriseId, ChainId = chainId, Tier = tier,
                        FromYear = run.Year + 1, StartedByResultId = result.Id,
                    });
            }
            if (result.Proposal == ProposalKind.Exit)
                db.TierExits.Add(await ExitRecord(db, run, result, today, r.Note, ct));
        }
        (result.Decision, result.DecisionNote, result.DecidedBy, result.DecidedAt) = (r.Confirm ? Decision.Confirmed : Decision.Rejected, r.Note?.Trim(), user.Name, now);
        var open = await db.EvaluationResults.CountAsync(x => x.RunId == run.Id && x.Decision == Decision.Pending && x.Id != result.Id, ct);
        if (open == 0) (run.Status, run.FinishedAt) = (RunStatus.Closed, now);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<TierExit> ExitRecord(AppDbContext db, EvaluationRun run, EvaluationResult result, DateOnly today, string? note, CancellationToken ct)
    {
        var model = await ModelCatalog.ById(db, result.ModelId, result.JurisdictionPath, ct);
        var lowest = model.Classification.Bands.LastOrDefault();
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == result.EnterpriseId).Select(e => e.Name).SingleAsync(ct);
        var chain = await db.Chains.AsNoTracking().Where(c => c.Id == result.ChainId).Select(c => c.Name).SingleAsync(ct);
        var tier = TierNames.Of(result.HeldTier!.Value);
        var reason = $"{run.Year}年度评价得分 {Quantity.Number(result.Score ?? 0)}，低于“{lowest?.Label}”最低分 {Quantity.Number(lowest?.MinScore ?? 0)}" + (string.IsNullOrWhiteSpace(note) ? "" : $"；{note.Trim()}");
        var notice = $"经{run.Year}年度评估，{enterprise}（{chain}）未达到链主企业梯度培育入库标准（{model.Name}），自{today:yyyy年M月d日}起退出{tier}。";
        return new TierExit
        {
            JurisdictionId = result.JurisdictionId, EnterpriseId = result.EnterpriseId, ChainId = result.ChainId!.Value, LastTier = result.HeldTier.Value,
            Year = run.Year, Reason = reason, Notice = notice, NoticeDate = today, ResultId = result.Id,
        };
    }
}

public static class TierNames
{
    public static string Of(Tier tier) => tier switch { Tier.Demonstration => "示范库", Tier.Cultivation => "培育库", _ => "候选库" };

    public static string Of(ProposalKind kind) => kind switch
    {
        ProposalKind.Admit => "入库", ProposalKind.Promote => "升级", ProposalKind.Keep => "保持", ProposalKind.Demote => "降级", ProposalKind.Exit => "退出", _ => "不调整",
    };
}
