using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>Two users saving the same record: the second gets a 409 with a message, never a silent overwrite.</summary>
public abstract class ConcurrencyTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task Second_save_of_the_same_unit_version_is_a_conflict_and_keeps_the_first()
    {
        using var first = await host.ClientFor("xiqu.office");
        using var second = await host.ClientFor("admin");
        var jurisdictions = await first.GetFromJsonAsync<List<JurisdictionView>>("/api/v1/jurisdictions", Json);
        var created = await first.PostAsJsonAsync("/api/v1/units", new { jurisdictionId = jurisdictions!.Single(j => j.Code == "510403").Id, name = "并发测试单位", kind = "Government" });
        var unit = (await created.Content.ReadFromJsonAsync<UnitView>(Json))!;

        var a = await first.PutAsJsonAsync($"/api/v1/units/{unit.Id}", new { name = "甲的名称", kind = "Government", version = unit.Version });
        var b = await second.PutAsJsonAsync($"/api/v1/units/{unit.Id}", new { name = "乙的名称", kind = "Government", version = unit.Version });

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, b.StatusCode);
        var problem = await b.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("重新加载", problem.GetProperty("detail").GetString());
        var stored = await first.GetFromJsonAsync<UnitView>($"/api/v1/units/{unit.Id}", Json);
        Assert.Equal("甲的名称", stored!.Name);
        Assert.Equal(unit.Version + 1, stored.Version);
    }

    [Fact]
    public async Task Stale_user_edit_is_a_conflict()
    {
        using var admin = await host.ClientFor("admin");
        var users = await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/users");
        var target = users!.First(u => u.GetProperty("userName").GetString() == "pzh.leader");
        var id = target.GetProperty("id").GetGuid();
        var version = target.GetProperty("version").GetString();
        var body = new { displayName = "新名字一", roles = new[] { "Leader" }, unitId = (Guid?)null, locked = false, version };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/users/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/users/{id}", body with { displayName = "新名字二" })).StatusCode);
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

public sealed class ConcurrencyOnSqlite(SqliteHost host) : ConcurrencyTests<SqliteHost>(host);
public sealed class ConcurrencyOnPostgres(PostgresHost host) : ConcurrencyTests<PostgresHost>(host);
