using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>Adds a project to the library and edits its record (stage changes are transitions of their own).</summary>
public sealed class SaveProject(AppDb dbs, CurrentUser user)
{
    /// <summary>The editable record of a project. Money in yuan.</summary>
    public sealed record ProjectFields(
        string Name, Guid? EnterpriseId = null, Guid? ChainId = null, Guid? NodeId = null, ProjectPurpose? Purpose = null,
        ProjectKind Kind = ProjectKind.New, ProjectFlags Flags = ProjectFlags.None, decimal TotalInvestment = 0,
        decimal EquipmentInvestment = 0, decimal NewOutputValue = 0, DateOnly? PlannedStart = null,
        DateOnly? PlannedCompletion = null, string? Description = null);

    public sealed record CreateRequest(Guid JurisdictionId, ProjectFields Project);
    public sealed record UpdateRequest(ProjectFields Project, int Version);

    public async Task<ProjectView> Create(CreateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageProjects);
        var fields = Normalise(request.Project);
        await using var db = dbs.Open();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == request.JurisdictionId, ct))
            throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        await CheckReferences(db, fields, ct);
        await CheckUniqueName(db, request.JurisdictionId, fields.Name, null, ct);
        var project = new Project { JurisdictionId = request.JurisdictionId };
        Apply(project, fields);
        db.Set<Project>().Add(project);
        await db.SaveChangesAsync(ct);
        return ProjectView.Of(project);
    }

    public async Task Update(Guid id, UpdateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageProjects);
        var fields = Normalise(request.Project);
        await using var db = dbs.Open();
        var project = await db.Set<Project>().FirstOrDefaultAsync(p => p.Id == id, ct)
                      ?? throw new NotFoundException("project", "项目不存在 (project not found)");
        await CheckReferences(db, fields, ct);
        await CheckUniqueName(db, project.JurisdictionId, fields.Name, id, ct);
        db.ExpectVersion(project, request.Version);
        Apply(project, fields);
        await db.SaveChangesAsync(ct);
    }

    private static ProjectFields Normalise(ProjectFields f)
    {
        // A JSON body may omit the name altogether.
        var name = f.Name?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        void Check(bool bad, string field, string message) { if (bad) errors[field] = [message]; }
        Check(name.Length == 0, "name", "项目名称不能为空 (name is required)");
        Check(name.Length > 200, "name", "项目名称不能超过200字 (name too long)");
        Check(f.TotalInvestment < 0, "totalInvestment", "总投资不能为负数 (must not be negative)");
        Check(f.EquipmentInvestment < 0, "equipmentInvestment", "设备投资不能为负数 (must not be negative)");
        Check(f.EquipmentInvestment > f.TotalInvestment && f.TotalInvestment > 0, "equipmentInvestment",
            "设备（含软件）投资不能超过总投资 (equipment investment exceeds the total)");
        Check(f.NewOutputValue < 0, "newOutputValue", "新增生产规模不能为负数 (must not be negative)");
        Check(f.PlannedStart is { } s && f.PlannedCompletion is { } c && c < s, "plannedCompletion",
            "计划竣工日期不能早于计划开工日期 (completion before start)");
        Check(f.NodeId is not null && f.ChainId is null, "nodeId", "选择环节前须先选择产业链 (a node needs its chain)");
        if (errors.Count > 0) throw new ValidationException(errors);
        return f with { Name = name, Description = string.IsNullOrWhiteSpace(f.Description) ? null : f.Description.Trim() };
    }

    private static async Task CheckReferences(AppDbContext db, ProjectFields f, CancellationToken ct)
    {
        if (f.EnterpriseId is { } e && !await db.Enterprises.AnyAsync(x => x.Id == e, ct))
            throw new ValidationException("enterpriseId", "项目单位不在企业名录中 (enterprise not found)");
        if (f.ChainId is { } c && !await db.Chains.AnyAsync(x => x.Id == c, ct))
            throw new ValidationException("chainId", "产业链不存在 (chain not found)");
        if (f.NodeId is { } n && !await db.ChainNodes.AnyAsync(x => x.Id == n && x.ChainId == f.ChainId, ct))
            throw new ValidationException("nodeId", "该环节不属于所选产业链 (the node is not of this chain)");
    }

    private static async Task CheckUniqueName(AppDbContext db, Guid jurisdictionId, string name, Guid? except, CancellationToken ct)
    {
        if (await db.Set<Project>().IgnoreQueryFilters().AnyAsync(p => p.JurisdictionId == jurisdictionId && p.Name == name && p.Id != except, ct))
            throw new ValidationException("name", $"本辖区已有项目“{name}” (a project of this name exists)");
    }

    private static void Apply(Project p, ProjectFields f)
    {
        (p.Name, p.EnterpriseId, p.ChainId, p.NodeId, p.Purpose, p.Kind, p.Flags) = (f.Name, f.EnterpriseId, f.ChainId, f.NodeId, f.Purpose, f.Kind, f.Flags);
        (p.TotalInvestment, p.EquipmentInvestment, p.NewOutputValue) = (f.TotalInvestment, f.EquipmentInvestment, f.NewOutputValue);
        (p.PlannedStart, p.PlannedCompletion, p.Description) = (f.PlannedStart, f.PlannedCompletion, f.Description);
    }
}
