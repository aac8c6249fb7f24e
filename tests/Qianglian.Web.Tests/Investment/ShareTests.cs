using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Evaluation;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Investment;

/// <summary>
/// 分投资/分产值 across counties: a 西区 project with a 40% share for 东区 (which the project's chain names as its
/// 协同发展地) counts for 东区 (whose users see the share, not the project), 60% for 西区 and once for 攀枝花 — on both
/// databases.
/// </summary>
public abstract class ShareTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task A_share_counts_for_the_locality_it_is_assigned_to_without_double_counting_or_leaking_the_project()
    {
        var xiqu = await InvestmentWorld.Jurisdiction(host, "510403");
        var city = await InvestmentWorld.Jurisdiction(host, "510400");
        var dongqu = await InvestmentWorld.Dongqu(host);
        var office = await host.ClientFor("xiqu.office");
        var dongquUser = await InvestmentWorld.UserIn(host, "dq.operator", dongqu, Roles.LocalOperator);

        // Reserve-investment targets for 2023 in each place (the actuals are what matters here).
        await using (var db = host.OpenSystem())
        {
            foreach (var (place, key) in new[] { (xiqu, "xq"), (dongqu, "dq"), (city, "pzh") })
                db.Targets.Add(new Target { JurisdictionId = place, Key = $"share.test.{key}", Name = "储备项目新增总投资", Metric = "projects.reserve.new_total_investment",
                    Year = 2023, Comparison = ">=", Value = 1, UnitOfMeasure = "亿元", Scope = "jurisdiction", Source = "测试" });
            await db.SaveChangesAsync();
        }
        // 西区 may credit 东区 because the project's chain names 东区 as its 协同发展地 (set by the city).
        Guid chain;
        await using (var db = host.OpenSystem())
        {
            var row = new Modules.Chains.Chain { JurisdictionId = xiqu, Name = "跨区钒钛协同链", CollaboratingJurisdictionIds = [dongqu] };
            db.Chains.Add(row);
            await db.SaveChangesAsync();
            chain = row.Id;
        }
        var created = await office.PostAsJsonAsync("/api/v1/projects", new
        {
            jurisdictionId = xiqu,
            project = new { name = "跨区钒钛产业园项目", chainId = chain, totalInvestment = 1_000_000_000m, newOutputValue = 500_000_000m, listedOn = "2023-03-01",
                shares = new[] { new { localityId = xiqu, investmentPercent = 60m, outputPercent = 50m }, new { localityId = dongqu, investmentPercent = 40m, outputPercent = 50m } } },
        });
        var project = await InvestmentWorld.Id(created);

        // 东区 sees its share and what the share needs — not the project, which stays 西区's.
        var shared = Assert.Single((await dongquUser.GetFromJsonAsync<JsonElement>("/api/v1/projects/shared-in")).EnumerateArray());
        Assert.Equal("跨区钒钛产业园项目", shared.GetProperty("projectName").GetString());
        Assert.Equal("西区", shared.GetProperty("ownerJurisdiction").GetString());
        Assert.Equal(400_000_000m, shared.GetProperty("creditedInvestment").GetDecimal());
        Assert.Equal(250_000_000m, shared.GetProperty("creditedOutput").GetDecimal());
        Assert.False(shared.TryGetProperty("enterpriseId", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await dongquUser.GetAsync($"/api/v1/projects/{project}")).StatusCode);
        Assert.DoesNotContain((await dongquUser.GetFromJsonAsync<JsonElement>("/api/v1/projects")).GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == project);
        Assert.Equal(HttpStatusCode.NotFound, (await dongquUser.PutAsJsonAsync($"/api/v1/projects/{project}", new { project = new { name = "改名", totalInvestment = 1m }, version = 0 })).StatusCode);
        Assert.Empty((await office.GetFromJsonAsync<JsonElement>("/api/v1/projects/shared-in")).EnumerateArray()); // its own project is not "shared in" to 西区

        // Each counts its share; the city counts the project once.
        async Task<decimal> Actual(HttpClient client, string key) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/projects/targets?year=2023")).EnumerateArray()
                .Single(t => t.GetProperty("metric").GetString() == "projects.reserve.new_total_investment" && t.GetProperty("source").GetString() == "测试"
                             && t.GetProperty("jurisdictionName").GetString() == key).GetProperty("actual").GetDecimal();
        Assert.Equal(4.00m, await Actual(dongquUser, "东区"));
        Assert.Equal(6.00m, await Actual(office, "西区"));
        var chief = await host.ClientFor("pzh.chief");
        Assert.Equal(10.00m, await Actual(chief, "攀枝花市"));
        Assert.Equal(4.00m, await Actual(chief, "东区"));

        // Moving the share away takes it from 东区 at once.
        var version = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}")).GetProperty("version").GetInt32();
        var update = await office.PutAsJsonAsync($"/api/v1/projects/{project}", new
        {
            project = new { name = "跨区钒钛产业园项目", totalInvestment = 1_000_000_000m, shares = new[] { new { localityId = xiqu, investmentPercent = 100m, outputPercent = 100m } } },
            version,
        });
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        Assert.Empty((await dongquUser.GetFromJsonAsync<JsonElement>("/api/v1/projects/shared-in")).EnumerateArray());
        Assert.Equal(0m, await Actual(dongquUser, "东区"));
        Assert.Equal(10.00m, await Actual(office, "西区"));
    }
}

public sealed class ShareOnSqlite(SqliteHost host) : ShareTests<SqliteHost>(host);
public sealed class ShareOnPostgres(PostgresHost host) : ShareTests<PostgresHost>(host);
