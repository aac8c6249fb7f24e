using Qianglian.Web.Api;
using Qianglian.Web.Auth;

namespace Qianglian.Web.Modules.Policies;

/// <summary>Policy packs and policy documents: services and /api/v1 endpoints.</summary>
public static class PoliciesModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ReadPacks>();
        services.AddScoped<ReadPackNumbers>();
        services.AddSingleton<PlatformDefaults>();
        services.AddScoped<ReadDocuments>();
        services.AddScoped<ImportDocument>();
        services.AddScoped<ExportMatrix>();
        services.AddScoped<PackLoader>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/packs", (ReadPacks h, CancellationToken ct) => h.List(ct)).WithTags("Policy packs")
            .Access<PolicyPack>(Permission.ViewPolicies, ApiOperation.List);

        var d = api.MapGroup("/documents").WithTags("Policy documents");
        d.MapGet("", (ReadDocuments h, CancellationToken ct) => h.List(ct))
            .Access<PolicyDocument>(Permission.ViewPolicies, ApiOperation.List);
        d.MapGet("/{id:guid}", (Guid id, ReadDocuments h, CancellationToken ct) => h.Get(id, ct))
            .Access<PolicyDocument>(Permission.ViewPolicies, ApiOperation.Get);
        d.MapGet("/{id:guid}/matrix", (Guid id, ReadDocuments h, CancellationToken ct) => h.Matrix(id, ct))
            .Access<PolicyDocument>(Permission.ViewPolicies, ApiOperation.Get);
        d.MapGet("/{id:guid}/matrix.xlsx", async (Guid id, ExportMatrix h, CancellationToken ct) =>
            {
                var (content, name) = await h.Handle(id, ct);
                return TypedResults.File(content, ExportMatrix.ContentType, name);
            })
            .Access<PolicyDocument>(Permission.ViewPolicies, ApiOperation.Get);
        d.MapPost("", async (ImportDocument.Request r, ImportDocument h, CancellationToken ct) =>
            {
                var result = await h.Handle(r, ct);
                return TypedResults.Created($"/api/v1/documents/{result.Document.Id}", result);
            })
            .Access<PolicyDocument>(Permission.ManagePolicies, ApiOperation.Create);
    }
}
