using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Investment;

/// <summary>Target lists through the API on both databases: suggestions, outside-only targets, pushes to the chain's localities and their answers; the node ranking.</summary>
public abstract class TargetListTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<(Guid Chain, Dictionary<string, Guid> Nodes)> DemoChainOf()
    {
        await using var db = host.OpenSystem();
        var chain = await db.Chains.SingleAsync(c => c.Name == DemoChain.Name);
        return (chain.Id, await db.ChainNodes.Where(n => n.ChainId == chain.Id).ToDictionaryAsync(n => n.Name, n => n.Id));
    }

    private static async Task<string> Error(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task Gaps_and_the_chain_leaders_outside_suppliers_suggest_targets()
    {
        var office = await host.ClientFor("xiqu.office");
        var xiqu = await InvestmentWorld.Jurisdiction(host, "510403");
        var chain = await InvestmentWorld.Id(await office.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = xiqu, name = "建议测试产业链" }));
        async Task<Guid> Node(string name, string stage, decimal? demand = null) =>
            await InvestmentWorld.Id(await office.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name, stage, kind = "Product", demand }));
        var sponge = await Node("海绵钛", "Midstream", 1_000_000_000m);
        var slag = await Node("钒渣", "Upstream");
        await Node("涂料", "Downstream");
        var pigment = await Node("钛白粉", "Midstream");
        Guid leader, member, outside;
        await using (var db = host.OpenSystem())
        {
            leader = (await db.Enterprises.SingleAsync(e => e.Name == "演示·西区绿色化工有限公司")).Id;
            member = (await db.Enterprises.SingleAsync(e => e.Name == "演示·西区钒钛新材料有限公司")).Id;
            outside = (await db.Enterprises.SingleAsync(e => e.Name == "演示·达州能源化工有限公司")).Id;
        }
        async Task Link(Guid node, Guid enterprise, string role) => Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/v1/nodes/{node}/enterprises",
            new { enterpriseId = enterprise, role, evidence = "Confirmed", evidenceNote = "年报" })).StatusCode);
        await Link(pigment, leader, "ChainLeader");    // covered: an above-scale, confirmed 链主
        await Link(sponge, member, "ChainMember");     // short: 2亿 of a 10亿 demand
        await using (var db = host.OpenSystem())
        {
            // The 链主 buys 钒渣 from 达州 (outside 西区): a supplier worth attracting.
            db.SupplyLinks.Add(new SupplyLink { JurisdictionId = xiqu, SupplierId = outside, CustomerId = leader, NodeId = slag, Product = "钒渣", Year = 2024, Amount = 50_000_000m });
            await db.SaveChangesAsync();
        }

        var suggestions = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/investment/chains/{chain}/suggestions?year=2024")).EnumerateArray().ToList();
        var fromGaps = suggestions.Where(s => s.GetProperty("source").GetString() == "GapAnalysis").ToList();
        Assert.Equal(["涂料", "钒渣", "海绵钛"], fromGaps.Select(s => s.GetProperty("nodeName").GetString()));   // missing first, then short
        Assert.Equal(["Extend", "Fill", "Fill"], fromGaps.Select(s => s.GetProperty("purpose").GetString()));   // a missing downstream node extends the chain
        Assert.Equal(["High", "High", "Medium"], fromGaps.Select(s => s.GetProperty("priority").GetString()));
        var supplier = Assert.Single(suggestions, s => s.GetProperty("source").GetString() == "LeaderSuppliers");
        Assert.Equal("演示·达州能源化工有限公司", supplier.GetProperty("enterpriseName").GetString());
        Assert.Equal("钒渣", supplier.GetProperty("nodeName").GetString());
        Assert.Contains("5,000万元", supplier.GetProperty("reason").GetString());

        // Once a node has an entry it is no longer suggested from the gap list.
        var added = await office.PostAsJsonAsync("/api/v1/investment/targets", new
        {
            chainId = chain, target = new { nodeId = slag, enterpriseName = "攀钢集团钒钛资源股份有限公司", purpose = "Fill", source = "GapAnalysis", location = "四川攀枝花", industryCode = "C3120" },
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var again = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/investment/chains/{chain}/suggestions?year=2024")).EnumerateArray();
        Assert.DoesNotContain(again, s => s.GetProperty("nodeName").GetString() == "钒渣" && s.GetProperty("source").GetString() == "GapAnalysis");
        var stored = Assert.Single((await office.GetFromJsonAsync<JsonElement>($"/api/v1/investment/targets?chainId={chain}")).EnumerateArray());
        Assert.Equal("3120", stored.GetProperty("industryCode").GetString());
    }

    [Fact]
    public async Task A_target_lies_outside_the_jurisdiction_and_bad_fields_are_refused()
    {
        var (chain, nodes) = await DemoChainOf();
        var office = await host.ClientFor("xiqu.office");
        var local = await office.PostAsJsonAsync("/api/v1/investment/targets", new
            { chainId = chain, target = new { nodeId = nodes["钛合金材料"], enterpriseName = "演示·西区钒钛新材料有限公司", purpose = "Fill", source = "ByBusiness" } });
        Assert.Contains("本辖区企业", await Error(local, "enterpriseName"));
        var badCode = await office.PostAsJsonAsync("/api/v1/investment/targets", new
            { chainId = chain, target = new { nodeId = nodes["钛合金材料"], enterpriseName = "宝钛集团", purpose = "Fill", source = "ByBusiness", industryCode = "C9999" } });
        Assert.Contains("行业代码", await Error(badCode, "industryCode"));
        Guid otherNode;
        await using (var db = host.OpenSystem()) otherNode = (await db.ChainNodes.FirstAsync(n => n.ChainId != chain)).Id;
        var foreignNode = await office.PostAsJsonAsync("/api/v1/investment/targets", new
            { chainId = chain, target = new { nodeId = otherNode, enterpriseName = "宝钛集团", purpose = "Fill", source = "ByBusiness" } });
        Assert.Contains("不属于", await Error(foreignNode, "nodeId"));
        Assert.DoesNotContain((await office.GetFromJsonAsync<JsonElement>("/api/v1/investment/targets")).EnumerateArray(), t => t.GetProperty("enterpriseName").GetString() == "宝钛集团");
    }

    [Fact]
    public async Task A_target_pushed_to_a_host_locality_is_that_locality_s_row_which_it_accepts_or_returns()
    {
        var (chain, nodes) = await DemoChainOf();
        var office = await host.ClientFor("xiqu.office");
        var park = await InvestmentWorld.Jurisdiction(host, "510403-YQ");
        var xiqu = await InvestmentWorld.Jurisdiction(host, "510403");
        var profile = await office.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/profile");
        var setHost = await office.PutAsJsonAsync($"/api/v1/chains/{chain}/profile", new { hostJurisdictionIds = new[] { park }, version = profile.GetProperty("version").GetInt32() });
        Assert.True(setHost.StatusCode == HttpStatusCode.NoContent, await setHost.Content.ReadAsStringAsync());

        async Task<Guid> Target(string name) => await InvestmentWorld.Id(await office.PostAsJsonAsync("/api/v1/investment/targets", new
            { chainId = chain, target = new { nodeId = nodes["钛合金材料"], enterpriseName = name, purpose = "Extend", source = "ChainAttraction", priority = "High", location = "江苏常州" } }));
        var first = await Target("常州涂料科技有限公司");
        var second = await Target("佛山涂料集团");

        // Not one of the chain's localities: refused by name, nothing pushed.
        var stranger = await office.PostAsJsonAsync($"/api/v1/investment/targets/{first}/push", new { localityIds = new[] { park, xiqu } });
        Assert.Contains("不是该产业链的主要承载地或协同发展地", await Error(stranger, "localityIds"));
        await using (var db = host.OpenSystem()) Assert.False(await db.Set<Modules.Investment.TargetPush>().AnyAsync(p => p.TargetId == first));

        foreach (var target in new[] { first, second })
        {
            var pushed = await office.PostAsJsonAsync($"/api/v1/investment/targets/{target}/push", new { localityIds = new[] { park } });
            Assert.Equal(1, (await pushed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pushed").GetInt32());
        }

        // The park's own operator sees the pushed targets as rows of the park, not the chain's list (which is 西区's).
        var parkUser = await InvestmentWorld.UserIn(host, "yq.operator", park, Roles.LocalOperator);
        string[] mine = ["佛山涂料集团", "常州涂料科技有限公司"];
        var received = (await parkUser.GetFromJsonAsync<JsonElement>("/api/v1/investment/pushes")).EnumerateArray()
            .Where(r => mine.Contains(r.GetProperty("enterpriseName").GetString())).ToList();
        Assert.Equal(["佛山涂料集团", "常州涂料科技有限公司"], received.Select(r => r.GetProperty("enterpriseName").GetString()).Order());
        Assert.All(received, r => Assert.Equal(DemoChain.Name, r.GetProperty("chainName").GetString()));
        Assert.Empty((await parkUser.GetFromJsonAsync<JsonElement>("/api/v1/investment/targets")).EnumerateArray());
        JsonElement Row(string name) => received.Single(r => r.GetProperty("enterpriseName").GetString() == name);

        var noReason = await parkUser.PostAsJsonAsync($"/api/v1/investment/pushes/{Row("佛山涂料集团").GetProperty("id").GetGuid()}/answer",
            new { status = "Returned", reason = " ", version = Row("佛山涂料集团").GetProperty("version").GetInt32() });
        Assert.Contains("理由", await Error(noReason, "reason"));
        Assert.Equal(HttpStatusCode.NoContent, (await parkUser.PostAsJsonAsync($"/api/v1/investment/pushes/{Row("佛山涂料集团").GetProperty("id").GetGuid()}/answer",
            new { status = "Returned", reason = "园区无涂料项目用地", version = Row("佛山涂料集团").GetProperty("version").GetInt32() })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await parkUser.PostAsJsonAsync($"/api/v1/investment/pushes/{Row("常州涂料科技有限公司").GetProperty("id").GetGuid()}/answer",
            new { status = "Accepted", version = Row("常州涂料科技有限公司").GetProperty("version").GetInt32() })).StatusCode);
        var twice = await parkUser.PostAsJsonAsync($"/api/v1/investment/pushes/{Row("常州涂料科技有限公司").GetProperty("id").GetGuid()}/answer",
            new { status = "Returned", reason = "改主意", version = Row("常州涂料科技有限公司").GetProperty("version").GetInt32() + 1 });
        Assert.Contains("不能重复答复", await Error(twice, "status"));

        // The list keeper sees each answer; the accepted target opens a lead in the park.
        var list = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/investment/targets?chainId={chain}")).EnumerateArray().ToList();
        JsonElement Push(string name) => list.Single(t => t.GetProperty("enterpriseName").GetString() == name).GetProperty("pushes")[0];
        Assert.Equal("Accepted", Push("常州涂料科技有限公司").GetProperty("status").GetString());
        Assert.Equal("园区无涂料项目用地", Push("佛山涂料集团").GetProperty("returnReason").GetString());
        var lead = await InvestmentWorld.Id(await parkUser.PostAsJsonAsync("/api/v1/investment/leads/from-push",
            new { pushId = Row("常州涂料科技有限公司").GetProperty("id").GetGuid(), name = "常州涂料西区生产基地", plannedInvestment = 200_000_000m }));
        var detail = await parkUser.GetFromJsonAsync<JsonElement>($"/api/v1/investment/leads/{lead}");
        Assert.Equal("常州涂料科技有限公司", detail.GetProperty("lead").GetProperty("investorName").GetString());
        Assert.Equal("钛合金材料", detail.GetProperty("lead").GetProperty("nodeName").GetString());
        Assert.Equal(park, detail.GetProperty("lead").GetProperty("jurisdictionId").GetGuid());

        // A returned target may be pushed again; a pending or accepted one is not pushed twice.
        var repush = await office.PostAsJsonAsync($"/api/v1/investment/targets/{second}/push", new { localityIds = new[] { park } });
        Assert.Equal(1, (await repush.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pushed").GetInt32());
        var noop = await office.PostAsJsonAsync($"/api/v1/investment/targets/{first}/push", new { localityIds = new[] { park } });
        Assert.Equal(0, (await noop.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pushed").GetInt32());
        var delete = await office.DeleteAsync($"/api/v1/investment/targets/{first}?version=0");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
    }

    [Fact]
    public async Task Gap_nodes_rank_by_relatedness_density_computed_from_the_registry()
    {
        var office = await host.ClientFor("xiqu.office");
        var xiqu = await InvestmentWorld.Jurisdiction(host, "510403");
        var dongqu = await InvestmentWorld.Dongqu(host);
        var dazhou = await InvestmentWorld.Jurisdiction(host, "511700");
        // 2019 output by county (亿元): 西区 32:60 26:40 · 东区 32:50 26:50 · 达州 14:90 26:10 — the Core test's province.
        await using (var db = host.OpenSystem())
        {
            var n = 0;
            void Firm(Guid place, string code, decimal outputYi)
            {
                var e = new Enterprise { JurisdictionId = place, Uscc = DemoData.FullUscc($"9151000MA6RANK{++n:000}"), Name = $"排序测试企业{n}", IndustryCode = code };
                db.Enterprises.Add(e);
                db.EnterpriseFacts.Add(new EnterpriseYearFact { JurisdictionId = place, EnterpriseId = e.Id, Year = 2019, OutputValue = outputYi * 100_000_000m, Revenue = outputYi * 100_000_000m });
            }
            Firm(xiqu, "3219", 60); Firm(xiqu, "2619", 40);
            Firm(dongqu, "3251", 50); Firm(dongqu, "2641", 50);
            Firm(dazhou, "1491", 90); Firm(dazhou, "2614", 10);
            await db.SaveChangesAsync();
        }
        var chain = await InvestmentWorld.Id(await office.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = xiqu, name = "排序测试产业链" }));
        var bad = await office.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name = "错码环节", stage = "Midstream", kind = "Product", industryCode = "Z26" });
        Assert.Contains("行业代码", await Error(bad, "industryCode"));
        foreach (var (name, code) in new[] { ("颜料", "C2644"), ("富硒食品", "1491"), ("无代码环节", (string?)null) })
        {
            var node = await office.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name, stage = "Midstream", kind = "Product", industryCode = code });
            Assert.Equal(HttpStatusCode.Created, node.StatusCode);
        }

        var report = await office.GetFromJsonAsync<JsonElement>($"/api/v1/investment/chains/{chain}/ranking?year=2019");
        Assert.Equal(3, report.GetProperty("regions").GetInt32());
        Assert.Equal("四川省", report.GetProperty("reference").GetString());
        var ranked = report.GetProperty("ranked").EnumerateArray().ToList();
        Assert.Equal(["颜料", "富硒食品"], ranked.Select(r => r.GetProperty("name").GetString()));
        // 26 is 40/100 of 西区 and 100/300 of the province: LQ 1.2; its only related industry, 32, is a 西区 strength: density 1.
        Assert.Equal(1.2m, ranked[0].GetProperty("locationQuotient").GetDecimal());
        Assert.Equal(1m, ranked[0].GetProperty("density").GetDecimal());
        var related = Assert.Single(ranked[0].GetProperty("related").EnumerateArray());
        Assert.Equal("32", related.GetProperty("division").GetString());
        // the node, its division and the related division are named from the same GB/T 4754-2017 table the codes were checked against
        Assert.Equal(("C2644 工艺美术颜料制造", "C26 化学原料和化学制品制造业", "C32 有色金属冶炼和压延加工业"),
            (ranked[0].GetProperty("industryLabel").GetString(), ranked[0].GetProperty("divisionLabel").GetString(), related.GetProperty("name").GetString()));
        Assert.Equal(0m, ranked[1].GetProperty("density").GetDecimal());
        Assert.Equal(["无代码环节"], report.GetProperty("unranked").EnumerateArray().Select(u => u.GetString()));
    }
}

public sealed class TargetListOnSqlite(SqliteHost host) : TargetListTests<SqliteHost>(host);
public sealed class TargetListOnPostgres(PostgresHost host) : TargetListTests<PostgresHost>(host);
