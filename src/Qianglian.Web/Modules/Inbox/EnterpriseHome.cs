using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Core.Supervision;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Incentives;

namespace Qianglian.Web.Modules.Inbox;

/// <param name="Missing">Required checklist items with no file yet (what the enterprise still has to upload).</param>
/// <param name="Reason">Why it was returned or rejected, when it was.</param>
public sealed record EnterpriseApplicationRow(Guid Id, string Number, string Measure, string State, string StateName, DateOnly? StageDueOn, bool Overdue,
    IReadOnlyList<string> Missing, string? Reason);

/// <param name="AwaitingRating">Answered: the enterprise confirms and rates it.</param>
public sealed record EnterpriseProblemRow(Guid Id, string Title, ProblemStatus Status, EscalationLevel Level, DateOnly DueOn, bool Overdue, string? Resolution, bool AwaitingRating);

/// <summary>A measure the enterprise's data says it qualifies for and has not applied for in the measure's group (免申即享).</summary>
public sealed record EnterpriseCandidateRow(Guid MeasureId, string Measure, string Case, decimal? Ceiling, bool AmountToBeSet, string Conclusion);

/// <summary>A claim of arrears the enterprise filed (or an official filed for it), with where it stands (清欠).</summary>
public sealed record EnterpriseClaimRow(Guid Id, string Debtor, decimal ClaimedAmount, decimal? AgreedAmount, decimal RepaidAmount, Core.Arrears.ClaimStatus Status,
    DateOnly? OverdueSince);

/// <param name="Enterprise">Null for a caller who is not an enterprise user (the view is then empty).</param>
/// <param name="ReportsOwed">The inbox's reports: projects' monthly dispatch reports not yet filed.</param>
public sealed record EnterpriseHomeView(string? Enterprise, IReadOnlyList<EnterpriseApplicationRow> Applications, IReadOnlyList<EnterpriseProblemRow> Problems,
    IReadOnlyList<EnterpriseCandidateRow> Candidates, IReadOnlyList<InboxItem> ReportsOwed, IReadOnlyList<EnterpriseClaimRow> Claims);

/// <summary>
/// The enterprise's own home: its applications with their stage and the documents still missing, its problems (those
/// answered wait for its rating), the measures it may qualify for — the office's 免申即享 computation
/// (<see cref="Eligibility.Candidates"/>) read over the enterprise's own scope — and the reports it owes.
/// </summary>
public sealed class EnterpriseHome(AppDb dbs, CurrentUser user, TimeProvider clock, Eligibility eligibility, ReadInbox inbox)
{
    private static readonly string[] Closed = [WorkflowDefinition.Archived, WorkflowDefinition.Rejected];

    public async Task<EnterpriseHomeView> Mine(CancellationToken ct)
    {
        user.Require(Permission.ViewEnterprises);
        if (user.Scope.EnterpriseId is not { } enterpriseId) return new EnterpriseHomeView(null, [], [], [], [], []);
        var today = BusinessDate.Today(clock);
        string name;
        string place;
        List<EnterpriseApplicationRow> applications;
        List<EnterpriseProblemRow> problems;
        List<IncentiveMeasure> measures;
        List<EnterpriseClaimRow> claims;
        await using (var db = dbs.OpenHome())
        {
            var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => new { e.Name, e.JurisdictionPath }).FirstOrDefaultAsync(ct);
            if (enterprise is null) return new EnterpriseHomeView(null, [], [], [], [], []);
            (name, place) = (enterprise.Name, enterprise.JurisdictionPath);
            applications = await Applications(db, today, ct);
            var now = clock.GetUtcNow();
            problems = (await db.Problems.AsNoTracking().Where(p => p.Status != ProblemStatus.Closed).OrderBy(p => p.Status).ThenBy(p => p.DueAt).ToListAsync(ct))
                .Select(p => new EnterpriseProblemRow(p.Id, p.Title, p.Status, p.Level, BusinessDate.Of(p.DueAt), EscalationLadder.IsOverdue(p.Status, p.DueAt, now),
                    p.Resolution, p.Status == ProblemStatus.Resolved)).ToList();
            claims = user.Can(Permission.ViewArrears)
                ? (await Arrears.ReadArrears.Rows(db, null, today, ct)).Select(c => new EnterpriseClaimRow(c.Id, c.Debtor, c.ClaimedAmount, c.AgreedAmount,
                    c.RepaidAmount, c.Status, c.OverdueSince)).ToList()
                : [];
            measures = user.Can(Permission.ViewIncentives) ? await IncentiveCases.Applicable(db, place, ct) : [];
        }
        var candidates = new List<EnterpriseCandidateRow>();
        foreach (var m in measures.OrderBy(m => m.JurisdictionPath, StringComparer.Ordinal).ThenBy(m => m.Ordinal))
            foreach (var c in (await eligibility.Candidates(m.Id, ct)).Where(c => c.EnterpriseId == enterpriseId))
                candidates.Add(new EnterpriseCandidateRow(m.Id, m.Title, c.Name, c.Ceiling, c.AmountToBeSet, c.Conclusion));
        var owed = (await inbox.Mine(null, false, ct)).Items.Where(i => i.Kind is InboxKind.ProjectReport).ToList();
        return new EnterpriseHomeView(name, applications, problems, candidates, owed, claims);
    }

    private static async Task<List<EnterpriseApplicationRow>> Applications(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Set<IncentiveApplication>().AsNoTracking().Where(a => !Closed.Contains(a.State)).OrderByDescending(a => a.Id).Take(50).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var places = rows.Select(a => a.JurisdictionPath).Distinct().ToList();
        var measureIds = rows.Select(a => a.MeasureId).Distinct().ToList();
        var measures = (await db.InheritedAsync<IncentiveMeasure>(places, ct, m => measureIds.Contains(m.Id))).ToDictionary(m => m.Id);
        var workflowIds = measures.Values.Select(m => m.WorkflowId).OfType<Guid>().Distinct().ToList();
        var workflows = (await db.InheritedAsync<IncentiveWorkflow>(places, ct, w => workflowIds.Contains(w.Id))).ToDictionary(w => w.Id, w => w.Definition);
        var ids = rows.Select(a => a.Id).ToList();
        var files = (await db.Set<ApplicationFile>().AsNoTracking().Where(f => ids.Contains(f.ApplicationId)).Select(f => new { f.ApplicationId, f.ChecklistNumber }).ToListAsync(ct))
            .ToLookup(f => f.ApplicationId, f => f.ChecklistNumber);
        return rows.Select(a =>
        {
            var m = measures.GetValueOrDefault(a.MeasureId);
            var definition = m?.WorkflowId is { } w ? workflows.GetValueOrDefault(w) : null;
            var uploaded = files[a.Id].ToHashSet();
            var missing = m is null ? [] : m.Checklist.Where(c => c.Required && !uploaded.Contains(c.Number)).Select(c => $"{c.Number}. {c.Name}").ToList();
            return new EnterpriseApplicationRow(a.Id, a.Number, m?.Title ?? "", a.State, ApplicationMachine.StateName(definition, a.State), a.StageDueOn,
                a.StageDueOn is { } due && StageDeadline.IsOverdue(due, today), missing,
                a.State is WorkflowDefinition.Returned ? a.Reason : null);
        }).ToList();
    }
}
