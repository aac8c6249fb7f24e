using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Projects;

/// <summary>
/// The holiday calendar a county lists: the days kept at it and above it (inherited: the nation's, its city's) and
/// those its own subtree keeps — never a sibling's or another city's. On both databases.
/// </summary>
public abstract class HolidayListTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task A_county_lists_its_own_its_ancestors_and_its_subtrees_days_and_no_one_elses()
    {
        var dongqu = await Investment.InvestmentWorld.Dongqu(host);
        await using (var db = host.OpenSystem())
        {
            async Task Day(string code, int day, string name) =>
                db.Add(new HolidayEntry { JurisdictionId = (await db.Jurisdictions.SingleAsync(j => j.Code == code)).Id, Date = new DateOnly(2031, 5, day), Name = name });
            await Day("100000", 1, "全国假日");
            await Day("510400", 2, "攀枝花假日");
            await Day("510403", 3, "西区假日");
            await Day("511700", 4, "达州假日");
            db.Add(new HolidayEntry { JurisdictionId = dongqu, Date = new DateOnly(2031, 5, 5), Name = "东区假日" });
            var park = await db.Jurisdictions.FirstOrDefaultAsync(j => j.JurisdictionPath.StartsWith("/100000/510000/510400/510403/") && j.Code != "510403");
            if (park is not null) db.Add(new HolidayEntry { JurisdictionId = park.Id, Date = new DateOnly(2031, 5, 6), Name = "园区假日" });
            await db.SaveChangesAsync();
        }
        var xiqu = await host.ClientFor("xiqu.office");
        var names = (await xiqu.GetFromJsonAsync<JsonElement>("/api/v1/holidays?year=2031")).EnumerateArray().Select(h => h.GetProperty("name").GetString()).ToList();
        Assert.Contains("全国假日", names);
        Assert.Contains("攀枝花假日", names);
        Assert.Contains("西区假日", names);
        Assert.DoesNotContain("达州假日", names);
        Assert.DoesNotContain("东区假日", names);
        Assert.Equal(names.Distinct().Count(), names.Count);
        await using (var db = host.OpenSystem())
            if (await db.Set<HolidayEntry>().AnyAsync(h => h.Name == "园区假日")) Assert.Contains("园区假日", names);

        var dazhou = await host.ClientFor("dazhou.office");
        var theirs = (await dazhou.GetFromJsonAsync<JsonElement>("/api/v1/holidays?year=2031")).EnumerateArray().Select(h => h.GetProperty("name").GetString()).ToList();
        Assert.Equal(["全国假日", "达州假日"], theirs);
    }
}

public sealed class HolidayListOnSqlite(SqliteHost host) : HolidayListTests<SqliteHost>(host);
public sealed class HolidayListOnPostgres(PostgresHost host) : HolidayListTests<PostgresHost>(host);
