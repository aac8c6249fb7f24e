using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>A new project of the caller's own enterprise (own) or of another jurisdiction's enterprise (other).</summary>
    private static async Task<Project> FreshProject(ScopingWorld w, string role, Target t)
    {
        var enterprise = t == Target.Own ? w.OwnRow(typeof(Enterprise), role) : w.Rows[typeof(Enterprise)].Other;
        await using var db = w.Host.OpenSystem();
        var project = new Project
        {
            JurisdictionId = Place(w, t), EnterpriseId = enterprise, Name = $"矩阵项目{Next()}",
            TotalInvestment = 100_000_000m, EquipmentInvestment = 50_000_000m,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project;
    }

    /// <summary>The key-project library.</summary>
    private static readonly ProbeSet ProjectProbes = new()
    {
        ["GET /api/v1/projects"] = (_, _, _) => Task.FromResult(Get("/api/v1/projects")),
        ["GET /api/v1/projects/{id:guid}"] = async (w, r, t) => Get($"/api/v1/projects/{(await FreshProject(w, r, t)).Id}"),
        ["POST /api/v1/projects"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/projects",
            new { jurisdictionId = Place(w, t), project = new { name = $"矩阵新项目{Next()}", totalInvestment = 1_000_000m } })),
        ["PUT /api/v1/projects/{id:guid}"] = async (w, r, t) =>
        {
            var p = await FreshProject(w, r, t);
            return Send(HttpMethod.Put, $"/api/v1/projects/{p.Id}", new { project = new { name = p.Name + "（改）", totalInvestment = 2_000_000m }, version = p.Version });
        },
    };
}
