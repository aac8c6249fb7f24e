using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Investment;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Data;

/// <summary>
/// Door: a project kept in one jurisdiction with a share credited to a locality of another (分投资、分产值; the share
/// is <see cref="ISharedWith"/>, so the locality sees it) counts in that locality's figures. So the locality reads the
/// project past the jurisdiction filter — only the projects of the shares it sees, credited inside the asked place —
/// and only what a share's figures need: name, owner, stage and its dates, money, industry and labels; never its
/// enterprise, unit, leader, approvals or reports. Its funds in place leave as amounts per year. The enterprise filter
/// stays (an enterprise user sees only its own enterprise's shares, and so its projects).
/// </summary>
public static class SharedProjects
{
    public sealed record YearFunds(Guid ProjectId, int Year, decimal Amount);

    /// <summary>
    /// The projects kept outside <paramref name="place"/> with a share the caller sees credited to a locality inside it,
    /// optionally narrowed by a condition on the project. The rows carry only the figures a share needs (no enterprise).
    /// </summary>
    public static async Task<List<Project>> SharedInProjectsAsync(this AppDbContext db, string place, CancellationToken ct,
        Expression<Func<Project, bool>>? where = null)
    {
        var ids = await SharedInIdsAsync(db, place, ct);
        if (ids.Count == 0) return [];
        var rows = db.Set<Project>().IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking().Where(p => ids.Contains(p.Id));
        if (where is not null) rows = rows.Where(RowOnly.Check(where));
        return await rows.Select(p => new Project
        {
            Id = p.Id, Name = p.Name, JurisdictionId = p.JurisdictionId, JurisdictionPath = p.JurisdictionPath, Stage = p.Stage, Kind = p.Kind, Flags = p.Flags,
            IndustryCode = p.IndustryCode, TotalInvestment = p.TotalInvestment, NewOutputValue = p.NewOutputValue, ListedOn = p.ListedOn, SignedOn = p.SignedOn,
            ActualStart = p.ActualStart, ActualCompletion = p.ActualCompletion, AtCapacityOn = p.AtCapacityOn, TerminatedOn = p.TerminatedOn,
        }).ToListAsync(ct);
    }

    /// <summary>The funds in place of <paramref name="projectIds"/> in the years given, for those shared into <paramref name="place"/> only.</summary>
    public static async Task<List<YearFunds>> SharedInFundsAsync(this AppDbContext db, string place, IEnumerable<Guid> projectIds, int fromYear, int toYear,
        CancellationToken ct)
    {
        var shared = await SharedInIdsAsync(db, place, ct);
        var ids = projectIds.Where(shared.Contains).Distinct().ToList();
        if (ids.Count == 0) return [];
        // Summed by the caller: SQLite stores decimals as text.
        return await db.Set<FundsInPlace>().IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking()
            .Where(f => ids.Contains(f.ProjectId) && f.Year >= fromYear && f.Year <= toYear)
            .Select(f => new YearFunds(f.ProjectId, f.Year, f.Amount)).ToListAsync(ct);
    }

    /// <summary>The projects of the shares the caller sees (through the filters) credited inside the place and kept outside it.</summary>
    private static async Task<List<Guid>> SharedInIdsAsync(AppDbContext db, string place, CancellationToken ct) =>
        !db.Scope.Reaches(place) ? [] : await db.Set<ProjectShare>().AsNoTracking()
            .Where(s => s.SharedWithPath.StartsWith(place) && !s.JurisdictionPath.StartsWith(place)).Select(s => s.ProjectId).Distinct().ToListAsync(ct);
}
