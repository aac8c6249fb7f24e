using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Infrastructure;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>
/// Government units against other jurisdictions (issue 13): a key is unique across all of them, and a unit a document
/// above the caller names is not the caller's to delete. On both databases.
/// </summary>
public abstract class UnitReferenceTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<Dictionary<string, Guid>> Places()
    {
        await using var db = host.OpenSystem();
        return await db.Jurisdictions.Where(j => j.Code == "510403" || j.Code == "510400" || j.Code == "511700").ToDictionaryAsync(j => j.Code, j => j.Id);
    }

    [Fact]
    public async Task A_unit_key_taken_in_another_jurisdiction_is_refused_without_naming_its_unit()
    {
        var places = await Places();
        var key = $"nk.dazhou.{Guid.NewGuid():N}"[..20];
        await using (var db = host.OpenSystem())
        {
            db.Units.Add(new GovernmentUnit { JurisdictionId = places["511700"], Key = key, Name = "达州键测试局" });
            await db.SaveChangesAsync();
        }
        using var client = await host.ClientFor("xiqu.office");
        var response = await client.PostAsJsonAsync("/api/v1/units", new { jurisdictionId = places["510403"], name = "西区键测试局", kind = "Government", key });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("key", out _), body);
        Assert.DoesNotContain("达州键测试局", BodyText.Of(body));
        await using (var db = host.OpenSystem()) Assert.False(await db.Units.AnyAsync(u => u.Name == "西区键测试局"));
    }

    [Fact]
    public async Task A_unit_named_by_a_city_document_is_not_deleted_by_its_district()
    {
        var places = await Places();
        var unit = new GovernmentUnit { JurisdictionId = places["510403"], Key = $"nk.xiqu.{Guid.NewGuid():N}"[..18], Name = "西区被引用测试局" };
        var document = new PolicyDocument { JurisdictionId = places["510400"], Title = "市级引用测试文件", SourceText = "x", ContentHash = Guid.NewGuid().ToString("N") };
        var measure = new Measure { JurisdictionId = places["510400"], DocumentId = document.Id, Number = "一", Ordinal = 1, Title = "测试措施", Body = "内容" };
        measure.Units.Add(new MeasureUnit { JurisdictionId = places["510400"], MeasureId = measure.Id, Role = MeasureRole.Lead, RawName = unit.Name, UnitId = unit.Id, MatchKind = "Exact" });
        document.Measures.Add(measure);
        await using (var db = host.OpenSystem())
        {
            db.AddRange(unit, document);
            await db.SaveChangesAsync();
        }
        using var client = await host.ClientFor("xiqu.office");
        var response = await client.DeleteAsync($"/api/v1/units/{unit.Id}?version=0");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"expected 409, got {(int)response.StatusCode}: {body}");
        Assert.DoesNotContain("市级引用测试文件", BodyText.Of(body));
        await using (var db = host.OpenSystem()) Assert.True(await db.Units.AnyAsync(u => u.Id == unit.Id));
    }
}

public sealed class UnitReferenceOnSqlite(SqliteHost host) : UnitReferenceTests<SqliteHost>(host);
public sealed class UnitReferenceOnPostgres(PostgresHost host) : UnitReferenceTests<PostgresHost>(host);
