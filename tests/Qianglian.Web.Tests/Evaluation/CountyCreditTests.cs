using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Projects;

namespace Qianglian.Web.Tests.Evaluation;

/// <summary>
/// A county's dashboard counts a project split between two counties at its own share (the share's locality read from
/// the share row itself), and only what lies in the caller's scope: on both databases.
/// </summary>
public abstract class CountyCreditTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task A_county_dashboard_counts_a_shared_project_at_its_share_and_another_county_sees_none_of_it()
    {
        Guid dazhou, a, b;
        await using (var db = host.OpenSystem())
        {
            var parent = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
            // Two of 达州's counties (from its pack) where the demo has no project.
            var countyA = await db.Jurisdictions.SingleAsync(j => j.Code == "511723");
            var countyB = await db.Jurisdictions.SingleAsync(j => j.Code == "511724");
            (dazhou, a, b) = (parent.Id, countyA.Id, countyB.Id);
        }
        var office = await host.ClientFor("dazhou.office");
        await ProjectApi.Create(office, a, new
        {
            name = "两县分成项目", totalInvestment = 200_000_000m, listedOn = "2025-01-02",
            shares = new[] { new { localityId = a, investmentPercent = 70m, outputPercent = 70m }, new { localityId = b, investmentPercent = 30m, outputPercent = 30m } },
            plans = new[] { new { year = 2025, plannedInvestment = 100_000_000m } },
        });
        decimal Planned(JsonElement board) => board.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "planned").GetProperty("value").GetDecimal();
        decimal Projects(JsonElement board) => board.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "projects").GetProperty("value").GetDecimal();

        var first = await office.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/county?year=2025&jurisdictionId={a}");
        var second = await office.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/county?year=2025&jurisdictionId={b}");
        var city = await office.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/county?year=2025&jurisdictionId={dazhou}");
        Assert.Equal((0.7m, 0.3m), (Planned(first), Planned(second)));   // 亿元 at each county's share
        Assert.Equal((1m, 1m), (Projects(first), Projects(second)));
        Assert.True(Planned(city) >= 1m, "the city counts the whole project once");

        // 西区 sees neither county, and its own board holds none of the project.
        var xiqu = await host.ClientFor("xiqu.office");
        Assert.Equal(HttpStatusCode.NotFound, (await xiqu.GetAsync($"/api/v1/dashboards/county?year=2025&jurisdictionId={b}")).StatusCode);
        var own = await xiqu.GetFromJsonAsync<JsonElement>("/api/v1/dashboards/county?year=2025");
        Assert.StartsWith("西区", own.GetProperty("title").GetString());
        Assert.DoesNotContain(own.GetProperty("watch").EnumerateArray(), w => w.GetProperty("name").GetString() == "两县分成项目");
    }
}

public sealed class CountyCreditOnSqlite(SqliteHost host) : CountyCreditTests<SqliteHost>(host);
public sealed class CountyCreditOnPostgres(PostgresHost host) : CountyCreditTests<PostgresHost>(host);
