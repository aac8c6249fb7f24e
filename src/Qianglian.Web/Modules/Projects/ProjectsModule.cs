using Microsoft.AspNetCore.Mvc;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;

namespace Qianglian.Web.Modules.Projects;

/// <summary>The key-project library: services and /api/v1 endpoints.</summary>
public static class ProjectsModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ReadProjects>();
        services.AddScoped<SaveProject>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/projects").WithTags("Projects");
        g.MapGet("", ([AsParameters] ReadProjects.Query q, ReadProjects h, CancellationToken ct) => h.List(q, ct))
            .Access<Project>(Permission.ViewProjects, ApiOperation.List);
        g.MapGet("/{id:guid}", (Guid id, ReadProjects h, CancellationToken ct) => h.Get(id, ct))
            .Access<Project>(Permission.ViewProjects, ApiOperation.Get);
        g.MapPost("", async (SaveProject.CreateRequest r, SaveProject h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/projects/{created.Id}", created);
            })
            .Access<Project>(Permission.ManageProjects, ApiOperation.Create);
        g.MapPut("/{id:guid}", async (Guid id, SaveProject.UpdateRequest r, SaveProject h, CancellationToken ct) =>
            {
                await h.Update(id, r, ct);
                return TypedResults.NoContent();
            })
            .Access<Project>(Permission.ManageProjects, ApiOperation.Update);
    }
}
