using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Chains;

/// <summary>A chain's chief, localities, working kit from the pack, lists and collaboration needs, on both databases.</summary>
public abstract class ChainProfileTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<(HttpClient Client, Guid Chain, Guid Xiqu, Guid Park)> NewChain()
    {
        var client = await host.ClientFor("xiqu.office");
        await using var db = host.OpenSystem();
        var xiqu = (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
        var park = (await db.Jurisdictions.SingleAsync(j => j.Code == "510403-YQ")).Id;
        var created = await client.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = xiqu, name = $"机制测试链{Guid.NewGuid():N}"[..10] });
        return (client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), xiqu, park);
    }

    private async Task<Guid> UserId(string name)
    {
        await using var db = host.OpenSystem();
        return (await db.Users.SingleAsync(u => u.UserName == name)).Id;
    }

    [Fact]
    public async Task Chief_and_localities_are_checked_against_the_callers_scope()
    {
        var (client, chain, xiqu, park) = await NewChain();
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/profile")).GetProperty("version").GetInt32();
        var outsider = await client.PutAsJsonAsync($"/api/v1/chains/{chain}/profile", new { chiefUserId = await UserId("dazhou.office"), version });
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        var both = await client.PutAsJsonAsync($"/api/v1/chains/{chain}/profile", new { hostJurisdictionIds = new[] { xiqu }, collaboratingJurisdictionIds = new[] { xiqu }, version });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);

        var ok = await client.PutAsJsonAsync($"/api/v1/chains/{chain}/profile", new
        {
            chiefUserId = await UserId("xiqu.operator"), deputyUserIds = new[] { await UserId("xiqu.office") },
            hostJurisdictionIds = new[] { xiqu }, collaboratingJurisdictionIds = new[] { park }, version,
        });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/profile");
        Assert.Equal("西区园区经办人", profile.GetProperty("chief").GetProperty("name").GetString());
        Assert.Equal("西区园区", profile.GetProperty("collaborating")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_working_kit_comes_from_the_pack_and_done_items_need_evidence()
    {
        var (client, chain, _, _) = await NewChain();
        var init = await client.PostAsync($"/api/v1/chains/{chain}/kit/from-pack", null);
        Assert.Equal(5, (await init.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        var again = await client.PostAsync($"/api/v1/chains/{chain}/kit/from-pack", null);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/profile");
        Assert.Equal("五个一", profile.GetProperty("kitName").GetString());
        var plan = profile.GetProperty("kit").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "一个工作方案");
        var id = plan.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync($"/api/v1/kit-items/{id}", new { state = "Done", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/kit-items/{id}", new { state = "Done", evidence = "西经信〔2025〕12号", version = 0 })).StatusCode);
    }

    [Fact]
    public async Task Lists_and_needs()
    {
        var (client, chain, _, _) = await NewChain();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/chains/{chain}/lists", new { kind = "TechnologyRoute", title = "氯化法钛白粉" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/chains/{chain}/lists", new { kind = "KeyPlatform", title = " " })).StatusCode);
        Guid enterprise;
        await using (var db = host.OpenSystem()) enterprise = (await db.Enterprises.FirstAsync(e => e.Name == "演示·西区绿色化工有限公司")).Id;
        var need = await client.PostAsJsonAsync($"/api/v1/chains/{chain}/needs", new { needingEnterpriseId = enterprise, kind = "Supply", description = "本地硫酸供应" });
        var needId = (await need.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync($"/api/v1/needs/{needId}", new { status = "Matched", version = 0 })).StatusCode);
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/profile");
        Assert.Equal("氯化法钛白粉", profile.GetProperty("lists")[0].GetProperty("title").GetString());
        Assert.Equal("演示·西区绿色化工有限公司", profile.GetProperty("needs")[0].GetProperty("needingEnterprise").GetString());
    }
}

public sealed class ChainProfileOnSqlite(SqliteHost host) : ChainProfileTests<SqliteHost>(host);
public sealed class ChainProfileOnPostgres(PostgresHost host) : ChainProfileTests<PostgresHost>(host);
