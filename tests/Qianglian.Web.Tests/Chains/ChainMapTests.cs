using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Tests.Enterprises;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Infrastructure;

namespace Qianglian.Web.Tests.Chains;

/// <summary>The panorama map's gap verdicts and the chain leader's local supporting rate, from real data on both databases.</summary>
public abstract class ChainMapTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private sealed record World(Guid Chain, Guid Xiqu);

    private async Task<World> Arrange()
    {
        await using var db = host.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
        var dazhou = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
        var chain = new Chain { JurisdictionId = xiqu.Id, Name = $"图谱测试链{Guid.NewGuid():N}"[..12] };
        ChainNode Node(string name, decimal? demand = null) =>
            new() { JurisdictionId = xiqu.Id, ChainId = chain.Id, Name = name, Stage = ChainStage.Midstream, Kind = NodeKind.Product, Demand = demand };
        var (missing, strong, weak, shortNode) = (Node("缺口环节"), Node("强环节", 100_000_000), Node("弱环节"), Node("短环节", 100_000_000));
        Enterprise Firm(string name, Guid jurisdiction) => new() { JurisdictionId = jurisdiction, Uscc = RegistryTests<THost>.NewUscc("91510403MH4"), Name = name, IndustryCode = "3130" };
        var (leader, small, partial, outsider) = (Firm("图谱链主", xiqu.Id), Firm("图谱小企业", xiqu.Id), Firm("图谱短企业", xiqu.Id), Firm("图谱外地供应商", dazhou.Id));
        EnterpriseYearFact Facts(Enterprise e, decimal revenue, decimal output) =>
            new() { JurisdictionId = e.JurisdictionId, EnterpriseId = e.Id, Year = 2024, Revenue = revenue, OutputValue = output, Employees = 400 };
        EnterpriseNodeLink Link(Enterprise e, ChainNode n, ChainRole role, EvidenceStrength evidence) =>
            new() { JurisdictionId = e.JurisdictionId, EnterpriseId = e.Id, ChainId = chain.Id, NodeId = n.Id, Role = role, Evidence = evidence, EvidenceNote = "测试" };
        db.AddRange(chain, missing, strong, weak, shortNode, leader, small, partial, outsider);
        db.AddRange(Facts(leader, 900_000_000, 80_000_000), Facts(small, 10_000_000, 5_000_000), Facts(partial, 50_000_000, 30_000_000));
        db.AddRange(Link(leader, strong, ChainRole.ChainLeader, EvidenceStrength.Confirmed), Link(small, weak, ChainRole.ChainMember, EvidenceStrength.Confirmed),
            Link(partial, shortNode, ChainRole.ChainMember, EvidenceStrength.Confirmed));
        db.AddRange(
            new SupplyLink { JurisdictionId = xiqu.Id, SupplierId = small.Id, CustomerId = leader.Id, Product = "钛白粉", Year = 2024, Amount = 3_000_000 },
            new SupplyLink { JurisdictionId = xiqu.Id, SupplierId = outsider.Id, CustomerId = leader.Id, Product = "硫酸", Year = 2024, Amount = 1_000_000 });
        await db.SaveChangesAsync();
        return new World(chain.Id, xiqu.Id);
    }

    [Fact]
    public async Task Gaps_and_the_local_supporting_rate()
    {
        var world = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        var map = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{world.Chain}/map");
        Assert.Equal(2024, map.GetProperty("year").GetInt32());
        var gaps = map.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("name").GetString()!, n => n.GetProperty("gap").GetProperty("kind").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["缺口环节"] = "Missing", ["强环节"] = "None", ["弱环节"] = "Weak", ["短环节"] = "Short" }, gaps);
        var leader = Assert.Single(map.GetProperty("leaders").EnumerateArray());
        Assert.Equal(0.75m, leader.GetProperty("localSupportingRate").GetDecimal());

        using var gapList = new MemoryStream(await client.GetByteArrayAsync($"/api/v1/chains/{world.Chain}/gaps.xlsx"));
        Assert.Equal(3, gapList.Query(useHeaderRow: true).Count());

        // A stricter jurisdiction: 80% of demand is no longer enough.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/chains/gap-settings", new { jurisdictionId = world.Xiqu, shortShare = 0.9m })).StatusCode);
        var stricter = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{world.Chain}/map");
        Assert.Equal("Short", stricter.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "强环节").GetProperty("gap").GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/chains/gap-settings", new { jurisdictionId = world.Xiqu, shortShare = 0.5m })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync("/api/v1/chains/gap-settings", new { jurisdictionId = world.Xiqu, shortShare = 1.5m })).StatusCode);
    }

    [Fact]
    public async Task The_all_chains_gap_list_agrees_with_each_chains_map()
    {
        var world = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        var map = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{world.Chain}/map");
        var expected = map.GetProperty("nodes").EnumerateArray()
            .Select(n => (n.GetProperty("name").GetString(), n.GetProperty("gap").GetProperty("kind").GetString()))
            .Where(x => x.Item2 != "None").Order().ToList();
        var all = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/chains/gaps");
        var actual = all!.Where(g => g.GetProperty("chainId").GetGuid() == world.Chain)
            .Select(g => (g.GetProperty("gap").GetProperty("name").GetString(), g.GetProperty("gap").GetProperty("kind").GetString())).Order().ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(3, actual.Count);
        Assert.All(all!, g => Assert.StartsWith("/100000/510000/510400/510403/", g.GetProperty("jurisdictionPath").GetString()));
    }

    /// <summary>
    /// What the map showed before it read the per-node statistics, computed here from the stored rows themselves: every
    /// link of the chain the account can see (all of them, or an enterprise account's own), its enterprise and facts.
    /// </summary>
    private async Task<(int? Year, Dictionary<string, (string Kind, int Local, int AboveScale, int Leaders, decimal Output)> Nodes)> Recounted(
        Guid chainId, decimal shortShare, Guid? onlyEnterprise = null)
    {
        await using var db = host.OpenSystem();
        var chain = await db.Chains.SingleAsync(c => c.Id == chainId);
        var links = await db.EnterpriseNodeLinks.Where(l => l.ChainId == chainId && (onlyEnterprise == null || l.EnterpriseId == onlyEnterprise)).ToListAsync();
        var ids = links.Select(l => l.EnterpriseId).ToList();
        var enterprises = await db.Enterprises.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id);
        var facts = await db.EnterpriseFacts.Where(f => ids.Contains(f.EnterpriseId)).ToListAsync();
        int? year = facts.Count == 0 ? null : facts.Max(f => f.Year);
        var nodes = new Dictionary<string, (string, int, int, int, decimal)>();
        foreach (var node in await db.ChainNodes.Where(n => n.ChainId == chainId).ToListAsync())
        {
            var local = links.Where(l => l.NodeId == node.Id && l.Evidence != EvidenceStrength.Rejected && enterprises[l.EnterpriseId].JurisdictionPath.StartsWith(chain.JurisdictionPath))
                .Select(l =>
                {
                    var e = enterprises[l.EnterpriseId];
                    var fact = facts.SingleOrDefault(f => f.EnterpriseId == e.Id && f.Year == year);
                    var industrial = e.IndustryCode is { } code && Core.Enterprises.IndustryCode.Check(code).IsIndustrial;
                    return new Core.Chains.LocalEnterprise(fact is not null && Core.Enterprises.AboveScale.Is(industrial, fact.Revenue),
                        l.Evidence == EvidenceStrength.Confirmed, fact?.OutputValue ?? 0, l.Role == ChainRole.ChainLeader);
                }).ToList();
            var gap = Core.Chains.GapAnalysis.Analyse(new Core.Chains.NodeInput(node.Id, node.Name, node.Demand, local), new Core.Chains.GapThresholds(shortShare));
            nodes[node.Name] = (gap.Kind.ToString(), gap.LocalCount, gap.AboveScaleCount, gap.LeaderCount, gap.LocalOutput);
        }
        return (year, nodes);
    }

    private static (int? Year, Dictionary<string, (string Kind, int Local, int AboveScale, int Leaders, decimal Output)> Nodes) Shown(JsonElement map) =>
        (map.GetProperty("year").ValueKind == JsonValueKind.Null ? null : map.GetProperty("year").GetInt32(),
         map.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("name").GetString()!, n =>
         {
             var gap = n.GetProperty("gap");
             return (gap.GetProperty("kind").GetString()!, gap.GetProperty("localCount").GetInt32(), gap.GetProperty("aboveScaleCount").GetInt32(),
                 gap.GetProperty("leaderCount").GetInt32(), gap.GetProperty("localOutput").GetDecimal());
         }));

    private async Task<JsonElement> MapAgreeingWithTheRows(HttpClient client, Guid chainId, Guid? onlyEnterprise = null)
    {
        var map = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chainId}/map");
        var (year, nodes) = Shown(map);
        var expected = await Recounted(chainId, map.GetProperty("shortShare").GetDecimal(), onlyEnterprise);
        Assert.Equal(expected.Year, year);
        Assert.Equal(expected.Nodes.OrderBy(n => n.Key), nodes.OrderBy(n => n.Key));
        return map;
    }

    private static string KindOf(JsonElement map, string node) =>
        map.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == node).GetProperty("gap").GetProperty("kind").GetString()!;

    [Fact]
    public async Task The_map_agrees_with_the_stored_rows_after_an_import_a_fact_change_and_a_link_change()
    {
        var world = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        await MapAgreeingWithTheRows(client, world.Chain);
        Dictionary<string, Guid> nodes;
        Enterprise leader, small, partial;
        await using (var db = host.OpenSystem())
        {
            nodes = await db.ChainNodes.Where(n => n.ChainId == world.Chain).ToDictionaryAsync(n => n.Name, n => n.Id);
            var onNodes = await (from l in db.EnterpriseNodeLinks
                                 join e in db.Enterprises on l.EnterpriseId equals e.Id
                                 where l.ChainId == world.Chain
                                 select new { Node = l.NodeId, Enterprise = e }).ToListAsync();
            Enterprise On(string node) => onNodes.Single(x => x.Node == nodes[node]).Enterprise;
            (leader, small, partial) = (On("强环节"), On("弱环节"), On("短环节"));
        }

        // An import gives the 链主 a trade (not industrial) code: no longer 规上, so its node turns weak.
        var import = Shared.Excel.Workbooks.Rows(EnterpriseExcel.SheetName, [new Dictionary<string, object?>
        {
            [EnterpriseExcel.Uscc] = leader.Uscc, [EnterpriseExcel.Name] = leader.Name, [EnterpriseExcel.Jurisdiction] = "510403", [EnterpriseExcel.Industry] = "5211",
        }]);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/enterprises/import", new MultipartFormDataContent { { new ByteArrayContent(import), "file", "e.xlsx" } })).StatusCode);
        Assert.Equal("Weak", KindOf(await MapAgreeingWithTheRows(client, world.Chain), "强环节"));

        // A facts import lifts the short node's output above half its demand.
        var facts = FactsExcel.Headers.ToDictionary(h => h, _ => (object?)null);
        (facts["统一社会信用代码"], facts["年度"], facts["营业收入（万元）"], facts["工业总产值（万元）"]) = (partial.Uscc, 2024, 5000, 6000);
        var factsFile = Shared.Excel.Workbooks.Rows("企业年度数据", [facts]);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/enterprises/facts/import", new MultipartFormDataContent { { new ByteArrayContent(factsFile), "file", "f.xlsx" } })).StatusCode);
        Assert.Equal("None", KindOf(await MapAgreeingWithTheRows(client, world.Chain), "短环节"));

        // Links: an enterprise put on the missing node, the 链主's link rejected.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/nodes/{nodes["缺口环节"]}/enterprises",
            new { enterpriseId = small.Id, role = "ChainMember", evidence = "Probable" })).StatusCode);
        await using (var db = host.OpenSystem())
        {
            var link = await db.EnterpriseNodeLinks.SingleAsync(l => l.EnterpriseId == leader.Id && l.NodeId == nodes["强环节"]);
            Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/links/{link.Id}",
                new { role = "ChainLeader", evidence = "Rejected", evidenceNote = "核实不在本链", version = link.Version })).StatusCode);
        }
        var map = await MapAgreeingWithTheRows(client, world.Chain);
        Assert.Equal(("Weak", "Missing"), (KindOf(map, "缺口环节"), KindOf(map, "强环节")));
        Assert.Empty(map.GetProperty("leaders").EnumerateArray());
    }

    [Fact]
    public async Task A_clicked_node_lists_its_enterprises_and_an_enterprise_account_sees_only_its_own()
    {
        var world = await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        Guid strong, demoFirm;
        await using (var db = host.OpenSystem())
        {
            strong = await db.ChainNodes.Where(n => n.ChainId == world.Chain && n.Name == "强环节").Select(n => n.Id).SingleAsync();
            demoFirm = (await db.Users.SingleAsync(u => u.UserName == "xiqu.enterprise")).EnterpriseId!.Value;
        }
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/nodes/{strong}/enterprises");
        var leader = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("图谱链主", "ChainLeader", true, true, 80_000_000m), (leader.GetProperty("name").GetString(), leader.GetProperty("role").GetString(),
            leader.GetProperty("local").GetBoolean(), leader.GetProperty("aboveScale").GetBoolean(), leader.GetProperty("output").GetDecimal()));

        // The demo enterprise of the enterprise account joins the node: that account's map counts its own link only, as before.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/nodes/{strong}/enterprises",
            new { enterpriseId = demoFirm, role = "Supporting", evidence = "Probable" })).StatusCode);
        using var enterprise = await host.ClientFor("xiqu.enterprise");
        await MapAgreeingWithTheRows(enterprise, world.Chain, demoFirm);
        Assert.Equal(["演示·西区绿色化工有限公司"], (await enterprise.GetFromJsonAsync<JsonElement>($"/api/v1/nodes/{strong}/enterprises")).EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        await MapAgreeingWithTheRows(client, world.Chain);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/nodes/{strong}/enterprises")).GetArrayLength());
    }

    [Fact]
    public async Task A_supply_link_needs_a_registered_supplier_and_a_positive_amount()
    {
        await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        Guid customer;
        await using (var db = host.OpenSystem()) customer = (await db.Enterprises.FirstAsync(e => e.Name == "图谱链主")).Id;
        var unknown = await client.PostAsJsonAsync("/api/v1/supply-links", new { supplierId = Guid.NewGuid(), customerId = customer, product = "钛", year = 2024, amount = 1 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("supplierId", await unknown.Content.ReadAsStringAsync());
        var unregistered = await client.PostAsJsonAsync("/api/v1/supply-links",
            new { supplierUscc = RegistryTests<THost>.NewUscc("91510403MK8"), customerId = customer, product = "钛", year = 2024, amount = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, unregistered.StatusCode);
        Assert.Contains("不在企业名录", BodyText.Of(await unregistered.Content.ReadAsStringAsync()));
        var negative = await client.PostAsJsonAsync("/api/v1/supply-links", new { supplierId = customer, customerId = customer, product = "钛", year = 2024, amount = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("负数", await negative.Content.ReadAsStringAsync());
    }
}

public sealed class ChainMapOnSqlite(SqliteHost host) : ChainMapTests<SqliteHost>(host);
public sealed class ChainMapOnPostgres(PostgresHost host) : ChainMapTests<PostgresHost>(host);

/// <summary>Supply links from .xlsx: the supplier must be registered, the customer in scope, nothing half-written.</summary>
public abstract class SupplyImportTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static Dictionary<string, object?> Row(string supplier, string customer, string product, object amount) => new()
    {
        ["供应商统一社会信用代码"] = supplier, ["客户统一社会信用代码"] = customer, ["产品"] = product, ["年度"] = 2024, ["采购金额（万元）"] = amount,
    };

    [Fact]
    public async Task Unknown_suppliers_and_negative_amounts_refuse_the_file()
    {
        using var client = await host.ClientFor("xiqu.office");
        string green, mining;
        await using (var db = host.OpenSystem())
        {
            green = (await db.Enterprises.FirstAsync(e => e.Name == "演示·西区绿色化工有限公司")).Uscc;
            mining = (await db.Enterprises.FirstAsync(e => e.Name == "演示·西区钛精矿选矿有限公司")).Uscc;
        }
        async Task<HttpResponseMessage> Post(params Dictionary<string, object?>[] rows) =>
            await client.PostAsync("/api/v1/supply-links/import", new MultipartFormDataContent { { new ByteArrayContent(Shared.Excel.Workbooks.Rows("供应关系", rows)), "file", "s.xlsx" } });

        var refused = await Post(Row(mining, green, "钛精矿", 100), Row(RegistryTests<THost>.NewUscc("91510403MK6"), green, "硫酸", 5), Row(mining, green, "钒渣", -1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "供应商统一社会信用代码"), (4, "采购金额（万元）")], errors);
        await using (var db = host.OpenSystem()) Assert.False(await db.SupplyLinks.AnyAsync(s => s.Product == "钒渣" || s.Product == "硫酸" && s.Amount == 50_000));

        Assert.Equal(HttpStatusCode.OK, (await Post(Row(mining, green, "钛精矿（导入）", 100))).StatusCode);
        await using (var db = host.OpenSystem()) Assert.Equal(1_000_000m, (await db.SupplyLinks.SingleAsync(s => s.Product == "钛精矿（导入）")).Amount);
    }
}

public sealed class SupplyImportOnSqlite(SqliteHost host) : SupplyImportTests<SqliteHost>(host);
public sealed class SupplyImportOnPostgres(PostgresHost host) : SupplyImportTests<PostgresHost>(host);
