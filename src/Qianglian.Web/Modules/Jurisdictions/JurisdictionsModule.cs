using Qianglian.Web.Api;
using Qianglian.Web.Auth;

namespace Qianglian.Web.Modules.Jurisdictions;

/// <summary>Jurisdictions (行政区划) and government units: services and /api/v1 endpoints.</summary>
public static class JurisdictionsModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ListJurisdictions>();
        services.AddScoped<CreateJurisdiction>();
        services.AddScoped<RenameJurisdiction>();
        services.AddScoped<ListUnits>();
        services.AddScoped<SaveUnit>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var j = api.MapGroup("/jurisdictions").WithTags("Jurisdictions");
        j.MapGet("", (ListJurisdictions h, CancellationToken ct) => h.Handle(ct))
            .Access<Jurisdiction>(Permission.ViewJurisdictions, ApiOperation.List);
        j.MapGet("/{id:guid}", (Guid id, ListJurisdictions h, CancellationToken ct) => h.Get(id, ct))
            .Access<Jurisdiction>(Permission.ViewJurisdictions, ApiOperation.Get);
        j.MapPost("", async (CreateJurisdiction.Request r, CreateJurisdiction h, CancellationToken ct) =>
            {
                var created = await h.Handle(r, ct);
                return TypedResults.Created($"/api/v1/jurisdictions/{created.Id}", created);
            })
            .Access<Jurisdiction>(Permission.ManageJurisdictions, ApiOperation.Create);
        j.MapPut("/{id:guid}", (Guid id, RenameJurisdiction.Request r, RenameJurisdiction h, CancellationToken ct) => h.Handle(id, r, ct))
            .Access<Jurisdiction>(Permission.ManageJurisdictions, ApiOperation.Update);

        var u = api.MapGroup("/units").WithTags("Units");
        u.MapGet("", (Guid? jurisdictionId, ListUnits h, CancellationToken ct) => h.Handle(jurisdictionId, ct))
            .Access<GovernmentUnit>(Permission.ViewJurisdictions, ApiOperation.List);
        u.MapGet("/{id:guid}", (Guid id, ListUnits h, CancellationToken ct) => h.Get(id, ct))
            .Access<GovernmentUnit>(Permission.ViewJurisdictions, ApiOperation.Get);
        u.MapPost("", async (SaveUnit.CreateRequest r, SaveUnit h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/units/{created.Id}", created);
            })
            .Access<GovernmentUnit>(Permission.ManageUnits, ApiOperation.Create);
        u.MapPut("/{id:guid}", (Guid id, SaveUnit.UpdateRequest r, SaveUnit h, CancellationToken ct) => h.Update(id, r, ct))
            .Access<GovernmentUnit>(Permission.ManageUnits, ApiOperation.Update);
        u.MapDelete("/{id:guid}", async (Guid id, int version, SaveUnit h, CancellationToken ct) =>
            {
                await h.Delete(id, version, ct);
                return TypedResults.NoContent();
            })
            .Access<GovernmentUnit>(Permission.ManageUnits, ApiOperation.Delete);
    }
}
