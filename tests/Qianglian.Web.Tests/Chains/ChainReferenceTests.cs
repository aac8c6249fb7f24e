using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Enterprises;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Infrastructure;

namespace Qianglian.Web.Tests.Chains;

/// <summary>
/// What the chain writes may refer to (issue 13, defect 2): as 西区's office, an id of 达州's supplier, node, user, unit,
/// place or enterprise in a body is refused as not found on its field and nothing is stored; an outside supplier is
/// named by its public credit code instead; a node other jurisdictions' rows sit on is neither merged nor deleted; and
/// no response carries a name the caller may not see. On both databases.
/// </summary>
public abstract class ChainReferenceTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private const string Dazhou = "演示·达州能源化工有限公司", Green = "演示·西区绿色化工有限公司", Mining = "演示·西区钛精矿选矿有限公司";

    /// <summary>The demo's 西区 and 达州 rows the probes name, and a 达州 chain with a node.</summary>
    private sealed record World(Guid Xiqu, Guid Panzhihua, Guid DazhouPlace, Guid Green, Guid Mining, Guid Titanium, Guid Lab, Guid DazhouFirm, string DazhouUscc,
        Guid DazhouNode, Guid DazhouUnit, Guid CityUnit);

    private async Task<World> Arrange()
    {
        await using var db = host.OpenSystem();
        var places = await db.Jurisdictions.Where(j => j.Code == "510403" || j.Code == "510400" || j.Code == "511700").ToDictionaryAsync(j => j.Code, j => j.Id);
        async Task<(Guid Id, string Uscc)> Firm(string uscc) =>
            await db.Enterprises.Where(e => e.Uscc == DemoData.FullUscc(uscc)).Select(e => new ValueTuple<Guid, string>(e.Id, e.Uscc)).SingleAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var chain = new Chain { JurisdictionId = places["511700"], Name = $"达州引用测试链{suffix}" };
        var node = new ChainNode { JurisdictionId = places["511700"], ChainId = chain.Id, Name = "达州硫酸环节", Stage = ChainStage.Upstream, Kind = NodeKind.Material };
        var dazhouUnit = new GovernmentUnit { JurisdictionId = places["511700"], Key = $"ref.dazhou.{suffix}", Name = $"达州引用测试局{suffix}" };
        var cityUnit = new GovernmentUnit { JurisdictionId = places["510400"], Key = $"ref.city.{suffix}", Name = $"攀枝花引用测试局{suffix}" };
        db.AddRange(chain, node, dazhouUnit, cityUnit);
        await db.SaveChangesAsync();
        var dazhou = await Firm("91511700MA6DEM004");
        return new World(places["510403"], places["510400"], places["511700"], (await Firm("91510403MA6DEM001")).Id, (await Firm("91510403MA6DEM007")).Id,
            (await Firm("91510403MA6DEM002")).Id, (await Firm("91510403MA6DEM008")).Id, dazhou.Id, dazhou.Uscc, node.Id, dazhouUnit.Id, cityUnit.Id);
    }

    private async Task<Guid> NewXiquChain(HttpClient client, Guid xiqu)
    {
        var created = await client.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = xiqu, name = $"引用测试链{Guid.NewGuid():N}"[..13] });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> UserId(string name)
    {
        await using var db = host.OpenSystem();
        return (await db.Users.SingleAsync(u => u.UserName == name)).Id;
    }

    /// <summary>A 404 whose message names <paramref name="field"/>, and whose body carries none of <paramref name="hidden"/>.</summary>
    private static async Task NotFoundOn(HttpResponseMessage response, string field, params string[] hidden)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"expected 404 on {field}, got {(int)response.StatusCode}: {body}");
        Assert.Contains(field, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
        foreach (var name in hidden) Assert.DoesNotContain(name, BodyText.Of(body));
    }

    private static async Task BadRequestOn(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 on {field}, got {(int)response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error on {field}: {body}");
    }

    [Fact]
    public async Task A_supply_link_names_a_supplier_by_an_id_the_caller_sees_or_by_its_credit_code()
    {
        var w = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        var product = $"引用测试硫酸{Guid.NewGuid():N}"[..12];
        object Body(object? supplierId = null, Guid? nodeId = null, string? supplierUscc = null) =>
            new { supplierId, supplierUscc, customerId = w.Green, nodeId, product, year = 2023, amount = 1_000_000m };

        await NotFoundOn(await client.PostAsJsonAsync("/api/v1/supply-links", Body(w.DazhouFirm)), "supplierId", Dazhou);
        await NotFoundOn(await client.PostAsJsonAsync("/api/v1/supply-links", Body(w.Mining, w.DazhouNode)), "nodeId", "达州硫酸环节");
        await BadRequestOn(await client.PostAsJsonAsync("/api/v1/supply-links", Body(w.Mining, supplierUscc: w.DazhouUscc)), "supplierId");
        await BadRequestOn(await client.PostAsJsonAsync("/api/v1/supply-links", Body(supplierUscc: RegistryTests<THost>.NewUscc("91510403MK7"))), "supplierUscc");
        await using (var db = host.OpenSystem()) Assert.False(await db.SupplyLinks.AnyAsync(s => s.Product == product), "a refused supply link was stored");

        // By its public credit code the outside supplier is recorded; the answer is the new link's id and nothing of the supplier.
        var created = await client.PostAsJsonAsync("/api/v1/supply-links", Body(supplierUscc: w.DazhouUscc.ToLowerInvariant()));
        var body = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["id"], JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(Dazhou, BodyText.Of(body));
        Assert.DoesNotContain(w.DazhouFirm.ToString(), BodyText.Of(body));
        await using (var db = host.OpenSystem()) Assert.Equal(w.DazhouFirm, (await db.SupplyLinks.SingleAsync(s => s.Product == product)).SupplierId);

        // A supplier the caller sees may still be named by id.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/supply-links", Body(w.Mining))).StatusCode);
    }

    [Fact]
    public async Task The_supply_import_takes_outside_suppliers_by_credit_code_and_customers_in_scope_only()
    {
        var w = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        string green, mining;
        await using (var db = host.OpenSystem())
        {
            green = (await db.Enterprises.SingleAsync(e => e.Id == w.Green)).Uscc;
            mining = (await db.Enterprises.SingleAsync(e => e.Id == w.Mining)).Uscc;
        }
        var product = $"引用导入{Guid.NewGuid():N}"[..10];
        async Task<HttpResponseMessage> Import(string supplier, string customer) =>
            await client.PostAsync("/api/v1/supply-links/import", new MultipartFormDataContent
            {
                {
                    new ByteArrayContent(Shared.Excel.Workbooks.Rows("供应关系", [new Dictionary<string, object?>
                    {
                        ["供应商统一社会信用代码"] = supplier, ["客户统一社会信用代码"] = customer, ["产品"] = product, ["年度"] = 2023, ["采购金额（万元）"] = 10,
                    }])),
                    "file", "s.xlsx"
                },
            });

        var foreignCustomer = await Import(mining, w.DazhouUscc);
        var refused = await foreignCustomer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignCustomer.StatusCode);
        Assert.Equal(["客户统一社会信用代码"], JsonDocument.Parse(refused).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("column").GetString()));
        Assert.DoesNotContain(Dazhou, BodyText.Of(refused));
        await using (var db = host.OpenSystem()) Assert.False(await db.SupplyLinks.AnyAsync(s => s.Product == product));

        var outsideSupplier = await Import(w.DazhouUscc, green);
        Assert.Equal(HttpStatusCode.OK, outsideSupplier.StatusCode);
        Assert.DoesNotContain(Dazhou, BodyText.Of(await outsideSupplier.Content.ReadAsStringAsync()));
        await using (var db = host.OpenSystem())
            Assert.Equal((w.DazhouFirm, w.Green), await db.SupplyLinks.Where(s => s.Product == product).Select(s => new ValueTuple<Guid, Guid>(s.SupplierId, s.CustomerId)).SingleAsync());
    }

    [Fact]
    public async Task The_profile_names_people_units_and_places_the_caller_sees_or_inherits()
    {
        var w = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        var chain = await NewXiquChain(client, w.Xiqu);
        var (outsider, operatorId, cityChief) = (await UserId("dazhou.office"), await UserId("xiqu.operator"), await UserId("pzh.chief"));
        Task<HttpResponseMessage> Put(object body) => client.PutAsJsonAsync($"/api/v1/chains/{chain}/profile", body);

        await NotFoundOn(await Put(new { chiefUserId = outsider, version = 0 }), "chiefUserId", "达州市融圈强链办");
        await NotFoundOn(await Put(new { deputyUserIds = new[] { operatorId, outsider }, version = 0 }), "deputyUserIds", "达州市融圈强链办");
        await NotFoundOn(await Put(new { chiefUserId = cityChief, version = 0 }), "chiefUserId", "攀枝花市链长");
        await NotFoundOn(await Put(new { leadUnitId = w.DazhouUnit, version = 0 }), "leadUnitId", "达州引用测试局");
        await NotFoundOn(await Put(new { hostJurisdictionIds = new[] { w.DazhouPlace }, version = 0 }), "hostJurisdictionIds", "达州");
        await NotFoundOn(await Put(new { collaboratingJurisdictionIds = new[] { w.Xiqu, w.DazhouPlace }, version = 0 }), "collaboratingJurisdictionIds", "达州");
        await using (var db = host.OpenSystem())
        {
            var stored = await db.Chains.SingleAsync(c => c.Id == chain);
            Assert.Equal((0, null, 0, null, 0, 0), (stored.Version, stored.ChiefUserId, stored.DeputyUserIds.Count, stored.LeadUnitId, stored.HostJurisdictionIds.Count,
                stored.CollaboratingJurisdictionIds.Count));
        }

        // The city's bureau governs 西区: a lead department it may name.
        Assert.Equal(HttpStatusCode.NoContent, (await Put(new { leadUnitId = w.CityUnit, hostJurisdictionIds = new[] { w.Xiqu }, version = 0 })).StatusCode);
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/profile");
        Assert.StartsWith("攀枝花引用测试局", profile.GetProperty("leadUnit").GetProperty("name").GetString());

        // The city set its chief on the district chain: the district keeps him when it saves the profile again.
        await using (var db = host.OpenSystem())
        {
            (await db.Chains.SingleAsync(c => c.Id == chain)).ChiefUserId = cityChief;
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.NoContent, (await Put(new { chiefUserId = cityChief, deputyUserIds = new[] { operatorId }, leadUnitId = w.CityUnit, version = 2 })).StatusCode);
        profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/profile");
        Assert.Equal(("攀枝花市链长", "西区园区经办人"), (profile.GetProperty("chief").GetProperty("name").GetString(), profile.GetProperty("deputies")[0].GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Collaboration_needs_name_enterprises_the_caller_sees_and_an_enterprise_sees_its_own()
    {
        var w = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        var chain = await NewXiquChain(client, w.Xiqu);
        await NotFoundOn(await client.PostAsJsonAsync($"/api/v1/chains/{chain}/needs", new { needingEnterpriseId = w.DazhouFirm, kind = "Supply", description = "外地需求" }),
            "needingEnterpriseId", Dazhou);
        await NotFoundOn(await client.PostAsJsonAsync($"/api/v1/chains/{chain}/needs",
            new { needingEnterpriseId = w.Green, providingEnterpriseId = w.DazhouFirm, kind = "Supply", description = "外地供应" }), "providingEnterpriseId", Dazhou);
        await using (var db = host.OpenSystem()) Assert.False(await db.CollaborationNeeds.AnyAsync(n => n.ChainId == chain));

        var own = await client.PostAsJsonAsync($"/api/v1/chains/{chain}/needs", new { needingEnterpriseId = w.Green, providingEnterpriseId = w.Mining, kind = "Supply", description = "本地钛精矿" });
        var ownId = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/chains/{chain}/needs",
            new { needingEnterpriseId = w.Titanium, providingEnterpriseId = w.Lab, kind = "Technology", description = "检测能力" })).StatusCode);
        await NotFoundOn(await client.PutAsJsonAsync($"/api/v1/needs/{ownId}", new { status = "Matched", providingEnterpriseId = w.DazhouFirm, version = 0 }),
            "providingEnterpriseId", Dazhou);
        await using (var db = host.OpenSystem())
        {
            var need = await db.CollaborationNeeds.SingleAsync(n => n.Id == ownId);
            Assert.Equal((w.Mining, NeedStatus.Open, 0), (need.ProvidingEnterpriseId, need.Status, need.Version));
        }

        // The enterprise account sees the need its enterprise raised, and no other enterprise's name.
        using var enterprise = await host.ClientFor("xiqu.enterprise");
        var seen = await enterprise.GetAsync($"/api/v1/chains/{chain}/profile");
        var body = await seen.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var needs = JsonDocument.Parse(body).RootElement.GetProperty("needs").EnumerateArray().ToList();
        Assert.Equal([ownId], needs.Select(n => n.GetProperty("id").GetGuid()));
        Assert.Equal(Green, needs[0].GetProperty("needingEnterprise").GetString());
        foreach (var hidden in new[] { Mining, "演示·西区钒钛新材料有限公司", "演示·西区检验检测服务有限公司" }) Assert.DoesNotContain(hidden, BodyText.Of(body));
        // The office sees both, by name.
        var office = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/profile");
        Assert.Equal([Mining, "演示·西区检验检测服务有限公司"], office.GetProperty("needs").EnumerateArray().Select(n => n.GetProperty("providingEnterprise").GetString()));
    }

    [Fact]
    public async Task Enterprise_links_gap_settings_chains_and_nodes_refer_only_to_rows_the_caller_sees()
    {
        var w = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        var chain = await NewXiquChain(client, w.Xiqu);
        var node = (await (await client.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name = "本区环节", stage = "Upstream", kind = "Material" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await NotFoundOn(await client.PostAsJsonAsync($"/api/v1/nodes/{node}/enterprises", new { enterpriseId = w.DazhouFirm, role = "Supporting", evidence = "Probable" }),
            "enterpriseId", Dazhou);
        var file = Shared.Excel.Workbooks.Rows("链上企业", [new Dictionary<string, object?>
        {
            ["统一社会信用代码"] = w.DazhouUscc, ["环节"] = "本区环节", ["链上角色"] = "配套", ["依据强度"] = "待核实", ["依据说明"] = null,
        }]);
        var imported = await client.PostAsync($"/api/v1/chains/{chain}/links", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "links.xlsx" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, imported.StatusCode);
        Assert.DoesNotContain(Dazhou, BodyText.Of(await imported.Content.ReadAsStringAsync()));
        var foreignParent = await client.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name = "挂外地环节", stage = "Upstream", kind = "Material", parentId = w.DazhouNode });
        await BadRequestOn(foreignParent, "parentId");
        Assert.DoesNotContain("达州硫酸环节", BodyText.Of(await foreignParent.Content.ReadAsStringAsync()));
        await NotFoundOn(await client.PutAsJsonAsync("/api/v1/chains/gap-settings", new { jurisdictionId = w.DazhouPlace, shortShare = 0.9m }), "jurisdictionId", "达州");
        await NotFoundOn(await client.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = w.DazhouPlace, name = "外地引用测试链" }), "jurisdictionId", "达州");

        await using var db = host.OpenSystem();
        Assert.False(await db.EnterpriseNodeLinks.AnyAsync(l => l.ChainId == chain), "a refused link was stored");
        Assert.Equal(1, await db.ChainNodes.CountAsync(n => n.ChainId == chain));
        Assert.False(await db.GapSettings.AnyAsync(g => g.JurisdictionId == w.DazhouPlace));
        Assert.False(await db.Chains.AnyAsync(c => c.Name == "外地引用测试链"));
    }

    [Fact]
    public async Task A_node_that_rows_of_other_jurisdictions_sit_on_is_neither_merged_nor_deleted()
    {
        var w = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        var chain = await NewXiquChain(client, w.Xiqu);
        async Task<Guid> Node(string name) => (await (await client.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name, stage = "Upstream", kind = "Material" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (cityProjectNode, foreignLinkNode, into) = (await Node("市项目环节"), await Node("外地企业环节"), await Node("合并目标环节"));
        var project = new Project { JurisdictionId = w.Panzhihua, Name = "攀枝花市级引用测试项目", ChainId = chain, NodeId = cityProjectNode, ListedOn = new DateOnly(2025, 1, 6) };
        var link = new EnterpriseNodeLink
        {
            JurisdictionId = w.DazhouPlace, EnterpriseId = w.DazhouFirm, ChainId = chain, NodeId = foreignLinkNode, Role = ChainRole.Supporting, Evidence = EvidenceStrength.Probable,
        };
        await using (var db = host.OpenSystem())
        {
            db.AddRange(project, link);
            await db.SaveChangesAsync();
        }

        foreach (var node in new[] { cityProjectNode, foreignLinkNode })
        {
            foreach (var refused in new[] { await client.PostAsJsonAsync($"/api/v1/nodes/{node}/merge", new { intoNodeId = into }), await client.DeleteAsync($"/api/v1/nodes/{node}?version=0") })
            {
                var body = await refused.Content.ReadAsStringAsync();
                Assert.True(refused.StatusCode == HttpStatusCode.Conflict, $"expected 409, got {(int)refused.StatusCode}: {body}");
                Assert.Contains("本辖区以外", BodyText.Of(body));
                foreach (var hidden in new[] { "攀枝花市级引用测试项目", Dazhou }) Assert.DoesNotContain(hidden, BodyText.Of(body));
            }
        }
        // Into another jurisdiction's node: no such node on this chain.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/nodes/{into}/merge", new { intoNodeId = w.DazhouNode })).StatusCode);
        await using (var db = host.OpenSystem())
        {
            Assert.Equal(4, await db.ChainNodes.CountAsync(n => n.ChainId == chain || n.Id == w.DazhouNode));
            Assert.Equal(cityProjectNode, (await db.Projects.SingleAsync(p => p.Id == project.Id)).NodeId);
            Assert.Equal(foreignLinkNode, (await db.EnterpriseNodeLinks.SingleAsync(l => l.Id == link.Id)).NodeId);
        }

        // Whoever sees every row on the node merges it, and they follow.
        using var admin = await host.ClientFor("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/nodes/{cityProjectNode}/merge", new { intoNodeId = into })).StatusCode);
        await using (var db = host.OpenSystem()) Assert.Equal(into, (await db.Projects.SingleAsync(p => p.Id == project.Id)).NodeId);
    }

    [Fact]
    public async Task Supply_links_follow_a_merged_node()
    {
        var w = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        var chain = await NewXiquChain(client, w.Xiqu);
        async Task<Guid> Node(string name) => (await (await client.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name, stage = "Upstream", kind = "Material" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (from, into) = (await Node("钛精矿（旧）"), await Node("钛精矿"));
        var product = $"合并供应{Guid.NewGuid():N}"[..10];
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/supply-links",
            new { supplierId = w.Mining, customerId = w.Green, nodeId = from, product, year = 2023, amount = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/nodes/{from}/merge", new { intoNodeId = into })).StatusCode);
        await using var db = host.OpenSystem();
        Assert.Equal(into, (await db.SupplyLinks.SingleAsync(s => s.Product == product)).NodeId);
    }

    [Fact]
    public async Task An_enterprise_account_s_local_supporting_rate_counts_suppliers_it_does_not_see()
    {
        using var enterprise = await host.ClientFor("xiqu.enterprise");
        Guid chain;
        await using (var db = host.OpenSystem()) chain = (await db.Chains.SingleAsync(c => c.Name == DemoChain.Name)).Id;
        var response = await enterprise.GetAsync($"/api/v1/chains/{chain}/map?year=2024");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var leader = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("leaders").EnumerateArray());
        // 钛精矿 from 西区's mine (3亿, an enterprise the account does not see) of 4亿 bought: 75% local.
        Assert.Equal((Green, 0.75m), (leader.GetProperty("name").GetString(), leader.GetProperty("localSupportingRate").GetDecimal()));
        Assert.DoesNotContain(Mining, BodyText.Of(body));
        Assert.DoesNotContain(Dazhou, BodyText.Of(body));
    }
}

public sealed class ChainReferenceOnSqlite(SqliteHost host) : ChainReferenceTests<SqliteHost>(host);
public sealed class ChainReferenceOnPostgres(PostgresHost host) : ChainReferenceTests<PostgresHost>(host);
