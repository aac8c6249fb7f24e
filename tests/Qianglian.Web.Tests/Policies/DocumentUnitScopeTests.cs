using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Policies;

/// <summary>
/// A district document's responsibility clauses match units of the district, of the city above it (inherited
/// configuration) and of its parks — never a sibling city's (issue 13). On both databases.
/// </summary>
public abstract class DocumentUnitScopeTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task Units_match_up_the_ancestors_and_down_the_subtree_never_sideways()
    {
        // One document per database (a fixture each): the names need no suffix, and the clause parser reads plain names.
        var (city, park, sibling) = ("攀枝花市门测局", "西区园区门测办", "达州市门测局");
        Guid xiqu;
        await using (var db = host.OpenSystem())
        {
            var places = await db.Jurisdictions.Where(j => j.Code == "510403" || j.Code == "510400" || j.Code == "511700" || j.Code == "510403-YQ")
                .ToDictionaryAsync(j => j.Code, j => j.Id);
            xiqu = places["510403"];
            db.Units.AddRange(
                new GovernmentUnit { JurisdictionId = places["510400"], Key = "doc.city", Name = city },
                new GovernmentUnit { JurisdictionId = places["510403-YQ"], Key = "doc.park", Name = park },
                new GovernmentUnit { JurisdictionId = places["511700"], Key = "doc.sibling", Name = sibling });
            await db.SaveChangesAsync();
        }
        using var client = await host.ClientFor("xiqu.office");
        var response = await client.PostAsJsonAsync("/api/v1/documents", new
        {
            jurisdictionId = xiqu, text = $"门测试文件\n一、甲措施。内容。\n〔责任单位：{city}、{park}、{sibling}〕",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([sibling], result.GetProperty("unknownUnits").EnumerateArray().Select(u => u.GetString()));
        var id = result.GetProperty("document").GetProperty("id").GetGuid();

        var document = await client.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}");
        var units = document.GetProperty("measures")[0].GetProperty("lead").EnumerateArray()
            .Concat(document.GetProperty("measures")[0].GetProperty("cooperating").EnumerateArray())
            .Select(u => (u.GetProperty("rawName").GetString(), u.GetProperty("unitName").GetString(), u.GetProperty("matchKind").GetString())).ToList();
        Assert.Equal([(city, city, "Exact"), (park, park, "Exact"), (sibling, null, "Unknown")], units);
    }
}

public sealed class DocumentUnitScopeOnSqlite(SqliteHost host) : DocumentUnitScopeTests<SqliteHost>(host);
public sealed class DocumentUnitScopeOnPostgres(PostgresHost host) : DocumentUnitScopeTests<PostgresHost>(host);
