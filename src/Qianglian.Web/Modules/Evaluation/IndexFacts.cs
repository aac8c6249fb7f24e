using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Core.Evaluation;
using Qianglian.Core.Projects;
using Qianglian.Core.Supervision;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>A subject's facts and the jurisdiction its result belongs to.</summary>
public sealed record SubjectOf(SubjectFacts Facts, Guid JurisdictionId);

/// <summary>
/// Gathers the facts of every subject of an index run from the modules' data, in a few grouped queries: a
/// jurisdiction's own chains (their local enterprises, nodes, tiers, projects and problems), or the parks below it
/// (their resident enterprises, the projects' shares credited to them, their enterprises' problems).
/// </summary>
public sealed class IndexFacts(MetricRegistry metrics)
{
    public async Task<IReadOnlyList<SubjectOf>> ForAsync(AppDbContext db, Jurisdiction place, IndexSubject subject, int year, IndexDefinition definition, CancellationToken ct)
    {
        var wantsFunds = definition.Model.Indicators.Any(i => i.Input == IndexInputs.FundsInPlace);
        return subject == IndexSubject.Chain ? await Chains(db, place, year, wantsFunds, ct) : await Parks(db, place, year, wantsFunds, ct);
    }

    private async Task<IReadOnlyList<SubjectOf>> Chains(AppDbContext db, Jurisdiction place, int year, bool wantsFunds, CancellationToken ct)
    {
        var chains = await db.Chains.AsNoTracking().Where(c => c.JurisdictionId == place.Id).OrderBy(c => c.Ordinal).ThenBy(c => c.Name).ToListAsync(ct);
        var ids = chains.Select(c => c.Id).ToList();
        var links = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                           join e in db.Enterprises.AsNoTracking() on l.EnterpriseId equals e.Id
                           where ids.Contains(l.ChainId) && l.Evidence != EvidenceStrength.Rejected
                           select new { l.ChainId, l.NodeId, l.EnterpriseId, l.Role, e.JurisdictionPath, e.IndustryCode }).ToListAsync(ct);
        var paths = chains.ToDictionary(c => c.Id, c => c.JurisdictionPath);
        var local = links.Where(l => l.JurisdictionPath.StartsWith(paths[l.ChainId], StringComparison.Ordinal)).ToList();
        var facts = await Facts(db, local.Select(l => l.EnterpriseId).Distinct().ToList(), year, ct);
        var leaders = await Cultivation.ChainLeaderRoster.OfChainsAsync(db, chains, year, ct);
        var nodes = (await db.ChainNodes.AsNoTracking().Where(n => ids.Contains(n.ChainId)).Select(n => n.ChainId).ToListAsync(ct)).CountBy(c => c).ToDictionary();
        var tiers = await Tiers(db, db.TierMemberships.Where(m => ids.Contains(m.ChainId)), year, ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.ChainId != null && ids.Contains(p.ChainId.Value) && p.Stage != ProjectStage.Terminated).ToListAsync(ct);
        var money = await Investment(db, projects.Select(p => (p, 1m)).ToList(), year, ct);
        var problems = (await db.Problems.AsNoTracking().Where(p => p.ChainId != null && ids.Contains(p.ChainId.Value))
            .Select(p => new { p.ChainId, p.Status, p.ClosedOnTime, p.Escalated, p.Rating }).ToListAsync(ct)).ToLookup(p => p.ChainId!.Value);

