using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Chains;

/// <summary>Editing a chain's node tree and linking enterprises, through the API on both databases.</summary>
public abstract class ChainTreeTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<(HttpClient Client, Guid Chain)> NewChain(string name)
    {
        var client = await host.ClientFor("xiqu.office");
        Guid xiqu;
        await using (var db = host.OpenSystem()) xiqu = (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
        var created = await client.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = xiqu, name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static async Task<Guid> AddNode(HttpClient client, Guid chain, string name, Guid? parentId = null, string stage = "Upstream")
    {
        var response = await client.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name, stage, kind = "Material", parentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> Nodes(HttpClient client, Guid chain) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}")).GetProperty("nodes").EnumerateArray().ToList();

    private static async Task<string> Error(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().First().Value[0].GetString()!;

    [Fact]
    public async Task A_node_cannot_move_under_its_own_child()
    {
        var (client, chain) = await NewChain("钛产业链（树测试）");
        var ore = await AddNode(client, chain, "钛精矿");
        var pigment = await AddNode(client, chain, "钛白粉", ore, "Midstream");
        var response = await client.PostAsJsonAsync($"/api/v1/nodes/{ore}/move", new { parentId = pigment, version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("下级环节", await Error(response));
        Assert.Null((await Nodes(client, chain)).Single(n => n.GetProperty("id").GetGuid() == ore).GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task Sibling_names_are_unique()
    {
        var (client, chain) = await NewChain("重名测试链");
        await AddNode(client, chain, "海绵钛");
        var again = await client.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name = "海绵钛", stage = "Upstream", kind = "Material" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已有环节", await Error(again));
    }

    [Fact]
    public async Task Merging_moves_sub_nodes_and_enterprises_then_removes_the_node()
    {
        var (client, chain) = await NewChain("合并测试链");
        var a = await AddNode(client, chain, "钛白粉（氯化法）");
        var b = await AddNode(client, chain, "钛白粉");
        var child = await AddNode(client, chain, "涂料", a, "Downstream");
        Guid enterprise;
        await using (var db = host.OpenSystem()) enterprise = (await db.Enterprises.OrderBy(e => e.Uscc).FirstAsync(e => e.JurisdictionPath.StartsWith("/100000/510000/510400/510403/"))).Id;
        var linked = await client.PostAsJsonAsync($"/api/v1/nodes/{a}/enterprises", new { enterpriseId = enterprise, role = "ChainLeader", evidence = "Confirmed", evidenceNote = "年报：氯化法钛白粉产能" });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/nodes/{a}/merge", new { intoNodeId = b })).StatusCode);
        var nodes = await Nodes(client, chain);
        Assert.DoesNotContain(nodes, n => n.GetProperty("id").GetGuid() == a);
        Assert.Equal(b, nodes.Single(n => n.GetProperty("id").GetGuid() == child).GetProperty("parentId").GetGuid());
        var target = nodes.Single(n => n.GetProperty("id").GetGuid() == b);
        Assert.Equal("ChainLeader", target.GetProperty("enterprises")[0].GetProperty("role").GetString());
    }

    /// <summary>A node's attraction targets follow a merge; a node with targets is not deleted (was a 500: their key to the node).</summary>
    [Fact]
    public async Task Attraction_targets_follow_a_merged_node_and_keep_a_node_from_deletion()
    {
        var (client, chain) = await NewChain("招商目标合并测试链");
        var a = await AddNode(client, chain, "氯化钛白");
        var b = await AddNode(client, chain, "钛白");
        async Task Target(Guid node, string enterprise) =>
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/investment/targets",
                new { chainId = chain, target = new { nodeId = node, enterpriseName = enterprise, purpose = "Fill", source = "ByBusiness" } })).StatusCode);
        await Target(a, "目标甲公司");
        await Target(a, "目标乙公司");
        await Target(b, "目标乙公司");

        var refused = await client.DeleteAsync($"/api/v1/nodes/{a}?version=0");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("招商目标", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/nodes/{a}/merge", new { intoNodeId = b })).StatusCode);
        await using var db = host.OpenSystem();
        var targets = await db.Set<Modules.Investment.TargetEnterprise>().Where(t => t.ChainId == chain).Select(t => new { t.NodeId, t.EnterpriseName }).ToListAsync();
        Assert.Equal(["目标乙公司", "目标甲公司"], targets.Select(t => t.EnterpriseName).Order());
        Assert.All(targets, t => Assert.Equal(b, t.NodeId));
    }

    [Fact]
    public async Task A_node_with_sub_nodes_cannot_be_deleted()
    {
        var (client, chain) = await NewChain("删除测试链");
        var parent = await AddNode(client, chain, "上游");
        await AddNode(client, chain, "原料", parent);
        var response = await client.DeleteAsync($"/api/v1/nodes/{parent}?version=0");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_confirmed_link_needs_its_evidence_and_an_enterprise_is_on_a_node_once()
    {
        var (client, chain) = await NewChain("关联测试链");
        var node = await AddNode(client, chain, "钒电池");
        Guid enterprise;
        await using (var db = host.OpenSystem()) enterprise = (await db.Enterprises.OrderBy(e => e.Uscc).FirstAsync(e => e.JurisdictionPath.StartsWith("/100000/510000/510400/510403/"))).Id;
        var noEvidence = await client.PostAsJsonAsync($"/api/v1/nodes/{node}/enterprises", new { enterpriseId = enterprise, role = "ChainMember", evidence = "Confirmed" });
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Contains("依据", await Error(noEvidence));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/nodes/{node}/enterprises", new { enterpriseId = enterprise, role = "ChainMember", evidence = "Probable" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/nodes/{node}/enterprises", new { enterpriseId = enterprise, role = "Supporting", evidence = "Probable" })).StatusCode);
    }
}

public sealed class ChainTreeOnSqlite(SqliteHost host) : ChainTreeTests<SqliteHost>(host);
public sealed class ChainTreeOnPostgres(PostgresHost host) : ChainTreeTests<PostgresHost>(host);
