using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

public sealed record ProjectView(
    Guid Id, string Name, Guid JurisdictionId, string JurisdictionPath, Guid? EnterpriseId, Guid? ChainId, Guid? NodeId,
    ProjectPurpose? Purpose, ProjectKind Kind, ProjectStage Stage, ProjectFlags Flags, decimal TotalInvestment,
    decimal EquipmentInvestment, decimal NewOutputValue, DateOnly? PlannedStart, DateOnly? PlannedCompletion,
    DateOnly? ActualStart, DateOnly? ActualCompletion, string? Description, int Version)
{
    public static ProjectView Of(Project p) => new(p.Id, p.Name, p.JurisdictionId, p.JurisdictionPath, p.EnterpriseId, p.ChainId,
        p.NodeId, p.Purpose, p.Kind, p.Stage, p.Flags, p.TotalInvestment, p.EquipmentInvestment, p.NewOutputValue, p.PlannedStart,
        p.PlannedCompletion, p.ActualStart, p.ActualCompletion, p.Description, p.Version);
}

/// <summary>The projects the caller can see (an enterprise user: its own enterprise's).</summary>
public sealed class ReadProjects(AppDb dbs, CurrentUser user)
{
    public sealed record Query(ProjectStage? Stage = null, Guid? ChainId = null, string? Search = null);

    public async Task<IReadOnlyList<ProjectView>> List(Query query, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var rows = db.Set<Project>().AsNoTracking();
        if (query.Stage is { } stage) rows = rows.Where(p => p.Stage == stage);
        if (query.ChainId is { } chain) rows = rows.Where(p => p.ChainId == chain);
        if (!string.IsNullOrWhiteSpace(query.Search)) rows = rows.Where(p => p.Name.Contains(query.Search.Trim()));
        var list = await rows.OrderBy(p => p.JurisdictionPath).ThenBy(p => p.Name).ToListAsync(ct);
        return list.Select(ProjectView.Of).ToList();
    }

    public async Task<ProjectView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
                      ?? throw new NotFoundException("project", "项目不存在 (project not found)");
        return ProjectView.Of(project);
    }
}
