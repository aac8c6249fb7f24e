using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Enterprises;

/// <summary>Registering enterprises, their yearly facts and what is computed from them, on both databases.</summary>
public abstract class RegistryTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static int serial;

    internal static string NewUscc(string prefix = "91510403MC8")
    {
        var first17 = prefix + Interlocked.Increment(ref serial).ToString("D6");
        return first17 + Uscc.CheckCharacter(first17);
    }

    private async Task<Guid> Xiqu()
    {
        await using var db = host.OpenSystem();
        return (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_wrong_check_character_is_refused_naming_the_expected_one()
    {
        using var client = await host.ClientFor("xiqu.office");
        var good = NewUscc();
        var wrong = good[..17] + (good[17] == '0' ? '1' : '0');
        var response = await client.PostAsJsonAsync("/api/v1/enterprises", new { jurisdictionId = await Xiqu(), uscc = wrong, name = "校验位测试企业" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"应为“{good[17]}”", (await Problem(response)).GetProperty("errors").GetProperty("uscc")[0].GetString());
    }

    [Fact]
    public async Task An_unknown_industry_code_is_refused()
    {
        using var client = await host.ClientFor("xiqu.office");
        var response = await client.PostAsJsonAsync("/api/v1/enterprises", new { jurisdictionId = await Xiqu(), uscc = NewUscc(), name = "行业测试企业", industryCode = "9901" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不在GB/T 4754-2017中", (await Problem(response)).GetProperty("errors").GetProperty("industryCode")[0].GetString());
    }

    [Fact]
    public async Task Size_class_and_above_scale_are_computed_from_the_years_facts()
    {
        using var client = await host.ClientFor("xiqu.office");
        var created = await (await client.PostAsJsonAsync("/api/v1/enterprises",
            new { jurisdictionId = await Xiqu(), uscc = NewUscc(), name = "规上测试企业", industryCode = "3130" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        object Facts(decimal revenue, int employees) => new
        {
            revenue, outputValue = revenue, valueAdded = 0, profit = -100, taxPaid = 0, employees, rdSpend = 0, inventionPatents = 0,
            energyTce = 0, electricityKwh = 0, emissionsTonnes = 0, landMu = 20,
        };
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/enterprises/{id}/facts/2023", Facts(19_999_999.99m, 350))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/enterprises/{id}/facts/2024", Facts(20_000_000m, 350))).StatusCode);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/enterprises/{id}");
        var facts = detail.GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("year").GetInt32());
        Assert.False(facts[2023].GetProperty("aboveScale").GetBoolean());
        Assert.True(facts[2024].GetProperty("aboveScale").GetBoolean());
        Assert.Equal("Medium", facts[2024].GetProperty("size").GetString());
        Assert.Equal(2024, detail.GetProperty("enterprise").GetProperty("latestYear").GetInt32());
        Assert.StartsWith("C", detail.GetProperty("industrySection").GetString());
    }

    [Fact]
    public async Task Negative_amounts_and_future_years_are_refused_and_nothing_changes()
    {
        using var client = await host.ClientFor("xiqu.office");
        var id = (await (await client.PostAsJsonAsync("/api/v1/enterprises", new { jurisdictionId = await Xiqu(), uscc = NewUscc(), name = "负数测试企业" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var response = await client.PutAsJsonAsync($"/api/v1/enterprises/{id}/facts/2099", new
        {
            revenue = -5, outputValue = 0, valueAdded = 0, profit = 0, taxPaid = 0, employees = 1, rdSpend = 0, inventionPatents = 0,
            energyTce = 0, electricityKwh = 0, emissionsTonnes = 0, landMu = -1,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Problem(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("year", out _));
        Assert.True(errors.TryGetProperty("revenue", out _));
        Assert.True(errors.TryGetProperty("landMu", out _));
        await using var db = host.OpenSystem();
        Assert.False(await db.EnterpriseFacts.AnyAsync(f => f.EnterpriseId == id));
    }

    [Fact]
    public async Task The_list_is_paged_on_the_server()
    {
        using var client = await host.ClientFor("admin");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/enterprises?pageSize=2&page=1");
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() >= 6);
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/v1/enterprises?search={Uri.EscapeDataString("达州能源")}");
        Assert.Equal("演示·达州能源化工有限公司", search.GetProperty("items")[0].GetProperty("name").GetString());
    }
}

public sealed class RegistryOnSqlite(SqliteHost host) : RegistryTests<SqliteHost>(host);
public sealed class RegistryOnPostgres(PostgresHost host) : RegistryTests<PostgresHost>(host);
