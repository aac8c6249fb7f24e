using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// A project as it counts for a jurisdiction (分投资、分产值): the fractions of its investment and output credited to
/// localities inside the jurisdiction. <paramref name="Own"/>: listed inside it; otherwise it counts only through
/// a share (a neighbouring county's project).
/// </summary>
public sealed record CreditedProject(Project Project, decimal InvestmentFraction, decimal OutputFraction, bool Own);

/// <summary>
/// The projects that count for a jurisdiction: those listed in it, at the shares of its localities, and those listed
/// elsewhere with a share assigned to one of its localities. A share row is visible to its locality (see
/// <see cref="ProjectShare"/>); the figures of such a project come through the <see cref="SharedProjects"/> door,
/// which reads only the projects of the visible shares and only what a share needs (name, owner, stage, amounts) —
/// never its enterprise, approvals or reports. Every project counts once, at fractions that sum to at most 1, so nothing is
/// counted twice however the jurisdictions are added up.
/// </summary>
public static class ProjectCredits
{
    public static async Task<IReadOnlyList<CreditedProject>> ForAsync(AppDbContext db, string path, Expression<Func<Project, bool>> which, CancellationToken ct)
    {
        var own = await db.Set<Project>().AsNoTracking().Where(p => p.JurisdictionPath.StartsWith(path)).Where(which).ToListAsync(ct);
        var ownIds = own.Select(p => p.Id).ToList();
        var guests = await db.SharedInProjectsAsync(path, ct, which);
        var ids = ownIds.Concat(guests.Select(p => p.Id)).ToList();
        var shares = (await db.Set<ProjectShare>().AsNoTracking().Where(s => ids.Contains(s.ProjectId)).ToListAsync(ct)).ToLookup(s => s.ProjectId);
        CreditedProject Credit(Project p, bool isOwn)
        {
            var agreed = shares[p.Id].ToList();
            if (agreed.Count == 0) return new(p, 1m, 1m, isOwn);
            var inside = agreed.Where(s => s.SharedWithPath.StartsWith(path, StringComparison.Ordinal)).ToList();
            return new(p, inside.Sum(s => s.InvestmentPercent) / 100m, inside.Sum(s => s.OutputPercent) / 100m, isOwn);
        }
        return own.Select(p => Credit(p, true)).Concat(guests.Select(p => Credit(p, false))).Where(c => c.InvestmentFraction > 0 || c.OutputFraction > 0).ToList();
    }
}

/// <summary>A share of a neighbour's project credited to one of the caller's localities: what the locality is told of it.</summary>
/// <param name="JurisdictionPath">The locality's path (the row is the locality's share, inside the caller's scope).</param>
public sealed record SharedInView(Guid Id, Guid ProjectId, string ProjectName, string OwnerJurisdiction, Guid LocalityId, string LocalityName,
    string JurisdictionPath, ProjectStage Stage, decimal InvestmentPercent, decimal OutputPercent, decimal TotalInvestment, decimal CreditedInvestment,
    decimal CreditedOutput);

/// <summary>The shares of other jurisdictions' projects assigned to the caller's localities (分投资、分产值 counted here).</summary>
public sealed class ReadSharedIn(AppDb dbs, CurrentUser user)
{
    public async Task<IReadOnlyList<SharedInView>> Handle(CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var path = db.Scope.Path;
        var shares = await db.Set<ProjectShare>().AsNoTracking()
            .Where(s => s.SharedWithPath.StartsWith(path) && !s.JurisdictionPath.StartsWith(path)).ToListAsync(ct);
        var projects = (await db.SharedInProjectsAsync(path, ct)).ToDictionary(p => p.Id);
        var names = await db.JurisdictionNamesAsync(shares.Select(s => s.LocalityId).Concat(projects.Values.Select(p => p.JurisdictionId)), ct);
        return shares.Where(s => projects.ContainsKey(s.ProjectId)).Select(s =>
            {
                var p = projects[s.ProjectId];
                return new SharedInView(s.Id, p.Id, p.Name, names.GetValueOrDefault(p.JurisdictionId, ""), s.LocalityId, names.GetValueOrDefault(s.LocalityId, ""),
                    s.SharedWithPath, p.Stage, s.InvestmentPercent, s.OutputPercent, p.TotalInvestment,
                    Math.Round(p.TotalInvestment * s.InvestmentPercent / 100m, 2), Math.Round(p.NewOutputValue * s.OutputPercent / 100m, 2));
            })
            .OrderBy(v => v.ProjectName, StringComparer.Ordinal).ThenBy(v => v.LocalityName, StringComparer.Ordinal).ToList();
    }
}
