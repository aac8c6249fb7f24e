using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Investment;

/// <summary>
/// Moves a lead along the pipeline (Core's <see cref="LeadPipeline"/> decides: one step forward, or dropped with a
/// reason; a major investor signs only with an approved 一事一议 package). The change is dated and leaves a
/// follow-up record — in one save.
/// </summary>
public sealed class MoveLead(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(LeadStage To, DateOnly? On, string? Reason, int Version);

    public async Task Handle(Guid id, Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        var today = BusinessDate.Today(clock);
        var on = r.On ?? today;
        await using var db = dbs.Open();
        var lead = await SaveLead.Find(db, id, ct);
        var deal = await db.Set<DealPackage>().Where(d => d.LeadId == id).Select(d => (DealStatus?)d.Status).FirstOrDefaultAsync(ct) ?? DealStatus.None;
        var refusals = LeadPipeline.Check(lead.Stage, r.To, deal, r.Reason, lead.Major).ToList();
        if (refusals.Count == 0 && on > today) refusals.Add(("on", $"日期{on:yyyy-MM-dd}不能晚于今天 (the date must not be in the future)"));
        if (refusals.Count == 0 && on < lead.StageSince) refusals.Add(("on", $"日期{on:yyyy-MM-dd}早于上一阶段的日期{lead.StageSince:yyyy-MM-dd} (before the previous change)"));
        if (refusals.Count > 0)
            throw new ValidationException(refusals.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()));

        db.ExpectVersion(lead, r.Version);
        var from = lead.Stage;
        (lead.Stage, lead.StageSince) = (r.To, on);
        if (r.To == LeadStage.Signed) lead.SignedOn = on;
        if (r.To == LeadStage.Dropped) lead.DropReason = r.Reason!.Trim();
        db.Add(new LeadFollowUp
        {
            LeadId = lead.Id, JurisdictionId = lead.JurisdictionId, On = on, From = from, To = r.To, By = user.Name, At = clock.GetUtcNow(),
            Note = string.IsNullOrWhiteSpace(r.Reason) ? $"{LeadPipeline.Name(from)} → {LeadPipeline.Name(r.To)}" : r.Reason.Trim(),
        });
        await db.SaveChangesAsync(ct);
    }
}
