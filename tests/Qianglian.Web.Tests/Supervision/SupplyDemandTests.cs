using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Supervision;

/// <summary>Supply and demand on both databases: jieba keywords, a 链主 need answered by a local supplier, ranking, deals and counts.</summary>
public abstract class SupplyDemandTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<Guid> Post(string user, object body)
    {
        var response = await (await host.ClientFor(user)).PostAsJsonAsync("/api/v1/supply-demand/posts", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<(Guid Chain, Guid Pigment, Guid Mining, Guid Lab)> Ids()
    {
        await using var db = host.OpenSystem();
        var chain = await db.Chains.SingleAsync(c => c.Name == DemoChain.Name);
        var firms = await db.Enterprises.Where(e => e.Name.StartsWith("演示·西区")).ToDictionaryAsync(e => e.Name, e => e.Id);
        var node = await db.ChainNodes.Where(n => n.ChainId == chain.Id && n.Name == "钛精矿").Select(n => n.Id).SingleAsync();
        return (chain.Id, node, firms["演示·西区钛精矿选矿有限公司"], firms["演示·西区检验检测服务有限公司"]);
    }

    [Fact]
    public async Task A_chain_leaders_need_is_answered_by_a_local_supplier_ranked_first_and_a_deal_is_counted()
    {
        var (chain, node, mining, lab) = await Ids();
        // 演示·西区绿色化工 is the chain's 链主 (the demo enterprise user's own enterprise).
        var need = await Post("xiqu.enterprise", new { kind = "Demand", chainId = chain, nodeId = node, product = "高品位钛精矿", description = "年需求5万吨，要求TiO2品位47%以上" });
        var office = await host.ClientFor("xiqu.office");
        var posts = await office.GetFromJsonAsync<JsonElement>($"/api/v1/supply-demand/posts?chainId={chain}");
        var posted = posts.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == need);
        Assert.True(posted.GetProperty("chainLeaderNeed").GetBoolean());
        Assert.Contains("钛精矿", posted.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));   // jieba cut 高品位钛精矿

        var answer = await Post("xiqu.office", new { enterpriseId = mining, kind = "Supply", nodeId = node, product = "钛精矿（品位47%）", answersPostId = need });
        var unrelated = await Post("xiqu.office", new { enterpriseId = lab, kind = "Supply", product = "检验检测服务" });
        var candidates = await office.GetFromJsonAsync<JsonElement>($"/api/v1/supply-demand/posts/{need}/candidates");
        var first = candidates[0];
        Assert.Equal(answer, first.GetProperty("post").GetProperty("id").GetGuid());
        Assert.True(first.GetProperty("answers").GetBoolean());
        Assert.Contains("钛精矿", first.GetProperty("score").GetProperty("sharedKeywords").EnumerateArray().Select(k => k.GetString()));
        Assert.DoesNotContain(candidates.EnumerateArray(), c => c.GetProperty("post").GetProperty("id").GetGuid() == unrelated
            && c.GetProperty("score").GetProperty("total").GetDecimal() >= first.GetProperty("score").GetProperty("total").GetDecimal());

        // The enterprise sees the supplier's published answer too (posts are published within the jurisdiction).
        var seen = await (await host.ClientFor("xiqu.enterprise")).GetFromJsonAsync<JsonElement>($"/api/v1/supply-demand/posts/{need}/candidates");
        Assert.Equal(answer, seen[0].GetProperty("post").GetProperty("id").GetGuid());
        Assert.Equal("演示·西区钛精矿选矿有限公司", seen[0].GetProperty("post").GetProperty("enterprise").GetString());

        var noAmount = await office.PostAsJsonAsync("/api/v1/supply-demand/matches", new { demandPostId = need, supplyPostId = answer, status = "Deal" });
        Assert.Equal(HttpStatusCode.BadRequest, noAmount.StatusCode);
        Assert.Contains("amount", await noAmount.Content.ReadAsStringAsync());
        var match = await office.PostAsJsonAsync("/api/v1/supply-demand/matches", new { demandPostId = need, supplyPostId = answer, status = "Deal", amount = 45_000_000m });
        Assert.Equal(HttpStatusCode.Created, match.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync("/api/v1/supply-demand/matches", new { demandPostId = need, supplyPostId = answer })).StatusCode);
        var figures = await office.GetFromJsonAsync<JsonElement>("/api/v1/supply-demand/figures");
        var row = figures.EnumerateArray().Single(f => f.GetProperty("chain").GetString() == DemoChain.Name);
        Assert.True(row.GetProperty("deals").GetInt32() >= 1);
        Assert.True(row.GetProperty("dealAmount").GetDecimal() >= 45_000_000m);
    }

    [Fact]
    public async Task Enterprises_change_only_their_own_posts_and_only_supplies_answer_leaders_needs()
    {
        var (chain, node, mining, _) = await Ids();
        var supply = await Post("xiqu.office", new { enterpriseId = mining, kind = "Supply", chainId = chain, product = "钛精矿" });
        var closeOther = await (await host.ClientFor("xiqu.enterprise")).PostAsync($"/api/v1/supply-demand/posts/{supply}/close?version=0", null);
        Assert.Equal(HttpStatusCode.Forbidden, closeOther.StatusCode);
        var notANeed = await (await host.ClientFor("xiqu.office")).PostAsJsonAsync("/api/v1/supply-demand/posts",
            new { enterpriseId = mining, kind = "Supply", product = "钛精矿", answersPostId = supply });
        Assert.Equal(HttpStatusCode.BadRequest, notANeed.StatusCode);
        var noProduct = await (await host.ClientFor("xiqu.enterprise")).PostAsJsonAsync("/api/v1/supply-demand/posts", new { kind = "Demand", nodeId = node, product = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noProduct.StatusCode);
        await using var db = host.OpenSystem();
        Assert.Equal(PostStatus.Open, (await db.SupplyDemandPosts.SingleAsync(p => p.Id == supply)).Status);
    }
}

public sealed class SupplyDemandOnSqlite(SqliteHost host) : SupplyDemandTests<SqliteHost>(host);
public sealed class SupplyDemandOnPostgres(PostgresHost host) : SupplyDemandTests<PostgresHost>(host);
