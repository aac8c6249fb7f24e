using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Enterprises;

public sealed record EnterpriseView(Guid Id, string Uscc, string Name, Guid JurisdictionId, string JurisdictionPath, int Version)
{
    public static EnterpriseView Of(Enterprise e) => new(e.Id, e.Uscc, e.Name, e.JurisdictionId, e.JurisdictionPath, e.Version);
}

/// <summary>The minimal enterprise registry of the foundation: list, read, register and rename.</summary>
public sealed class EnterpriseRegistry(AppDb dbs, CurrentUser user)
{
    public sealed record CreateRequest(Guid JurisdictionId, string Uscc, string Name);
    public sealed record UpdateRequest(string Name, int Version);

    public async Task<IReadOnlyList<EnterpriseView>> List(CancellationToken ct)
    {
        user.Require(Permission.ViewEnterprises);
        await using var db = dbs.Open();
        return (await db.Enterprises.AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct)).Select(EnterpriseView.Of).ToList();
    }

    public async Task<EnterpriseView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewEnterprises);
        await using var db = dbs.Open();
        return EnterpriseView.Of(await Find(db, id, ct));
    }

    public async Task<EnterpriseView> Create(CreateRequest request, CancellationToken ct)
    {
        user.Require(Permission.RegisterEnterprises);
        var uscc = (request.Uscc ?? "").Trim().ToUpperInvariant();
        if (Qianglian.Core.Enterprises.Uscc.Validate(uscc) is { } error)
            throw new ValidationException("uscc", error);
        if (string.IsNullOrWhiteSpace(request.Name))
            throw new ValidationException("name", "企业名称不能为空 (name is required)");
        await using var db = dbs.Open();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == request.JurisdictionId, ct))
            throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        if (await db.Enterprises.IgnoreQueryFilters().AnyAsync(e => e.Uscc == uscc, ct))
            throw new ValidationException("uscc", $"统一社会信用代码“{uscc}”已登记 (already registered)");
        var enterprise = new Enterprise { JurisdictionId = request.JurisdictionId, Uscc = uscc, Name = request.Name.Trim() };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(ct);
        return EnterpriseView.Of(enterprise);
    }

    public async Task<EnterpriseView> Update(Guid id, UpdateRequest request, CancellationToken ct)
    {
        user.Require(Permission.EditEnterprises);
        if (string.IsNullOrWhiteSpace(request.Name))
            throw new ValidationException("name", "企业名称不能为空 (name is required)");
        await using var db = dbs.Open();
        var enterprise = await Find(db, id, ct);
        db.ExpectVersion(enterprise, request.Version);
        enterprise.Name = request.Name.Trim();
        await db.SaveChangesAsync(ct);
        return EnterpriseView.Of(enterprise);
    }

    private static async Task<Enterprise> Find(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Enterprises.FirstOrDefaultAsync(e => e.Id == id, ct)
        ?? throw new NotFoundException("enterprise", "企业不存在 (enterprise not found)");
}

public static class EnterprisesModule
{
    public static void Add(IServiceCollection services) => services.AddScoped<EnterpriseRegistry>();

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/enterprises").WithTags("Enterprises");
        g.MapGet("", (EnterpriseRegistry h, CancellationToken ct) => h.List(ct))
            .Access<Enterprise>(Permission.ViewEnterprises, ApiOperation.List);
        g.MapGet("/{id:guid}", (Guid id, EnterpriseRegistry h, CancellationToken ct) => h.Get(id, ct))
            .Access<Enterprise>(Permission.ViewEnterprises, ApiOperation.Get);
        g.MapPost("", async (EnterpriseRegistry.CreateRequest r, EnterpriseRegistry h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/enterprises/{created.Id}", created);
            })
            .Access<Enterprise>(Permission.RegisterEnterprises, ApiOperation.Create);
        g.MapPut("/{id:guid}", (Guid id, EnterpriseRegistry.UpdateRequest r, EnterpriseRegistry h, CancellationToken ct) => h.Update(id, r, ct))
            .Access<Enterprise>(Permission.EditEnterprises, ApiOperation.Update);
    }
}
