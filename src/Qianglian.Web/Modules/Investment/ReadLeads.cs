using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Investment;

/// <summary>The attraction pipeline: leads by stage (paged, filtered, sorted on the server) and one lead with its follow-ups and package.</summary>
public sealed class ReadLeads(AppDb dbs, CurrentUser user)
{
    public enum Sort { Name, Investment, Stage, Opened }

    public sealed record Query(LeadStage? Stage = null, Guid? ChainId = null, string? Search = null, bool? Major = null, Sort SortBy = Sort.Opened,
        bool Descending = true, int Page = 1, int PageSize = 50);

    public async Task<LeadPage> List(Query q, CancellationToken ct)
    {
        user.Require(Permission.ViewInvestment);
        await using var db = dbs.Open();
        var rows = Filter(db.Set<Lead>().AsNoTracking(), q);
        rows = (q.SortBy, q.Descending) switch
        {
            (Sort.Name, false) => rows.OrderBy(l => l.Name), (Sort.Name, true) => rows.OrderByDescending(l => l.Name),
            (Sort.Investment, false) => rows.OrderBy(l => l.PlannedInvestment), (Sort.Investment, true) => rows.OrderByDescending(l => l.PlannedInvestment),
            (Sort.Stage, false) => rows.OrderBy(l => l.Stage), (Sort.Stage, true) => rows.OrderByDescending(l => l.Stage),
            (_, false) => rows.OrderBy(l => l.OpenedOn), _ => rows.OrderByDescending(l => l.OpenedOn),
        };
        var size = Math.Clamp(q.PageSize, 1, 500);
        var total = await rows.CountAsync(ct);
        var page = await ((IOrderedQueryable<Lead>)rows).ThenBy(l => l.Id).Skip((Math.Max(q.Page, 1) - 1) * size).Take(size).ToListAsync(ct);
        return new LeadPage(await Views(db, page, ct), total);
    }

    public async Task<LeadDetail> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewInvestment);
        await using var db = dbs.Open();
        var lead = await db.Set<Lead>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new Api.NotFoundException("lead", "招商线索不存在 (lead not found)");
        var view = (await Views(db, [lead], ct))[0];
        // Instants are ordered in memory: SQLite cannot order by a DateTimeOffset.
        var followUps = (await db.Set<LeadFollowUp>().AsNoTracking().Where(f => f.LeadId == id)
            .Select(f => new FollowUpView(f.Id, f.On, f.Note, f.From, f.To, f.By, f.At)).ToListAsync(ct))
            .OrderByDescending(f => f.On).ThenByDescending(f => f.At).ToList();
        var deal = await db.Set<DealPackage>().AsNoTracking().Where(d => d.LeadId == id)
            .Select(d => new DealView(d.Id, d.Terms, d.EstimatedValue, d.Status, d.SubmittedBy, d.SubmittedAt, d.DecidedBy, d.DecidedAt, d.DecisionNote)).FirstOrDefaultAsync(ct);
        var project = lead.ProjectId is { } p ? await db.Projects.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        LeadStage[] next = lead.Stage switch
        {
            LeadStage.Landed or LeadStage.Dropped => [],
            LeadStage.Signed => [LeadStage.Dropped],
            _ => [lead.Stage + 1, LeadStage.Dropped],
        };
        return new LeadDetail(view, followUps, deal, next, project);
    }

    internal static IQueryable<Lead> Filter(IQueryable<Lead> rows, Query q)
    {
        if (q.Stage is { } s) rows = rows.Where(l => l.Stage == s);
        if (q.ChainId is { } c) rows = rows.Where(l => l.ChainId == c);
        if (q.Major is { } m) rows = rows.Where(l => l.Major == m);
        if (!string.IsNullOrWhiteSpace(q.Search)) rows = rows.Where(l => l.Name.Contains(q.Search.Trim()) || l.InvestorName.Contains(q.Search.Trim()));
        return rows;
    }

    /// <summary>Names of chain and node come through the <see cref="ReferenceNames"/> door (a lead from a pushed target points at its city's chain).</summary>
    internal static async Task<IReadOnlyList<LeadView>> Views(AppDbContext db, IReadOnlyList<Lead> leads, CancellationToken ct)
    {
        var ids = leads.Select(l => l.Id).ToList();
        var chains = await db.ChainNamesAsync(leads.Select(l => l.ChainId).OfType<Guid>(), ct);
        var nodes = await db.NodeNamesAsync(leads.Select(l => l.NodeId).OfType<Guid>(), ct);
        var deals = await db.Set<DealPackage>().AsNoTracking().Where(d => ids.Contains(d.LeadId)).ToDictionaryAsync(d => d.LeadId, d => d.Status, ct);
        var places = await ReadProjects.JurisdictionNames(db, leads.Select(l => l.JurisdictionId), ct);
        return leads.Select(l => new LeadView(l.Id, l.JurisdictionId, l.JurisdictionPath, places.GetValueOrDefault(l.JurisdictionId), l.Name, l.InvestorName,
            l.InvestorUscc, l.InvestorLocation, l.ChainId, l.ChainId is { } c ? chains.GetValueOrDefault(c) : null, l.NodeId,
            l.NodeId is { } n ? nodes.GetValueOrDefault(n) : null, l.Purpose, l.IndustryCode, l.PlannedInvestment, l.Source, l.TargetPushId, l.Major,
            l.TaskForce, l.ResponsibleLeader, l.Note, l.Stage, l.OpenedOn, l.StageSince, l.SignedOn, l.DropReason, l.ProjectId, l.ConvertedOn,
            deals.GetValueOrDefault(l.Id, DealStatus.None), l.Version)).ToList();
    }
}
