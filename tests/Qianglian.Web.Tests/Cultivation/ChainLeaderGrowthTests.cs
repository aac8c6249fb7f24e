using System.Net.Http.Json;
using System.Text.Json;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Cultivation;

/// <summary>黔江's target of 20% yearly output growth for each 链主, against the demo leader's output on both databases.</summary>
public abstract class ChainLeaderGrowthTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<JsonElement[]> Rows(string user, string query = "") =>
        (await (await host.ClientFor(user)).GetFromJsonAsync<JsonElement[]>($"/api/v1/cultivation/chain-leader-growth{query}"))!;

    [Fact]
    public async Task Each_year_of_the_qianjiang_leader_is_judged_against_twenty_percent()
    {
        var leader = (await Rows("admin")).Single(r => r.GetProperty("name").GetString() == "演示·黔江新材料有限公司");
        Assert.Equal(0.2m, leader.GetProperty("targetRate").GetDecimal());
        Assert.Equal(["新材料"], leader.GetProperty("chains").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("20%以上", leader.GetProperty("source").GetString());
        var years = leader.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal([2023, 2024], years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal((0.25m, true), (years[0].GetProperty("growth").GetDecimal(), years[0].GetProperty("met").GetBoolean()));
        Assert.Equal((0.15m, false), (years[1].GetProperty("growth").GetDecimal(), years[1].GetProperty("met").GetBoolean()));
        Assert.Equal(1_200_000_000m, years[1].GetProperty("required").GetDecimal());

        var upTo2023 = (await Rows("admin", "?year=2023")).Single(r => r.GetProperty("name").GetString() == "演示·黔江新材料有限公司");
        Assert.Equal([2023], upTo2023.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task Another_jurisdiction_neither_sees_the_leader_nor_has_the_target()
    {
        Assert.DoesNotContain(await Rows("xiqu.office"), r => r.GetProperty("name").GetString() == "演示·黔江新材料有限公司");
    }
}

public sealed class ChainLeaderGrowthOnSqlite(SqliteHost host) : ChainLeaderGrowthTests<SqliteHost>(host);
public sealed class ChainLeaderGrowthOnPostgres(PostgresHost host) : ChainLeaderGrowthTests<PostgresHost>(host);