        var result = new List<SubjectOf>();
        foreach (var c in chains)
        {
            var mine = local.Where(l => l.ChainId == c.Id).ToList();
            var members = mine.GroupBy(l => l.EnterpriseId)
                .Select(g => Member(g.Key, g.First().IndustryCode, leaders[c.Id].Contains(g.Key), facts, year)).ToList();
            var chainProjects = projects.Where(p => p.ChainId == c.Id).Select(p => p.Id).ToHashSet();
            var (planned, completed) = Sum(money.Where(m => chainProjects.Contains(m.Key)).Select(m => m.Value));
            var onTime = ProblemFigures.Of(problems[c.Id].Select(p => new ProblemFacts(p.Status, p.ClosedOnTime, p.Escalated, p.Rating))).OnTimeRate;
            var funds = wantsFunds ? await Funds(db, c.JurisdictionPath, year, c.Name, ct) : null;
            result.Add(new(new SubjectFacts(c.Id.ToString(), c.Name, members, nodes.GetValueOrDefault(c.Id), mine.Select(l => l.NodeId).Distinct().Count(),
                tiers.GetValueOrDefault(c.Id.ToString(), new TierCounts(0, 0, 0)), planned, completed, funds, onTime), c.JurisdictionId));
        }
        return result;
    }

    private async Task<IReadOnlyList<SubjectOf>> Parks(AppDbContext db, Jurisdiction place, int year, bool wantsFunds, CancellationToken ct)
    {
        var parks = await db.Jurisdictions.AsNoTracking().Where(j => j.Level == JurisdictionLevel.Park && j.JurisdictionPath.StartsWith(place.JurisdictionPath))
            .OrderBy(j => j.Code).ToListAsync(ct);
        var ids = parks.Select(p => p.Id).ToList();
        var firms = await db.Enterprises.AsNoTracking().Where(e => (e.ParkId != null && ids.Contains(e.ParkId.Value)) || ids.Contains(e.JurisdictionId))
            .Select(e => new { e.Id, Park = e.ParkId ?? e.JurisdictionId, e.IndustryCode }).ToListAsync(ct);
        var firmIds = firms.Select(f => f.Id).ToList();
        var facts = await Facts(db, firmIds, year, ct);
        var leaders = await Cultivation.ChainLeaderRoster.AmongAsync(db, firmIds, year, ct);
        var parkOf = firms.ToDictionary(f => f.Id, f => f.Park.ToString());
        var tiers = await Tiers(db, db.TierMemberships.Where(m => firmIds.Contains(m.EnterpriseId)), year, ct, m => parkOf[m.EnterpriseId]);
        var problems = (await db.Problems.AsNoTracking().Where(p => firmIds.Contains(p.EnterpriseId))
            .Select(p => new { p.EnterpriseId, p.Status, p.ClosedOnTime, p.Escalated, p.Rating }).ToListAsync(ct)).ToLookup(p => parkOf[p.EnterpriseId]);

        // A project counts for a park at the share agreed for it (分投资), or wholly where it is listed when no shares were agreed.
        var shares = (await db.Set<ProjectShare>().AsNoTracking().Where(s => ids.Contains(s.LocalityId)).Select(s => s.ProjectId).ToListAsync(ct)).ToHashSet();
        var candidates = await db.Projects.AsNoTracking().Where(p => p.Stage != ProjectStage.Terminated && (ids.Contains(p.JurisdictionId) || shares.Contains(p.Id))).ToListAsync(ct);
        var candidateIds = candidates.Select(p => p.Id).ToList();
        var agreed = (await db.Set<ProjectShare>().AsNoTracking().Where(s => candidateIds.Contains(s.ProjectId)).ToListAsync(ct)).ToLookup(s => s.ProjectId);

        var result = new List<SubjectOf>();
        foreach (var park in parks)
        {
            var members = firms.Where(f => f.Park == park.Id).Select(f => Member(f.Id, f.IndustryCode, leaders.Contains(f.Id), facts, year)).ToList();
            var credited = candidates.Select(p => (p, Shares.InvestmentSplit(p.JurisdictionId,
                    agreed[p.Id].Select(s => new LocalityShare(s.LocalityId, s.InvestmentPercent, s.OutputPercent)).ToList())
                .Where(s => s.Locality == park.Id).Sum(s => s.Fraction))).Where(x => x.Item2 > 0).ToList();
            var money = await Investment(db, credited, year, ct);
            var onTime = ProblemFigures.Of(problems[park.Id.ToString()].Select(p => new ProblemFacts(p.Status, p.ClosedOnTime, p.Escalated, p.Rating))).OnTimeRate;
            var funds = wantsFunds ? await Funds(db, park.JurisdictionPath, year, null, ct) : null;
            var (planned, completed) = Sum(money.Values);
            result.Add(new(new SubjectFacts(park.Id.ToString(), park.Name, members, null, null, tiers.GetValueOrDefault(park.Id.ToString(), new TierCounts(0, 0, 0)),
                planned, completed, funds, onTime), park.Id));
        }
        return result;
    }

    private static MemberFact Member(Guid id, string? industryCode, bool leader, IReadOnlyDictionary<(Guid, int), Enterprises.EnterpriseYearFact> facts, int year)
    {
        var now = facts.GetValueOrDefault((id, year));
        var before = facts.GetValueOrDefault((id, year - 1));
        var industrial = industryCode is { } code && IndustryCode.Check(code).IsIndustrial;
        // An enterprise that reported nothing for the year has no output (not 0): it neither shrinks nor grows its chain.
        return new MemberFact(id, now is not null && AboveScale.Is(industrial, now.Revenue), leader, now?.OutputValue, before?.OutputValue,
            now?.Revenue ?? 0, now?.RdSpend ?? 0);
    }

    private static async Task<IReadOnlyDictionary<(Guid, int), Enterprises.EnterpriseYearFact>> Facts(AppDbContext db, List<Guid> enterprises, int year, CancellationToken ct) =>
        (await db.EnterpriseFacts.AsNoTracking().Where(f => enterprises.Contains(f.EnterpriseId) && (f.Year == year || f.Year == year - 1)).ToListAsync(ct))
        .ToDictionary(f => (f.EnterpriseId, f.Year));

    /// <summary>Tiers held at the end of the year, counted per subject (a chain by default).</summary>
    private static async Task<Dictionary<string, TierCounts>> Tiers(AppDbContext db, IQueryable<Cultivation.TierMembership> query, int year, CancellationToken ct,
        Func<Cultivation.TierMembership, string>? subjectOf = null)
    {
        var held = await query.AsNoTracking().Where(m => m.FromYear <= year && (m.ToYear == null || m.ToYear > year)).ToListAsync(ct);
        return held.GroupBy(subjectOf ?? (m => m.ChainId.ToString())).ToDictionary(g => g.Key, g => new TierCounts(
            g.Count(m => m.Tier == Core.Cultivation.Tier.Demonstration), g.Count(m => m.Tier == Core.Cultivation.Tier.Cultivation), g.Count(m => m.Tier == Core.Cultivation.Tier.Candidate)));
    }

    /// <summary>The planned and reported investment of projects; each null when none of them has a plan / a report of the year.</summary>
    private static (decimal? Planned, decimal? Completed) Sum(IEnumerable<(decimal? Planned, decimal? Completed)> money)
    {
        var list = money.ToList();
        return (list.Any(m => m.Planned is not null) ? list.Sum(m => m.Planned ?? 0) : null, list.Any(m => m.Completed is not null) ? list.Sum(m => m.Completed ?? 0) : null);
    }

    /// <summary>
    /// The year's planned and reported investment of each project, at the fraction credited to the subject (summed here:
    /// SQLite cannot sum decimals); null when the project has no plan / no monthly report of the year.
    /// </summary>
    private static async Task<Dictionary<Guid, (decimal? Planned, decimal? Completed)>> Investment(AppDbContext db, IReadOnlyList<(Project Project, decimal Fraction)> projects,
        int year, CancellationToken ct)
    {
        var ids = projects.Select(p => p.Project.Id).ToList();
        var plans = (await db.Set<ProjectAnnualPlan>().AsNoTracking().Where(a => ids.Contains(a.ProjectId) && a.Year == year).Select(a => new { a.ProjectId, a.PlannedInvestment }).ToListAsync(ct))
            .ToLookup(a => a.ProjectId, a => a.PlannedInvestment);
        var done = (await db.Set<MonthlyReport>().AsNoTracking().Where(r => ids.Contains(r.ProjectId) && r.Year == year).Select(r => new { r.ProjectId, r.MonthInvestment }).ToListAsync(ct))
            .ToLookup(r => r.ProjectId, r => r.MonthInvestment);
        return projects.ToDictionary(p => p.Project.Id, p => (
            plans[p.Project.Id].Any() ? plans[p.Project.Id].Sum() * p.Fraction : (decimal?)null,
            done[p.Project.Id].Any() ? done[p.Project.Id].Sum() * p.Fraction : (decimal?)null));
    }

    private async Task<decimal?> Funds(AppDbContext db, string path, int year, string? chain, CancellationToken ct) =>
        (await metrics.ActualAsync(db, IndexInputCatalog.FundsInPlaceMetric, new MetricQuery(path, year, chain), ct))?.Value;
}
