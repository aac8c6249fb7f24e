using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>Chains, nodes, enterprises on nodes, supply links, the working mechanism.</summary>
    private static readonly ProbeSet ChainProbes = new()
    {
        ["GET /api/v1/chains"] = (_, _, _) => Task.FromResult(Get("/api/v1/chains")),
        ["GET /api/v1/chains/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/chains/{Row<Chain>(w, r, t)}")),
        ["GET /api/v1/chains/gaps"] = (_, _, _) => Task.FromResult(Get("/api/v1/chains/gaps")),
        ["GET /api/v1/chains/{id:guid}/map"] = (w, r, t) => Task.FromResult(Get($"/api/v1/chains/{Row<Chain>(w, r, t)}/map")),
        ["GET /api/v1/nodes/{id:guid}/enterprises"] = (w, r, t) => Task.FromResult(Get($"/api/v1/nodes/{Row<ChainNode>(w, r, t)}/enterprises")),
        ["GET /api/v1/chains/{id:guid}/nodes.xlsx"] = (w, r, t) => Task.FromResult(Get($"/api/v1/chains/{Row<Chain>(w, r, t)}/nodes.xlsx")),
        ["GET /api/v1/chains/{id:guid}/gaps.xlsx"] = (w, r, t) => Task.FromResult(Get($"/api/v1/chains/{Row<Chain>(w, r, t)}/gaps.xlsx")),
        ["PUT /api/v1/chains/gap-settings"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Put, "/api/v1/chains/gap-settings", new { jurisdictionId = Place(w, t), shortShare = 0.5m })),
        ["POST /api/v1/supply-links"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/supply-links", new
        {
            supplierId = w.SiblingEnterprise,
            customerId = t == Target.Own ? w.OwnRow(typeof(Enterprise), r) : w.OtherRow(typeof(Enterprise), r),
            product = "钛精矿", year = 2024, amount = 1_000_000m,
        })),
        ["GET /api/v1/supply-links/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/supply-links/template.xlsx")),
        ["POST /api/v1/supply-links/import"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var customer = t == Target.Own ? w.OwnRow(typeof(Enterprise), r) : w.OtherRow(typeof(Enterprise), r);
            var codes = await db.Enterprises.Where(e => e.Id == customer || e.Id == w.SiblingEnterprise).ToDictionaryAsync(e => e.Id, e => e.Uscc);
            var file = Shared.Excel.Workbooks.Rows("供应关系", [new Dictionary<string, object?>
            {
                ["供应商统一社会信用代码"] = codes[w.SiblingEnterprise], ["客户统一社会信用代码"] = codes[customer], ["产品"] = $"探针产品{Next()}", ["年度"] = 2024, ["采购金额（万元）"] = 10,
            }]);
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/supply-links/import") { Content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "supply.xlsx" } } };
        },
        ["DELETE /api/v1/supply-links/{id:guid}"] = async (w, r, t) =>
        {
            var customer = t == Target.Own ? w.OwnRow(typeof(Enterprise), r) : w.OtherRow(typeof(Enterprise), r);
            await using var db = w.Host.OpenSystem();
            var link = new SupplyLink
            {
                JurisdictionId = (await db.Enterprises.SingleAsync(e => e.Id == customer)).JurisdictionId, CustomerId = customer,
                SupplierId = w.Rows[typeof(Enterprise)].Other == customer ? w.OwnEnterprise : w.Rows[typeof(Enterprise)].Other,
                Product = "探针", Year = 2024, Amount = 1,
            };
            db.SupplyLinks.Add(link);
            await db.SaveChangesAsync();
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/supply-links/{link.Id}");
        },
        ["GET /api/v1/chains/{id:guid}/tree.xlsx"] = (w, r, t) => Task.FromResult(Get($"/api/v1/chains/{Row<Chain>(w, r, t)}/tree.xlsx")),
        ["POST /api/v1/chains/{id:guid}/tree"] = (w, r, t) =>
        {
            var file = Shared.Excel.Workbooks.Rows("环节树", [new Dictionary<string, object?> { ["环节"] = $"导入环节{Next()}", ["位置"] = "上游", ["类型"] = "原材料" }]);
            var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "tree.xlsx" } };
            return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/chains/{Row<Chain>(w, r, t)}/tree") { Content = form });
        },
        ["GET /api/v1/chains/{id:guid}/links.xlsx"] = (w, r, t) => Task.FromResult(Get($"/api/v1/chains/{Row<Chain>(w, r, t)}/links.xlsx")),
        ["POST /api/v1/chains/{id:guid}/links"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var uscc = (await db.Enterprises.SingleAsync(e => e.Id == w.OwnEnterprise)).Uscc;
            var file = Shared.Excel.Workbooks.Rows("链上企业", [new Dictionary<string, object?> { ["统一社会信用代码"] = uscc, ["环节"] = "本区环节", ["链上角色"] = "链属", ["依据强度"] = "待核实", ["依据说明"] = null }]);
            return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/chains/{Row<Chain>(w, r, t)}/links") { Content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "links.xlsx" } } };
        },
        ["GET /api/v1/chains/{id:guid}/profile"] = (w, r, t) => Task.FromResult(Get($"/api/v1/chains/{Row<Chain>(w, r, t)}/profile")),
        ["PUT /api/v1/chains/{id:guid}/profile"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var c = await db.Chains.SingleAsync(x => x.Id == Row<Chain>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/chains/{c.Id}/profile", new { chiefUserId = (Guid?)null, deputyUserIds = Array.Empty<Guid>(), version = c.Version });
        },
        ["POST /api/v1/chains/{id:guid}/kit/from-pack"] = (w, r, t) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/chains/{Row<Chain>(w, r, t)}/kit/from-pack")),
        ["POST /api/v1/chains/{id:guid}/kit"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, $"/api/v1/chains/{Row<Chain>(w, r, t)}/kit", new { name = $"矩阵事项{Next()}" })),
        ["POST /api/v1/chains/{id:guid}/lists"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, $"/api/v1/chains/{Row<Chain>(w, r, t)}/lists", new { kind = "KeyPlatform", title = "中试平台" })),
        ["POST /api/v1/chains/{id:guid}/needs"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, $"/api/v1/chains/{Row<Chain>(w, r, t)}/needs",
            new { needingEnterpriseId = w.OwnEnterprise, kind = "Supply", description = "需要本地钛精矿供应" })),
        ["PUT /api/v1/kit-items/{id:guid}"] = async (w, r, t) =>
        {
            var (chain, db) = (await ChainOf(w, r, t), w.Host.OpenSystem());
            await using var _ = db;
            var item = new ChainKitItem { ChainId = chain.Id, JurisdictionId = chain.JurisdictionId, Name = $"临时事项{Next()}" };
            db.ChainKitItems.Add(item);
            await db.SaveChangesAsync();
            return Send(HttpMethod.Put, $"/api/v1/kit-items/{item.Id}", new { state = "InProgress", version = 0 });
        },
        ["DELETE /api/v1/list-entries/{id:guid}"] = async (w, r, t) =>
        {
            var (chain, db) = (await ChainOf(w, r, t), w.Host.OpenSystem());
            await using var _ = db;
            var entry = new ChainListEntry { ChainId = chain.Id, JurisdictionId = chain.JurisdictionId, Kind = ChainListKind.TechnologyRoute, Title = "临时条目" };
            db.ChainListEntries.Add(entry);
            await db.SaveChangesAsync();
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/list-entries/{entry.Id}");
        },
        ["PUT /api/v1/needs/{id:guid}"] = async (w, r, t) =>
        {
            var (chain, db) = (await ChainOf(w, r, t), w.Host.OpenSystem());
            await using var _ = db;
            var need = new CollaborationNeed
            {
                ChainId = chain.Id, JurisdictionId = chain.JurisdictionId, Kind = NeedKind.Technology, Description = "临时需求",
                NeedingEnterpriseId = t == Target.Own ? w.OwnEnterprise : w.Rows[typeof(Enterprise)].Other,
            };
            db.CollaborationNeeds.Add(need);
            await db.SaveChangesAsync();
            return Send(HttpMethod.Put, $"/api/v1/needs/{need.Id}", new { status = "Closed", version = 0 });
        },
        ["POST /api/v1/chains"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/chains", new { jurisdictionId = Place(w, t), name = $"矩阵链{Next()}" })),
        ["PUT /api/v1/chains/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var c = await db.Chains.SingleAsync(x => x.Id == Row<Chain>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/chains/{c.Id}", new { name = c.Name, ecosystemId = c.EcosystemId, version = c.Version });
        },
        ["POST /api/v1/chains/{id:guid}/nodes"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post, $"/api/v1/chains/{Row<Chain>(w, r, t)}/nodes",
            new { name = $"矩阵环节{Next()}", stage = "Midstream", kind = "Product" })),
        ["PUT /api/v1/nodes/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var n = await db.ChainNodes.SingleAsync(x => x.Id == Row<ChainNode>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/nodes/{n.Id}", new { name = n.Name, stage = n.Stage.ToString(), kind = n.Kind.ToString(), keys = "KeyProduct", version = n.Version });
        },
        ["POST /api/v1/nodes/{id:guid}/move"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var n = await db.ChainNodes.SingleAsync(x => x.Id == Row<ChainNode>(w, r, t));
            return Send(HttpMethod.Post, $"/api/v1/nodes/{n.Id}/move", new { parentId = (Guid?)null, version = n.Version });
        },
        ["POST /api/v1/nodes/{id:guid}/merge"] = async (w, r, t) =>
        {
            var (from, into) = (await FreshNode(w, r, t), await FreshNode(w, r, t));
            return Send(HttpMethod.Post, $"/api/v1/nodes/{from.Id}/merge", new { intoNodeId = into.Id });
        },
        ["DELETE /api/v1/nodes/{id:guid}"] = async (w, r, t) =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/nodes/{(await FreshNode(w, r, t)).Id}?version=0"),
        ["POST /api/v1/nodes/{id:guid}/enterprises"] = async (w, r, t) =>
            Send(HttpMethod.Post, $"/api/v1/nodes/{(await FreshNode(w, r, t)).Id}/enterprises",
                new { enterpriseId = t == Target.Own ? w.OwnRow(typeof(Enterprise), r) : w.OtherRow(typeof(Enterprise), r), role = "ChainMember", evidence = "Probable" }),
        ["PUT /api/v1/links/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var l = await db.EnterpriseNodeLinks.SingleAsync(x => x.Id == Row<EnterpriseNodeLink>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/links/{l.Id}", new { role = l.Role.ToString(), evidence = "Probable", evidenceNote = "矩阵", version = l.Version });
        },
        ["DELETE /api/v1/links/{id:guid}"] = async (w, r, t) =>
        {
            // A fresh link: of the caller's own enterprise ("own"), or of another one ("other": a sibling for the enterprise user).
            var node = await FreshNode(w, r, t == Target.Own || r == Auth.Roles.EnterpriseUser ? Target.Own : Target.Other);
            var enterprise = t == Target.Own ? w.OwnRow(typeof(Enterprise), r) : w.OtherRow(typeof(Enterprise), r);
            await using var db = w.Host.OpenSystem();
            var link = new EnterpriseNodeLink
            {
                JurisdictionId = (await db.Enterprises.SingleAsync(e => e.Id == enterprise)).JurisdictionId, EnterpriseId = enterprise,
                ChainId = node.ChainId, NodeId = node.Id, Role = ChainRole.Supporting, Evidence = EvidenceStrength.Probable,
            };
            db.EnterpriseNodeLinks.Add(link);
            await db.SaveChangesAsync();
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/links/{link.Id}?version=0");
        },
    };
}
