using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Tests.Scoping;

public enum Target { Own, Other }

/// <summary>
/// How to call each /api/v1 endpoint against an own or other row. Keyed by "METHOD route-pattern" as the host
/// reports it; an endpoint without a probe here fails the matrix, so every new endpoint must be added.
/// </summary>
public static class Probes
{
    public delegate Task<HttpRequestMessage> Probe(ScopingWorld world, string role, Target target);

    private static int counter;
    private static int honourYears;
    private static int Next() => Interlocked.Increment(ref counter);

    private static Guid Row<T>(ScopingWorld w, string role, Target t) =>
        t == Target.Own ? w.OwnRow(typeof(T), role) : w.OtherRow(typeof(T), role);

    private static Guid Place(ScopingWorld w, Target t) => t == Target.Own ? w.OwnJurisdiction : w.OtherJurisdiction;

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static async Task<Chain> ChainOf(ScopingWorld w, string role, Target t)
    {
        await using var db = w.Host.OpenSystem();
        return await db.Chains.SingleAsync(c => c.Id == (t == Target.Own ? w.OwnRow(typeof(Chain), role) : w.Rows[typeof(Chain)].Other));
    }

    /// <summary>A new node in the own or other chain, for probes that consume their target (merge, delete).</summary>
    private static async Task<ChainNode> FreshNode(ScopingWorld w, string role, Target t)
    {
        await using var db = w.Host.OpenSystem();
        var chain = await db.Chains.SingleAsync(c => c.Id == (t == Target.Own ? w.OwnRow(typeof(Chain), role) : w.Rows[typeof(Chain)].Other));
        var node = new ChainNode { JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, Name = $"临时环节{Next()}", Stage = ChainStage.Service, Kind = NodeKind.Service };
        db.ChainNodes.Add(node);
        await db.SaveChangesAsync();
        return node;
    }

    private static HttpRequestMessage Send(HttpMethod method, string url, object body) =>
        new(method, url) { Content = JsonContent.Create(body) };

