using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Modules.Supervision;

public sealed record MatterRow(Guid Id, Guid ChainId, string Decision, Guid UnitId, string Unit, DateOnly DueOn, MatterStatus Status, DateOnly? DoneOn,
    string? CompletionNote, DeadlineState State, Guid? MeetingId, string JurisdictionPath, int Version);

public sealed record VisitRow(Guid Id, DateOnly VisitedOn, string Place, IReadOnlyList<string> Enterprises, string Participants, string Findings, string RecordedBy);

public sealed record MeetingRow(Guid Id, DateOnly HeldOn, string Title, string Agenda, string Attendees, int Decisions, int DecisionsDone);

/// <param name="Output">Output value of the chain's enterprises in <paramref name="Year"/> (yuan).</param>
/// <param name="MissingQuarters">Quarters of this year that ended without a promotion meeting.</param>
/// <param name="StuckProjects">The chain's projects on a red or yellow early-warning light (from the projects module), worst first.</param>
public sealed record ChiefHome(Guid ChainId, string Chain, string? Chief, string? LeadUnit, int Enterprises, int ChainLeaders, int? Year, decimal Output,
    FiguresRow Problems, int OpenProblems, IReadOnlyList<ProblemRow> Escalated, IReadOnlyList<MatterRow> OpenMatters, int MattersDone, int MattersOverdue,
    IReadOnlyList<MeetingRow> Meetings, IReadOnlyList<int> MissingQuarters, IReadOnlyList<VisitRow> Visits, IReadOnlyList<Projects.StuckProject> StuckProjects);

/// <summary>The chain chief's desk: the chain's figures, open matters, escalated problems, meetings and visits; and the matters list.</summary>
public sealed class ReadChainWork(AppDb dbs, CurrentUser user, TimeProvider clock, ReadProblems problems)
{
    public async Task<ChiefHome> Home(Guid chainId, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var chain = await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chainId, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var today = BusinessDate.Today(clock);
        // The chain's enterprises as every chain figure counts them: inside the chain's jurisdiction, link not rejected.
        var firms = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                           join e in db.Enterprises on l.EnterpriseId equals e.Id
                           where l.ChainId == chainId && l.Evidence != EvidenceStrength.Rejected && e.JurisdictionPath.StartsWith(chain.JurisdictionPath)
                           select l.EnterpriseId).Distinct().ToListAsync(ct);
        var leaders = await Cultivation.ChainLeaderRoster.OfChainAsync(db, chain, today.Year, ct);
        var year = await db.EnterpriseFacts.Where(f => firms.Contains(f.EnterpriseId)).MaxAsync(f => (int?)f.Year, ct);
        var output = year is { } y ? await db.EnterpriseFacts.Where(f => firms.Contains(f.EnterpriseId) && f.Year == y).SumAsync(f => f.OutputValue, ct) : 0m;

        var facts = await db.Problems.AsNoTracking().Where(p => p.ChainId == chainId).Select(p => new { p.Status, p.ClosedOnTime, p.Escalated, p.Rating }).ToListAsync(ct);
        var f = ProblemFigures.Of(facts.Select(x => new ProblemFacts(x.Status, x.ClosedOnTime, x.Escalated, x.Rating)));
        var escalated = await problems.List(new ReadProblems.Query(ChainId: chainId, Status: ProblemStatus.Open, PageSize: 50), ct);

        var matters = await Matters(db, db.AssignedMatters.AsNoTracking().Where(m => m.ChainId == chainId), today, ct);
        var meetings = await db.PromotionMeetings.AsNoTracking().Where(m => m.ChainId == chainId).OrderByDescending(m => m.HeldOn).ToListAsync(ct);
        var decisions = matters.Where(m => m.MeetingId is not null).ToLookup(m => m.MeetingId!.Value);
        var visits = await db.FieldVisits.AsNoTracking().Where(v => v.ChainId == chainId).OrderByDescending(v => v.VisitedOn).Take(20).ToListAsync(ct);
        var visited = visits.SelectMany(v => v.EnterpriseIds).Distinct().ToList();
        // Names the caller may read: an enterprise user reads only its own among the enterprises visited.
        var names = await db.EnterpriseNamesAsync(visited, ct);
        var people = await db.UserNamesAsync(new[] { chain.ChiefUserId }.OfType<Guid>(), ct);
        var units = await db.UnitNamesAsync(new[] { chain.LeadUnitId }.OfType<Guid>(), ct);
        var stuck = await Projects.StuckProjects.OfChainAsync(db, chainId, today, ct);

        return new ChiefHome(chain.Id, chain.Name, chain.ChiefUserId is { } c ? people.GetValueOrDefault(c) : null, chain.LeadUnitId is { } u ? units.GetValueOrDefault(u) : null,
            firms.Count, leaders.Count, year, output,
            new FiguresRow(chain.Id, chain.Name, f.Total, f.Closed, f.ClosedOnTime, f.OnTimeRate, f.Escalated, f.EscalationRate, f.Rated, f.SatisfactionRate),
            facts.Count(x => x.Status != ProblemStatus.Closed),
            escalated.Items.Where(p => p.Level >= EscalationLevel.ChainChief).ToList(),
            matters.Where(m => m.Status == MatterStatus.Open).OrderBy(m => m.DueOn).ToList(), matters.Count(m => m.Status == MatterStatus.Done),
            matters.Count(m => m.State == DeadlineState.Overdue),
            meetings.Select(m => new MeetingRow(m.Id, m.HeldOn, m.Title, m.Agenda, m.Attendees, decisions[m.Id].Count(), decisions[m.Id].Count(d => d.Status == MatterStatus.Done))).ToList(),
            MeetingCadence.MissingQuarters(today.Year, meetings.Select(m => m.HeldOn), today),
            visits.Select(v => new VisitRow(v.Id, v.VisitedOn, v.Place, v.EnterpriseIds.Where(names.ContainsKey).Select(e => names[e]).ToList(), v.Participants, v.Findings, v.RecordedBy)).ToList(),
            StuckProjects: stuck);
    }

    /// <summary>Assigned matters in the caller's scope: of a chain, or (mine) of the caller's unit; open ones first by deadline.</summary>
    public async Task<IReadOnlyList<MatterRow>> List(Guid? chainId, bool mine, bool openOnly, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var query = db.AssignedMatters.AsNoTracking().AsQueryable();
        if (chainId is { } c) query = query.Where(m => m.ChainId == c);
        if (openOnly) query = query.Where(m => m.Status == MatterStatus.Open);
        if (mine)
        {
            var unit = (await Caller.OfAsync(user, db, ct)).UnitId;
            query = query.Where(m => m.UnitId == unit);
        }
        return (await Matters(db, query, BusinessDate.Today(clock), ct)).OrderBy(m => m.Status).ThenBy(m => m.DueOn).ToList();
    }

    internal static async Task<List<MatterRow>> Matters(AppDbContext db, IQueryable<AssignedMatter> query, DateOnly today, CancellationToken ct)
    {
        var rows = await query.Take(2000).ToListAsync(ct);
        var units = await db.UnitNamesAsync(rows.Select(m => m.UnitId), ct);
        return rows.Select(m => new MatterRow(m.Id, m.ChainId, m.Decision, m.UnitId, units.GetValueOrDefault(m.UnitId, ""), m.DueOn, m.Status, m.DoneOn, m.CompletionNote,
            Deadlines.StateOf(m.DueOn, m.DoneOn, today, 3), m.MeetingId, m.JurisdictionPath, m.Version)).ToList();
    }
}
