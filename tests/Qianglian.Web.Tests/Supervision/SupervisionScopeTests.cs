using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Core.Supervision;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Supervision;

/// <summary>
/// Issue 13 in supervision, on both databases: an enterprise user's supply-demand and problem figures count only its own
/// enterprise; a foreign id in a supervision write body is not found and nothing is stored; a problem on the city's chain
/// climbs from a district to the city's lead department through the chain-leadership door, which never reads sideways.
/// </summary>
public abstract class SupervisionScopeTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private sealed record World(Guid Xiqu, string XiquPath, Guid Own, Guid Mining, Guid Lab, Guid DemoChain, Guid ForeignEnterprise, Guid ForeignChain,
        Guid ForeignNode, Guid ForeignUnit, Guid CityUnit, Guid CityChain, Guid CityNode);

    /// <summary>
    /// 西区's demo enterprises and chain; a 达州 chain, node and unit; a 攀枝花 chain led by a city unit, whose node the
    /// enterprise user's enterprise is on. Made once per host (each test asks again: xUnit makes a class per test).
    /// </summary>
    private async Task<World> WorldAsync()
    {
        await using var db = host.OpenSystem();
        var places = await db.Jurisdictions.Where(j => j.Code == "510400" || j.Code == "510403" || j.Code == "511700").ToDictionaryAsync(j => j.Code);
        var (city, xiqu, dazhou) = (places["510400"], places["510403"], places["511700"]);
        if (!await db.Units.AnyAsync(u => u.Key == "scope.test.city"))
        {
            var chief = await db.Users.Where(u => u.UserName == "pzh.chief").Select(u => u.Id).SingleAsync();
            var own = await db.Enterprises.Where(e => e.Uscc == DemoData.FullUscc("91510403MA6DEM001")).Select(e => e.Id).SingleAsync();
            var foreignChain = new Chain { JurisdictionId = dazhou.Id, Name = ForeignChainName };
            var foreignNode = new ChainNode { JurisdictionId = dazhou.Id, ChainId = foreignChain.Id, Name = "外市环节", Stage = ChainStage.Upstream, Kind = NodeKind.Material };
            var foreignUnit = new GovernmentUnit { JurisdictionId = dazhou.Id, Key = "scope.test.dazhou", Name = "督查范围测试外市单位" };
            var cityUnit = new GovernmentUnit { JurisdictionId = city.Id, Key = "scope.test.city", Name = "督查范围测试市牵头部门" };
            var cityChain = new Chain { JurisdictionId = city.Id, Name = CityChainName, LeadUnitId = cityUnit.Id, ChiefUserId = chief };
            var cityNode = new ChainNode { JurisdictionId = city.Id, ChainId = cityChain.Id, Name = "市级环节", Stage = ChainStage.Midstream, Kind = NodeKind.Product };
            var link = new EnterpriseNodeLink { JurisdictionId = xiqu.Id, EnterpriseId = own, ChainId = cityChain.Id, NodeId = cityNode.Id, Role = ChainRole.ChainMember, Evidence = EvidenceStrength.Confirmed };
            db.AddRange(foreignChain, foreignNode, foreignUnit, cityUnit, cityChain, cityNode, link);
            await db.SaveChangesAsync();
        }
        var firms = await db.Enterprises.Where(e => e.Name.StartsWith("演示·西区")).ToDictionaryAsync(e => e.Name, e => e.Id);
        var chains = await db.Chains.Where(c => c.Name == ForeignChainName || c.Name == CityChainName || c.Name == DemoChain.Name).ToDictionaryAsync(c => c.Name, c => c.Id);
        var units = await db.Units.Where(u => u.Key.StartsWith("scope.test.")).ToDictionaryAsync(u => u.Key, u => u.Id);
        var nodes = await db.ChainNodes.Where(n => n.ChainId == chains[ForeignChainName] || n.ChainId == chains[CityChainName]).ToDictionaryAsync(n => n.ChainId, n => n.Id);
        return new World(xiqu.Id, xiqu.JurisdictionPath, await db.Enterprises.Where(e => e.Uscc == DemoData.FullUscc("91510403MA6DEM001")).Select(e => e.Id).SingleAsync(),
            firms["演示·西区钛精矿选矿有限公司"], firms["演示·西区检验检测服务有限公司"], chains[DemoChain.Name],
            await db.Enterprises.Where(e => e.JurisdictionId == dazhou.Id).OrderBy(e => e.Uscc).Select(e => e.Id).FirstAsync(),
            chains[ForeignChainName], nodes[chains[ForeignChainName]], units["scope.test.dazhou"], units["scope.test.city"], chains[CityChainName], nodes[chains[CityChainName]]);
    }

    private const string ForeignChainName = "督查范围测试外市产业链", CityChainName = "督查范围测试市级产业链";

    private static async Task<Guid> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task AssertNotFound(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_enterprise_user_counts_only_the_matches_of_its_own_posts()
    {
        var w = await WorldAsync();
        var office = await host.ClientFor("xiqu.office");
        // Two other enterprises close a deal; the enterprise user's own demand is answered by a third.
        var othersDemand = await Created(await office.PostAsJsonAsync("/api/v1/supply-demand/posts", new { enterpriseId = w.Lab, kind = "Demand", chainId = w.DemoChain, product = "范围测试原料" }));
        var othersSupply = await Created(await office.PostAsJsonAsync("/api/v1/supply-demand/posts", new { enterpriseId = w.Mining, kind = "Supply", chainId = w.DemoChain, product = "范围测试原料" }));
        var othersDeal = await Created(await office.PostAsJsonAsync("/api/v1/supply-demand/matches", new { demandPostId = othersDemand, supplyPostId = othersSupply, status = "Deal", amount = 12_345_678m }));
        var ownDemand = await Created(await (await host.ClientFor("xiqu.enterprise")).PostAsJsonAsync("/api/v1/supply-demand/posts", new { kind = "Demand", chainId = w.DemoChain, product = "范围测试催化剂" }));
        var ownSupply = await Created(await office.PostAsJsonAsync("/api/v1/supply-demand/posts", new { enterpriseId = w.Mining, kind = "Supply", chainId = w.DemoChain, product = "范围测试催化剂" }));
        var ownMatch = await Created(await office.PostAsJsonAsync("/api/v1/supply-demand/matches", new { demandPostId = ownDemand, supplyPostId = ownSupply, status = "Contacted" }));

        var enterprise = await host.ClientFor("xiqu.enterprise");
        var matches = (await enterprise.GetFromJsonAsync<JsonElement>("/api/v1/supply-demand/matches")).EnumerateArray().ToList();
        Assert.Contains(matches, m => m.GetProperty("id").GetGuid() == ownMatch);
        Assert.DoesNotContain(matches, m => m.GetProperty("id").GetGuid() == othersDeal);
        List<Guid> ownPosts;
        await using (var db = host.OpenSystem()) ownPosts = await db.SupplyDemandPosts.Where(p => p.EnterpriseId == w.Own).Select(p => p.Id).ToListAsync();
        Assert.All(matches, m => Assert.True(ownPosts.Contains(m.GetProperty("demandPostId").GetGuid()) || ownPosts.Contains(m.GetProperty("supplyPostId").GetGuid())));
        var figures = (await enterprise.GetFromJsonAsync<JsonElement>("/api/v1/supply-demand/figures")).EnumerateArray().ToList();
        Assert.Equal(matches.Count, figures.Sum(f => f.GetProperty("matches").GetInt32()));
        var ownDeals = matches.Where(m => m.GetProperty("status").ToString() == "Deal").Sum(m => m.GetProperty("amount").GetDecimal());
        Assert.Equal(ownDeals, figures.Sum(f => f.GetProperty("dealAmount").GetDecimal()));

        // The office counts every match of its jurisdiction, the others' deal among them.
        var all = (await office.GetFromJsonAsync<JsonElement>("/api/v1/supply-demand/matches")).EnumerateArray().ToList();
        Assert.Contains(all, m => m.GetProperty("id").GetGuid() == othersDeal);
        var officeFigures = (await office.GetFromJsonAsync<JsonElement>("/api/v1/supply-demand/figures")).EnumerateArray().ToList();
        Assert.Equal(all.Count, officeFigures.Sum(f => f.GetProperty("matches").GetInt32()));
        Assert.True(officeFigures.Sum(f => f.GetProperty("dealAmount").GetDecimal()) >= 12_345_678m);
        Assert.DoesNotContain((await (await host.ClientFor("dazhou.office")).GetFromJsonAsync<JsonElement>("/api/v1/supply-demand/matches")).EnumerateArray(),
            m => m.GetProperty("id").GetGuid() == othersDeal || m.GetProperty("id").GetGuid() == ownMatch);
    }

    [Fact]
    public async Task A_post_naming_another_citys_node_chain_demand_or_enterprise_is_not_found_and_nothing_is_stored()
    {
        var w = await WorldAsync();
        Guid foreignDemand;
        await using (var db = host.OpenSystem())
        {
            var post = new SupplyDemandPost
            {
                JurisdictionId = await db.Enterprises.Where(e => e.Id == w.ForeignEnterprise).Select(e => e.JurisdictionId).SingleAsync(), EnterpriseId = w.ForeignEnterprise,
                Kind = PostKind.Demand, Product = "外市链主需求", ChainLeaderNeed = true, PostedAt = DateTimeOffset.UtcNow, PostedBy = "test",
            };
            db.SupplyDemandPosts.Add(post);
            await db.SaveChangesAsync();
            foreignDemand = post.Id;
        }
        var office = await host.ClientFor("xiqu.office");
        const string product = "范围测试外部引用";
        await AssertNotFound(await office.PostAsJsonAsync("/api/v1/supply-demand/posts", new { enterpriseId = w.Mining, kind = "Supply", nodeId = w.ForeignNode, product }), "环节不存在");
        await AssertNotFound(await office.PostAsJsonAsync("/api/v1/supply-demand/posts", new { enterpriseId = w.Mining, kind = "Supply", chainId = w.ForeignChain, product }), "产业链不存在");
        await AssertNotFound(await office.PostAsJsonAsync("/api/v1/supply-demand/posts", new { enterpriseId = w.Mining, kind = "Supply", answersPostId = foreignDemand, product }), "所响应的需求不存在");
        await AssertNotFound(await office.PostAsJsonAsync("/api/v1/supply-demand/posts", new { enterpriseId = w.ForeignEnterprise, kind = "Supply", product }), "企业不存在");
        // The city's node the enterprise is on may be named from the district: its chain comes with it.
        var onCityChain = await Created(await (await host.ClientFor("xiqu.enterprise")).PostAsJsonAsync("/api/v1/supply-demand/posts", new { kind = "Demand", nodeId = w.CityNode, product = "范围测试市级需求" }));

        await using var check = host.OpenSystem();
        Assert.False(await check.SupplyDemandPosts.AnyAsync(p => p.Product == product));
        Assert.Equal(w.CityChain, (await check.SupplyDemandPosts.SingleAsync(p => p.Id == onCityChain)).ChainId);
    }

    [Fact]
    public async Task A_problem_on_another_citys_chain_or_assigned_to_its_unit_is_not_found_and_nothing_is_stored()
    {
        var w = await WorldAsync();
        var office = await host.ClientFor("xiqu.office");
        const string title = "范围测试外市产业链问题";
        await AssertNotFound(await office.PostAsJsonAsync("/api/v1/problems", new { enterpriseId = w.Mining, chainId = w.ForeignChain, category = "Land", title, description = "x" }), "产业链不存在");
        await AssertNotFound(await office.PostAsJsonAsync("/api/v1/problems", new { enterpriseId = w.ForeignEnterprise, category = "Land", title, description = "x" }), "企业不存在");
        var problem = await Created(await office.PostAsJsonAsync("/api/v1/problems", new { enterpriseId = w.Mining, category = "Land", title = "范围测试改派", description = "x" }));
        Problem before;
        await using (var db = host.OpenSystem()) before = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem);
        await AssertNotFound(await office.PostAsJsonAsync($"/api/v1/problems/{problem}/assign", new { unitId = w.ForeignUnit, version = before.Version }), "单位不存在");

        await using (var db = host.OpenSystem())
        {
            Assert.False(await db.Problems.AnyAsync(p => p.Title == title));
            var after = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem);
            Assert.Equal(before.AssignedUnitId, after.AssignedUnitId);
            Assert.Equal(before.Version, after.Version);
        }
        // A unit kept above the district (the city's) is configuration it inherits: the problem may go to it.
        var assigned = await office.PostAsJsonAsync($"/api/v1/problems/{problem}/assign", new { unitId = w.CityUnit, version = before.Version });
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
    }

    /// <summary>
    /// Even an administrator who sees both cities cannot assign a 达州 chain's matter to a 西区 unit: the matter would lie
    /// in 西区 and name a chain 西区 cannot see. A chain assigns work along its own line (its place, above or below).
    /// </summary>
    [Fact]
    public async Task A_chains_matter_goes_only_to_a_unit_in_the_chains_line()
    {
        var w = await WorldAsync();
        var admin = await host.ClientFor("admin");
        Guid xiquUnit;
        await using (var db = host.OpenSystem())
            xiquUnit = await db.Units.Where(u => u.JurisdictionId == w.Xiqu).Select(u => u.Id).FirstAsync();
        int Count() { using var db = host.OpenSystem(); return db.AssignedMatters.Count(m => m.ChainId == w.ForeignChain); }
        var before = Count();
        var sideways = await admin.PostAsJsonAsync($"/api/v1/chains/{w.ForeignChain}/matters", new { decision = "跨市交办", unitId = xiquUnit, dueOn = "2030-06-30" });
        Assert.Equal(HttpStatusCode.BadRequest, sideways.StatusCode);
        Assert.True((await sideways.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("unitId", out _));
        Assert.Equal(before, Count());
        var inLine = await admin.PostAsJsonAsync($"/api/v1/chains/{w.ForeignChain}/matters", new { decision = "本市交办", unitId = w.ForeignUnit, dueOn = "2030-06-30" });
        Assert.Equal(HttpStatusCode.Created, inLine.StatusCode);
        Assert.Equal(before + 1, Count());
    }

    [Fact]
    public async Task An_enterprise_users_problem_figures_and_ledger_are_its_own()
    {
        var w = await WorldAsync();
        var office = await host.ClientFor("xiqu.office");
        await Created(await office.PostAsJsonAsync("/api/v1/problems", new { enterpriseId = w.Mining, category = "Finance", title = "范围测试他企问题", description = "x" }));
        await Created(await (await host.ClientFor("xiqu.enterprise")).PostAsJsonAsync("/api/v1/problems", new { category = "Finance", title = "范围测试本企问题", description = "x" }));

        var enterprise = await host.ClientFor("xiqu.enterprise");
        var ledger = await enterprise.GetFromJsonAsync<JsonElement>("/api/v1/problems?pageSize=200");
        Assert.All(ledger.GetProperty("items").EnumerateArray(), p => Assert.Equal(w.Own, p.GetProperty("enterpriseId").GetGuid()));
        var figures = await enterprise.GetFromJsonAsync<JsonElement>("/api/v1/problems/figures");
        Assert.Equal(ledger.GetProperty("total").GetInt32(), figures.GetProperty("all").GetProperty("total").GetInt32());
        Assert.Equal(ledger.GetProperty("total").GetInt32(), figures.GetProperty("byUnit").EnumerateArray().Sum(r => r.GetProperty("total").GetInt32()));
        var officeLedger = await office.GetFromJsonAsync<JsonElement>("/api/v1/problems?pageSize=1");
        Assert.True(officeLedger.GetProperty("total").GetInt32() > ledger.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_district_problem_on_the_citys_chain_climbs_to_the_citys_lead_department_and_the_door_never_reads_sideways()
    {
        var w = await WorldAsync();
        var problem = await Created(await (await host.ClientFor("xiqu.office")).PostAsJsonAsync("/api/v1/problems",
            new { enterpriseId = w.Own, chainId = w.CityChain, category = "Power", title = "范围测试市级链问题", description = "x" }));

        await using var db = host.Services.GetRequiredService<DatabaseOptions>().Create(new UserScope { Path = w.XiquPath, UserName = "scope.test" }, TimeProvider.System);
        Assert.False(await db.Chains.AnyAsync(c => c.Id == w.CityChain), "the filter itself hides the city's chain");
        var leadership = await db.ChainLeadershipAsync(w.CityChain, CancellationToken.None);
        Assert.Equal(w.CityUnit, leadership?.LeadUnitId);
        Assert.Null(await db.ChainLeadershipAsync(w.ForeignChain, CancellationToken.None));

        var stored = await db.Problems.SingleAsync(p => p.Id == problem);
        await ProblemLadder.EscalateAsync(db, stored, EscalationReason.BeyondPowers, "超出区级职权", "scope.test", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(EscalationLevel.LeadDepartment, stored.Level);
        Assert.Equal(w.CityUnit, stored.AssignedUnitId);
    }
}

public sealed class SupervisionScopeOnSqlite(SqliteHost host) : SupervisionScopeTests<SqliteHost>(host);
public sealed class SupervisionScopeOnPostgres(PostgresHost host) : SupervisionScopeTests<PostgresHost>(host);
