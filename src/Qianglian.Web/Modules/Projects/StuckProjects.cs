using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>A project on a yellow or red early-warning light, with why.</summary>
public sealed record StuckProject(Guid Id, string Name, ProjectStage Stage, Light Light, IReadOnlyList<string> Reasons);

/// <summary>
/// The stuck projects (early warning red or yellow) among projects in the caller's scope, worst first: what the chain
/// chief's desk and the dashboards list.
/// </summary>
public static class StuckProjects
{
    public static async Task<List<StuckProject>> OfChainAsync(AppDbContext db, Guid chainId, DateOnly today, CancellationToken ct) =>
        await OfAsync(db, await db.Projects.AsNoTracking().Where(p => p.ChainId == chainId && p.Stage != ProjectStage.Terminated).ToListAsync(ct), today, ct);

    public static async Task<List<StuckProject>> OfAsync(AppDbContext db, IReadOnlyList<Project> projects, DateOnly today, CancellationToken ct)
    {
        var signals = await ProjectSignals.ForAsync(db, projects, today, ct);
        return projects.Where(p => signals[p.Id].Light != Light.Green)
            .OrderByDescending(p => signals[p.Id].Light).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new StuckProject(p.Id, p.Name, p.Stage, signals[p.Id].Light, signals[p.Id].Reasons)).ToList();
    }
}
