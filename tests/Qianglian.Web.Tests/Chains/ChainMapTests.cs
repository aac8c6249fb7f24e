using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Tests.Enterprises;
using Qianglian.Web.Tests.Hosting;

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

    [Fact]
    public async Task A_supply_link_needs_a_registered_supplier_and_a_positive_amount()
    {
        await Arrange();
        using var client = await host.ClientFor("xiqu.office");
        Guid customer;
        await using (var db = host.OpenSystem()) customer = (await db.Enterprises.FirstAsync(e => e.Name == "图谱链主")).Id;
        var unknown = await client.PostAsJsonAsync("/api/v1/supply-links", new { supplierId = Guid.NewGuid(), customerId = customer, product = "钛", year = 2024, amount = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("不在企业名录", await unknown.Content.ReadAsStringAsync());
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
