using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Chains;

/// <summary>Chains, their node trees and the enterprises on the nodes: services and /api/v1 endpoints.</summary>
public static class ChainsModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<Data.IDerivedRows, ChainStatistics>();
        services.AddScoped<ReadChains>();
        services.AddScoped<ReadLedChains>();
        services.AddScoped<SaveChain>();
        services.AddScoped<EditNodes>();
        services.AddScoped<LinkEnterprises>();
        services.AddScoped<ReadChainMap>();
        services.AddScoped<ReadNodeEnterprises>();
        services.AddScoped<ExportChainTables>();
        services.AddScoped<SaveChainData>();
        services.AddScoped<ChainProfile>();
        services.AddScoped<NodeTreeExcel>();
        services.AddScoped<SupplyExcel>();
        services.AddScoped<ReadChainGaps>();
        services.AddScoped<LinkExcel>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var c = api.MapGroup("/chains").WithTags("Chains");
        c.MapGet("", (ReadChains h, CancellationToken ct) => h.List(ct)).Access<Chain>(Permission.ViewChains, ApiOperation.List);
        c.MapGet("/gaps", (int? year, ReadChainGaps h, CancellationToken ct) => h.Handle(year, ct))
            .Access<ChainNode>(Permission.ViewChains, ApiOperation.List);
        c.MapGet("/{id:guid}", (Guid id, ReadChains h, CancellationToken ct) => h.Get(id, ct)).Access<Chain>(Permission.ViewChains, ApiOperation.Get);
        c.MapGet("/{id:guid}/map", (Guid id, int? year, ReadChainMap h, CancellationToken ct) => h.Handle(id, year, ct))
            .Access<Chain>(Permission.ViewChains, ApiOperation.Get);
        c.MapGet("/{id:guid}/nodes.xlsx", async (Guid id, int? year, ExportChainTables h, CancellationToken ct) => File(await h.Nodes(id, year, ct)))
            .Access<Chain>(Permission.ViewChains, ApiOperation.Get);
        c.MapGet("/{id:guid}/gaps.xlsx", async (Guid id, int? year, ExportChainTables h, CancellationToken ct) => File(await h.Gaps(id, year, ct)))
            .Access<Chain>(Permission.ViewChains, ApiOperation.Get);
        c.MapPut("/gap-settings", (SaveChainData.GapSettingsRequest r, SaveChainData h, CancellationToken ct) => NoContent(h.SetGapSettings(r, ct)))
            .Access<GapSettings>(Permission.ManageChains, ApiOperation.Update);
        c.MapPost("", async (SaveChain.CreateRequest r, SaveChain h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/chains/{created.Id}", created);
            })
            .Access<Chain>(Permission.ManageChains, ApiOperation.Create);
        c.MapPut("/{id:guid}", async (Guid id, SaveChain.UpdateRequest r, SaveChain h, CancellationToken ct) =>
            {
                await h.Update(id, r, ct);
                return TypedResults.NoContent();
            })
            .Access<Chain>(Permission.ManageChains, ApiOperation.Update);
        c.MapPost("/{id:guid}/nodes", async (Guid id, EditNodes.AddRequest r, EditNodes h, CancellationToken ct) =>
            {
                var node = await h.Add(id, r, ct);
                return TypedResults.Created($"/api/v1/nodes/{node}", new { id = node });
            })
            .Access<Chain>(Permission.ManageChains, ApiOperation.Create);

        var n = api.MapGroup("/nodes").WithTags("Chains");
        n.MapPut("/{id:guid}", (Guid id, EditNodes.UpdateRequest r, EditNodes h, CancellationToken ct) => NoContent(h.Update(id, r, ct)))
            .Access<ChainNode>(Permission.ManageChains, ApiOperation.Update);
        n.MapPost("/{id:guid}/move", (Guid id, EditNodes.MoveRequest r, EditNodes h, CancellationToken ct) => NoContent(h.Move(id, r, ct)))
            .Access<ChainNode>(Permission.ManageChains, ApiOperation.Action);
        n.MapPost("/{id:guid}/merge", (Guid id, EditNodes.MergeRequest r, EditNodes h, CancellationToken ct) => NoContent(h.Merge(id, r, ct)))
            .Access<ChainNode>(Permission.ManageChains, ApiOperation.Action);
        n.MapDelete("/{id:guid}", (Guid id, int version, EditNodes h, CancellationToken ct) => NoContent(h.Delete(id, version, ct)))
            .Access<ChainNode>(Permission.ManageChains, ApiOperation.Delete);
        // What a node of the map holds, read when it is opened: a view of the node, so probed on own and other nodes.
        n.MapGet("/{id:guid}/enterprises", (Guid id, int? year, ReadNodeEnterprises h, CancellationToken ct) => h.Handle(id, year, ct))
            .Access<ChainNode>(Permission.ViewChains, ApiOperation.Get);
        n.MapPost("/{id:guid}/enterprises", async (Guid id, LinkEnterprises.LinkRequest r, LinkEnterprises h, CancellationToken ct) =>
            {
                var link = await h.Link(id, r, ct);
                return TypedResults.Created($"/api/v1/links/{link}", new { id = link });
            })
            .Access<ChainNode>(Permission.ManageChains, ApiOperation.Create);

        c.MapGet("/{id:guid}/tree.xlsx", async (Guid id, NodeTreeExcel h, CancellationToken ct) => File(await h.Export(id, ct)))
            .Access<Chain>(Permission.ViewChains, ApiOperation.Get);
        c.MapPost("/{id:guid}/tree", async (Guid id, IFormFile file, NodeTreeExcel h, CancellationToken ct) =>
                ImportEndpoint.Answer(await h.Import(id, await ImportEndpoint.ReadAsync(file, ct), ct)))
            .DisableAntiforgery()
            .Access<Chain>(Permission.ManageChains, ApiOperation.Action);
        c.MapGet("/{id:guid}/links.xlsx", async (Guid id, LinkExcel h, CancellationToken ct) => File(await h.Export(id, ct)))
            .Access<Chain>(Permission.ViewChains, ApiOperation.Get);
        c.MapPost("/{id:guid}/links", async (Guid id, IFormFile file, LinkExcel h, CancellationToken ct) =>
                ImportEndpoint.Answer(await h.Import(id, await ImportEndpoint.ReadAsync(file, ct), ct)))
            .DisableAntiforgery()
            .Access<Chain>(Permission.ManageChains, ApiOperation.Action);
        c.MapGet("/{id:guid}/profile", (Guid id, ChainProfile h, CancellationToken ct) => h.Get(id, ct))
            .Access<Chain>(Permission.ViewChains, ApiOperation.Get);
        c.MapPut("/{id:guid}/profile", (Guid id, ChainProfile.ProfileRequest r, ChainProfile h, CancellationToken ct) => NoContent(h.SetProfile(id, r, ct)))
            .Access<Chain>(Permission.ManageChains, ApiOperation.Update);
        c.MapPost("/{id:guid}/kit/from-pack", async (Guid id, ChainProfile h, CancellationToken ct) => TypedResults.Ok(new { added = await h.InitKit(id, ct) }))
            .Access<Chain>(Permission.ManageChains, ApiOperation.Action);
        c.MapPost("/{id:guid}/kit", async (Guid id, ChainProfile.KitItemRequest r, ChainProfile h, CancellationToken ct) => Created(await h.AddKitItem(id, r, ct)))
            .Access<Chain>(Permission.ManageChains, ApiOperation.Create);
        c.MapPost("/{id:guid}/lists", async (Guid id, ChainProfile.ListEntryRequest r, ChainProfile h, CancellationToken ct) => Created(await h.AddListEntry(id, r, ct)))
            .Access<Chain>(Permission.ManageChains, ApiOperation.Create);
        c.MapPost("/{id:guid}/needs", async (Guid id, ChainProfile.NeedRequest r, ChainProfile h, CancellationToken ct) => Created(await h.AddNeed(id, r, ct)))
            .Access<Chain>(Permission.ManageChains, ApiOperation.Create);
        api.MapPut("/kit-items/{id:guid}", (Guid id, ChainProfile.KitStateRequest r, ChainProfile h, CancellationToken ct) => NoContent(h.UpdateKitItem(id, r, ct)))
            .WithTags("Chains").Access<ChainKitItem>(Permission.ManageChains, ApiOperation.Update);
        api.MapDelete("/list-entries/{id:guid}", (Guid id, ChainProfile h, CancellationToken ct) => NoContent(h.RemoveListEntry(id, ct)))
            .WithTags("Chains").Access<ChainListEntry>(Permission.ManageChains, ApiOperation.Delete);
        api.MapPut("/needs/{id:guid}", (Guid id, ChainProfile.NeedStatusRequest r, ChainProfile h, CancellationToken ct) => NoContent(h.UpdateNeed(id, r, ct)))
            .WithTags("Chains").Access<CollaborationNeed>(Permission.ManageChains, ApiOperation.Update);

        var s = api.MapGroup("/supply-links").WithTags("Chains");
        s.MapPost("", async (SaveChainData.SupplyRequest r, SaveChainData h, CancellationToken ct) =>
            {
                var id = await h.AddSupply(r, ct);
                return TypedResults.Created($"/api/v1/supply-links/{id}", new { id });
            })
            .Access<SupplyLink>(Permission.ManageChains, ApiOperation.Create);
        s.MapGet("/template.xlsx", (SupplyExcel h) => TypedResults.File(h.Template(), Workbooks.ContentType, "供应关系导入模板.xlsx"))
            .Access<SupplyLink>(Permission.ViewChains, ApiOperation.Download);
        s.MapPost("/import", async (IFormFile file, SupplyExcel h, CancellationToken ct) =>
                ImportEndpoint.Answer(await h.Import(await ImportEndpoint.ReadAsync(file, ct), ct)))
            .DisableAntiforgery()
            .Access<SupplyLink>(Permission.ManageChains, ApiOperation.Action);
        s.MapDelete("/{id:guid}", (Guid id, SaveChainData h, CancellationToken ct) => NoContent(h.RemoveSupply(id, ct)))
            .Access<SupplyLink>(Permission.ManageChains, ApiOperation.Delete);

        var l = api.MapGroup("/links").WithTags("Chains");
        l.MapPut("/{id:guid}", (Guid id, LinkEnterprises.UpdateRequest r, LinkEnterprises h, CancellationToken ct) => NoContent(h.Update(id, r, ct)))
            .Access<EnterpriseNodeLink>(Permission.ManageChains, ApiOperation.Update);
        l.MapDelete("/{id:guid}", (Guid id, int version, LinkEnterprises h, CancellationToken ct) => NoContent(h.Unlink(id, version, ct)))
            .Access<EnterpriseNodeLink>(Permission.ManageChains, ApiOperation.Delete);
    }

    private static IResult Created(Guid id) => TypedResults.Created((string?)null, new { id });

    private static IResult File((byte[] Content, string FileName) file) =>
        TypedResults.File(file.Content, Workbooks.ContentType, file.FileName);

    private static async Task<IResult> NoContent(Task operation)
    {
        await operation;
        return TypedResults.NoContent();
    }
}