    public static readonly IReadOnlyDictionary<string, Probe> All = new Dictionary<string, Probe>
    {
        ["GET /api/v1/jurisdictions"] = (_, _, _) => Task.FromResult(Get("/api/v1/jurisdictions")),
        ["GET /api/v1/jurisdictions/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/jurisdictions/{Row<Jurisdiction>(w, r, t)}")),
        ["POST /api/v1/jurisdictions"] = async (w, _, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var parent = await db.Jurisdictions.SingleAsync(j => j.Id == Place(w, t));
            return Send(HttpMethod.Post, "/api/v1/jurisdictions",
                new { parentId = parent.Id, code = $"{parent.Code}-M{Next()}", name = $"矩阵园区{Next()}", level = "Park" });
        },
        ["PUT /api/v1/jurisdictions/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var j = await db.Jurisdictions.SingleAsync(x => x.Id == Row<Jurisdiction>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/jurisdictions/{j.Id}", new { name = j.Name, version = j.Version });
        },

        ["GET /api/v1/units"] = (_, _, _) => Task.FromResult(Get("/api/v1/units")),
        ["GET /api/v1/units/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/units/{Row<GovernmentUnit>(w, r, t)}")),
        ["POST /api/v1/units"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/units",
            new { jurisdictionId = Place(w, t), name = $"矩阵新单位{Next()}", kind = "Government" })),
        ["PUT /api/v1/units/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var u = await db.Units.SingleAsync(x => x.Id == Row<GovernmentUnit>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/units/{u.Id}", new { name = u.Name, kind = u.Kind.ToString(), aliases = u.Aliases, version = u.Version });
        },
        ["DELETE /api/v1/units/{id:guid}"] = async (w, _, t) =>
        {
            // Each delete probe gets a fresh unit, so the shared rows survive.
            await using var db = w.Host.OpenSystem();
            var u = new GovernmentUnit { JurisdictionId = Place(w, t), Key = $"matrix.delete.{Next()}", Name = $"待删除单位{Next()}" };
            db.Units.Add(u);
            await db.SaveChangesAsync();
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/units/{u.Id}?version=0");
        },

        ["GET /api/v1/users"] = (_, _, _) => Task.FromResult(Get("/api/v1/users")),
        ["GET /api/v1/users/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/users/{Row<Auth.AppUser>(w, r, t)}")),
        ["POST /api/v1/users"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/users",
            new { userName = $"m.new{Next()}", displayName = "矩阵新用户", jurisdictionId = Place(w, t), roles = new[] { "Leader" } })),
        ["PUT /api/v1/users/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var u = await db.Users.SingleAsync(x => x.Id == Row<Auth.AppUser>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/users/{u.Id}",
                new { displayName = u.DisplayName, roles = new[] { "Leader" }, unitId = (Guid?)null, locked = false, version = u.ConcurrencyStamp });
        },

        ["GET /api/v1/enterprises"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises")),
        ["GET /api/v1/enterprises/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/enterprises/{Row<Enterprise>(w, r, t)}")),
        ["POST /api/v1/enterprises"] = (w, _, t) =>
        {
            var first17 = $"91510403MA6{Next():D6}";
            return Task.FromResult(Send(HttpMethod.Post, "/api/v1/enterprises",
                new { jurisdictionId = Place(w, t), uscc = first17 + Uscc.CheckCharacter(first17), name = $"矩阵企业{Next()}" }));
        },
        ["PUT /api/v1/enterprises/{id:guid}"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var e = await db.Enterprises.SingleAsync(x => x.Id == Row<Enterprise>(w, r, t));
            return Send(HttpMethod.Put, $"/api/v1/enterprises/{e.Id}", new { name = e.Name, version = e.Version });
        },

        ["GET /api/v1/enterprises/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises/template.xlsx")),
        ["GET /api/v1/enterprises/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises/export.xlsx")),
        ["PUT /api/v1/enterprises/{id:guid}/facts/{year:int}"] = async (w, r, t) =>
        {
            // Send the version of the year's facts if some other probe already wrote them.
            var (id, year) = (Row<Enterprise>(w, r, t), 2001 + Next() % 20);
            await using var db = w.Host.OpenSystem();
            var version = await db.EnterpriseFacts.Where(f => f.EnterpriseId == id && f.Year == year).Select(f => (int?)f.Version).FirstOrDefaultAsync() ?? 0;
            return Send(HttpMethod.Put, $"/api/v1/enterprises/{id}/facts/{year}",
                new { revenue = 30_000_000m, outputValue = 0, valueAdded = 0, profit = -1, taxPaid = 0, employees = 50, rdSpend = 0, inventionPatents = 0,
                    energyTce = 0, electricityKwh = 0, emissionsTonnes = 0, landMu = 10, version });
        },
        ["POST /api/v1/enterprises/{id:guid}/honours"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Post,
            $"/api/v1/enterprises/{Row<Enterprise>(w, r, t)}/honours", new { kind = "HighTech", level = "National", year = 2000 + Interlocked.Increment(ref honourYears) })),
        ["DELETE /api/v1/honours/{id:guid}"] = async (w, r, t) =>
        {
            var enterprise = t == Target.Own ? w.OwnRow(typeof(Enterprise), r) : w.OtherRow(typeof(Enterprise), r);
            await using var db = w.Host.OpenSystem();
            var honour = new EnterpriseHonour
            {
                EnterpriseId = enterprise, JurisdictionId = (await db.Enterprises.SingleAsync(e => e.Id == enterprise)).JurisdictionId,
                Kind = HonourKind.HiddenChampion, Level = HonourLevel.Municipal, Year = 3000 + Next(),
            };
            db.EnterpriseHonours.Add(honour);
            await db.SaveChangesAsync();
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/honours/{honour.Id}");
        },
        ["GET /api/v1/enterprises/facts/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises/facts/template.xlsx")),
        ["GET /api/v1/enterprises/facts/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/enterprises/facts/export.xlsx")),
        ["POST /api/v1/enterprises/facts/import"] = async (w, r, t) =>
        {
            var id = t == Target.Own ? w.OwnRow(typeof(Enterprise), r) : w.OtherRow(typeof(Enterprise), r);
            await using var db = w.Host.OpenSystem();
            var uscc = (await db.Enterprises.SingleAsync(e => e.Id == id)).Uscc;
            var file = Shared.Excel.Workbooks.Rows("企业年度数据", [new Dictionary<string, object?> { ["统一社会信用代码"] = uscc, ["年度"] = 2001 + Next() % 20, ["营业收入（万元）"] = 100 }]);
            var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "facts.xlsx" } };
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/enterprises/facts/import") { Content = form };
        },
        ["POST /api/v1/enterprises/import"] = async (w, _, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var code = (await db.Jurisdictions.SingleAsync(j => j.Id == Place(w, t))).Code;
            var first17 = $"91510403MB7{Next():D6}";
            var file = Shared.Excel.Workbooks.Rows("企业名录", [new Dictionary<string, object?>
            {
                ["统一社会信用代码"] = first17 + Uscc.CheckCharacter(first17), ["企业名称"] = $"导入矩阵企业{Next()}", ["所属辖区代码"] = code,
            }]);
            var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "enterprises.xlsx" } };
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/enterprises/import") { Content = form };
        },

        ["GET /api/v1/packs"] = (_, _, _) => Task.FromResult(Get("/api/v1/packs")),
        ["GET /api/v1/documents"] = (_, _, _) => Task.FromResult(Get("/api/v1/documents")),
        ["GET /api/v1/documents/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/documents/{Row<Modules.Policies.PolicyDocument>(w, r, t)}")),
        ["GET /api/v1/documents/{id:guid}/matrix"] = (w, r, t) => Task.FromResult(Get($"/api/v1/documents/{Row<Modules.Policies.PolicyDocument>(w, r, t)}/matrix")),
        ["GET /api/v1/documents/{id:guid}/matrix.xlsx"] = (w, r, t) => Task.FromResult(Get($"/api/v1/documents/{Row<Modules.Policies.PolicyDocument>(w, r, t)}/matrix.xlsx")),
        ["POST /api/v1/documents"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/documents", new
        {
            jurisdictionId = Place(w, t),
            text = $"矩阵测试文件{Next()}\n一、第一条措施。内容。\n〔责任单位：区经济和信息化局〕\n二、第二条措施。内容。\n〔责任单位：区财政局〕\n",
        })),

        ["GET /api/v1/audit"] = (_, _, _) => Task.FromResult(Get("/api/v1/audit?pageSize=500")),

        ["GET /api/v1/chains"] = (_, _, _) => Task.FromResult(Get("/api/v1/chains")),
        ["GET /api/v1/chains/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/chains/{Row<Chain>(w, r, t)}")),
        ["GET /api/v1/chains/gaps"] = (_, _, _) => Task.FromResult(Get("/api/v1/chains/gaps")),
        ["GET /api/v1/chains/{id:guid}/map"] = (w, r, t) => Task.FromResult(Get($"/api/v1/chains/{Row<Chain>(w, r, t)}/map")),
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
