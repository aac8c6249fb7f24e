using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Cultivation.CultivationApi;

namespace Qianglian.Web.Tests.Cultivation;

/// <summary>
/// Issue 13, defect 3, on both databases: a run's distribution counts only the results the caller sees — an enterprise
/// user its own, a county its subtree — and every other cultivation aggregate likewise; a foreign id in a cultivation
/// write body is refused and nothing is stored.
/// </summary>
public abstract class CultivationScopeTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static readonly string?[] Groupings = [null, "county", "park", "chain"];

    private async Task<Guid> GradeXiqu()
    {
        var (client, xiqu) = await Office(host);
        return await Created(await client.PostAsJsonAsync("/api/v1/cultivation/gradings", new { jurisdictionId = xiqu, year = 2024 }));
    }

    private async Task<Guid> Enterprise(string uscc)
    {
        await using var db = host.OpenSystem();
        return await db.Enterprises.Where(e => e.Uscc == DemoData.FullUscc(uscc)).Select(e => e.Id).SingleAsync();
    }

    private static async Task<List<JsonElement>> Distribution(HttpClient client, Guid run, string? by) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/runs/{run}/distribution{(by is null ? "" : "?by=" + by)}")).EnumerateArray().ToList();

    private static int Total(IEnumerable<JsonElement> groups) => groups.Sum(g => g.GetProperty("total").GetInt32());

    private static Dictionary<string, int> Classes(JsonElement group) =>
        group.GetProperty("classes").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt32());

    [Fact]
    public async Task An_enterprise_users_distribution_counts_exactly_its_own_result()
    {
        var run = await GradeXiqu();
        var own = await Enterprise("91510403MA6DEM001");
        var client = await host.ClientFor("xiqu.enterprise");
        var result = Assert.Single(await Results(client, run));
        Assert.Equal(own, result.GetProperty("enterpriseId").GetGuid());
        var grade = result.GetProperty("finalClass").GetString()!;

        foreach (var by in Groupings)
        {
            var groups = await Distribution(client, run, by);
            Assert.NotEmpty(groups);
            // One result: every group it falls in (one place, one park; each chain it is on) counts it once, in its own class.
            if (by != "chain") Assert.Single(groups);
            Assert.All(groups, g =>
            {
                Assert.Equal(1, g.GetProperty("total").GetInt32());
                Assert.Equal(new Dictionary<string, int> { [grade] = 1 }, Classes(g));
            });
        }
    }

    [Fact]
    public async Task A_countys_distribution_adds_up_to_the_results_it_sees_and_another_city_sees_none()
    {
        var run = await GradeXiqu();
        var (office, _) = await Office(host);
        var results = await Results(office, run);
        Assert.True(results.Count > 1);
        foreach (var by in Groupings.Where(b => b != "chain"))
        {
            var groups = await Distribution(office, run, by);
            Assert.Equal(results.Count, Total(groups));
            var byClass = results.GroupBy(r => r.GetProperty("finalClass").GetString()!).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(byClass, groups.SelectMany(Classes).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value)));
        }
        // By chain an enterprise counts in each chain it is on, and once as 未入链 when on none.
        Assert.True(Total(await Distribution(office, run, "chain")) >= results.Count);

        var dazhou = await host.ClientFor("dazhou.office");
        foreach (var by in Groupings)
            Assert.Equal(HttpStatusCode.NotFound, (await dazhou.GetAsync($"/api/v1/cultivation/runs/{run}/distribution{(by is null ? "" : "?by=" + by)}")).StatusCode);
    }

    [Fact]
    public async Task A_what_if_aims_at_the_runs_own_thresholds_whoever_opens_it()
    {
        var run = await GradeXiqu();
        var enterprise = await host.ClientFor("xiqu.enterprise");
        var own = Assert.Single(await Results(enterprise, run)).GetProperty("id").GetGuid();
        var (office, _) = await Office(host);
        var asOffice = await office.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/results/{own}");
        var asEnterprise = await enterprise.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/results/{own}");
        Assert.Equal(asOffice.GetProperty("whatIf").GetRawText(), asEnterprise.GetProperty("whatIf").GetRawText());
    }

    [Fact]
    public async Task Every_other_cultivation_aggregate_shows_an_enterprise_user_only_itself()
    {
        await GradeXiqu();
        var own = await Enterprise("91510403MA6DEM001");
        var client = await host.ClientFor("xiqu.enterprise");
        async Task<JsonElement> Get(string url) => await client.GetFromJsonAsync<JsonElement>(url);
        static IEnumerable<Guid> Ids(JsonElement rows) => rows.EnumerateArray().Select(r => r.GetProperty("enterpriseId").GetGuid());

        Assert.All(Ids(await Get("/api/v1/cultivation/tiers?history=true")), id => Assert.Equal(own, id));
        Assert.All(Ids(await Get("/api/v1/cultivation/exits")), id => Assert.Equal(own, id));
        Assert.All(Ids(await Get("/api/v1/cultivation/chain-leader-growth")), id => Assert.Equal(own, id));
        Assert.All(Ids(await Get("/api/v1/cultivation/srdi?year=2024")), id => Assert.Equal(own, id));
        Assert.All(Ids(await Get("/api/v1/cultivation/awards?year=2024")), id => Assert.Equal(own, id));
        Assert.All(Ids(await Get("/api/v1/cultivation/ipo-pool")), id => Assert.Equal(own, id));
        Assert.All(Ids((await Get("/api/v1/cultivation/expert-scores?pageSize=500")).GetProperty("items")), id => Assert.Equal(own, id));
        var pool = await Get("/api/v1/cultivation/small-to-scale?year=2024");
        Assert.All(Ids(pool.GetProperty("items")), id => Assert.Equal(own, id));
        Assert.True(pool.GetProperty("aboveScale").GetInt32() <= 1);
        var ups = await Get("/api/v1/cultivation/four-ups?year=2024");
        Assert.Equal(1, ups.GetProperty("enterprises").GetInt32());
        Assert.All(ups.GetProperty("items").EnumerateArray(), r => Assert.True(r.GetProperty("enterprises").GetInt32() <= 1));
        Assert.All((await Get("/api/v1/cultivation/chain-targets")).EnumerateArray(), c =>
            Assert.True(c.GetProperty("demonstration").GetInt32() + c.GetProperty("cultivation").GetInt32() + c.GetProperty("candidate").GetInt32() <= 1
                        && c.GetProperty("leaders").GetInt32() <= 1));
    }

    [Fact]
    public async Task An_expert_score_for_another_jurisdictions_enterprise_or_chain_is_not_found_and_nothing_is_stored()
    {
        var own = await Enterprise("91510403MA6DEM001");
        Guid foreignEnterprise, foreignChain;
        await using (var db = host.OpenSystem())
        {
            var dazhou = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
            foreignEnterprise = await db.Enterprises.Where(e => e.JurisdictionId == dazhou.Id).Select(e => e.Id).FirstAsync();
            var chain = new Chain { JurisdictionId = dazhou.Id, Name = "培育范围测试外市产业链" };
            db.Chains.Add(chain);
            await db.SaveChangesAsync();
            foreignChain = chain.Id;
        }
        var (office, _) = await Office(host);
        var enterprise = await office.PutAsJsonAsync("/api/v1/cultivation/expert-scores", new { enterpriseId = foreignEnterprise, year = 2024, key = "srdi-score", score = 50 });
        Assert.Equal(HttpStatusCode.NotFound, enterprise.StatusCode);
        Assert.Contains("企业不存在", await Problem(enterprise));
        var chained = await office.PutAsJsonAsync("/api/v1/cultivation/expert-scores", new { enterpriseId = own, chainId = foreignChain, year = 2024, key = "position", score = 5 });
        Assert.Equal(HttpStatusCode.NotFound, chained.StatusCode);
        Assert.Contains("产业链不存在", await Problem(chained));
        // An enterprise user's profile write for a sibling enterprise.
        var sibling = await Enterprise("91510403MA6DEM002");
        var profile = await (await host.ClientFor("xiqu.enterprise")).PutAsJsonAsync($"/api/v1/cultivation/enterprises/{sibling}/profile",
            new { strategicEmerging = true, rdInstitutionLevel = 1, majorProjectUnderConstruction = false });
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);

        await using var check = host.OpenSystem();
        Assert.False(await check.ExpertScores.AnyAsync(s => s.EnterpriseId == foreignEnterprise || s.ChainId == foreignChain));
        Assert.False(await check.CultivationProfiles.AnyAsync(p => p.EnterpriseId == sibling && p.StrategicEmerging));
    }
}

public sealed class CultivationScopeOnSqlite(SqliteHost host) : CultivationScopeTests<SqliteHost>(host);
public sealed class CultivationScopeOnPostgres(PostgresHost host) : CultivationScopeTests<PostgresHost>(host);
