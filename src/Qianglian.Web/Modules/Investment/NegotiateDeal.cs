using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Investment;

/// <summary>
/// The 一事一议 package of a lead: the attraction team drafts the negotiated terms and submits them; a role that
/// approves deals (链长, 融圈强链办) approves or rejects them with a reason. Each step carries the lead's version:
/// the lead is the unit of concurrency.
/// </summary>
public sealed class NegotiateDeal(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record DraftRequest(string Terms, decimal? EstimatedValue, bool Submit, int Version);
    public sealed record DecisionRequest(bool Approve, string? Note, int Version);

    public async Task Draft(Guid leadId, DraftRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        if (string.IsNullOrWhiteSpace(r.Terms)) throw new ValidationException("terms", "政策包条款不能为空 (the terms are required)");
        if (r.EstimatedValue is < 0) throw new ValidationException("estimatedValue", "估算金额不能为负数 (must not be negative)");
        await using var db = dbs.Open();
        var lead = await Touch(db, leadId, r.Version, ct);
        var deal = await db.Set<DealPackage>().FirstOrDefaultAsync(d => d.LeadId == leadId, ct);
        Refuse(LeadPipeline.CheckDeal(deal?.Status ?? DealStatus.None, DealStatus.Draft, lead.Stage, null));
        deal ??= (DealPackage)db.Add(new DealPackage { LeadId = lead.Id, JurisdictionId = lead.JurisdictionId }).Entity;
        (deal.Terms, deal.EstimatedValue, deal.Status, deal.DecidedBy, deal.DecidedAt, deal.DecisionNote) = (r.Terms.Trim(), r.EstimatedValue, DealStatus.Draft, null, null, null);
        if (r.Submit)
            (deal.Status, deal.SubmittedBy, deal.SubmittedAt) = (DealStatus.Submitted, user.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task Decide(Guid leadId, DecisionRequest r, CancellationToken ct)
    {
        user.Require(Permission.ApproveDeals);
        await using var db = dbs.Open();
        var lead = await Touch(db, leadId, r.Version, ct);
        var deal = await db.Set<DealPackage>().FirstOrDefaultAsync(d => d.LeadId == leadId, ct)
                   ?? throw new ValidationException("deal", "该线索还没有一事一议政策包 (no package to decide)");
        var to = r.Approve ? DealStatus.Approved : DealStatus.Rejected;
        Refuse(LeadPipeline.CheckDeal(deal.Status, to, lead.Stage, r.Note));
        (deal.Status, deal.DecidedBy, deal.DecidedAt, deal.DecisionNote) = (to, user.Name, clock.GetUtcNow(), string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim());
        db.Add(new LeadFollowUp
        {
            LeadId = lead.Id, JurisdictionId = lead.JurisdictionId, On = BusinessDate.Today(clock), By = user.Name, At = clock.GetUtcNow(),
            Note = $"一事一议政策包{LeadPipeline.DealName(to)}" + (deal.DecisionNote is { } n ? $"：{n}" : ""),
        });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Lead> Touch(AppDbContext db, Guid leadId, int version, CancellationToken ct)
    {
        var lead = await SaveLead.Find(db, leadId, ct);
        db.ExpectVersion(lead, version);
        db.Entry(lead).State = EntityState.Modified;
        return lead;
    }

    private static void Refuse(IReadOnlyList<(string Field, string Message)> refusals)
    {
        if (refusals.Count > 0) throw new ValidationException(refusals[0].Field, refusals[0].Message);
    }
}
