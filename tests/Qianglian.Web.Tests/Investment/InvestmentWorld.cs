using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Investment;

/// <summary>What the attraction tests arrange behind the API: a neighbouring county, accounts in other places, ids by code.</summary>
internal static class InvestmentWorld
{
    public const string Password = "Invest#2026pw";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<Guid> Jurisdiction(HostFixture host, string code)
    {
        await using var db = host.OpenSystem();
        return (await db.Jurisdictions.SingleAsync(j => j.Code == code)).Id;
    }

    /// <summary>东区 (510402), a county of 攀枝花 next to 西区, created once per host.</summary>
    public static async Task<Guid> Dongqu(HostFixture host)
    {
        await Gate.WaitAsync();
        try
        {
            await using var db = host.OpenSystem();
            if (await db.Jurisdictions.FirstOrDefaultAsync(j => j.Code == "510402") is { } existing) return existing.Id;
            var city = await db.Jurisdictions.SingleAsync(j => j.Code == "510400");
            var dongqu = Modules.Jurisdictions.Jurisdiction.Create("510402", "东区", JurisdictionLevel.County, city);
            db.Jurisdictions.Add(dongqu);
            await db.SaveChangesAsync();
            return dongqu.Id;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>An account of a role in a jurisdiction (created once per host), signed in.</summary>
    public static async Task<HttpClient> UserIn(HostFixture host, string name, Guid jurisdiction, string role)
    {
        await Gate.WaitAsync();
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(name) is null)
            {
                var user = new AppUser { UserName = name, DisplayName = name, JurisdictionId = jurisdiction };
                var result = await users.CreateAsync(user, Password);
                Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, role);
            }
        }
        finally
        {
            Gate.Release();
        }
        return await host.ClientFor(name, Password);
    }

    public static async Task<Guid> Id(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty(JsonDocument.Parse(body).RootElement.TryGetProperty("projectId", out _) ? "projectId" : "id").GetGuid();
    }

    public static async Task<int> LeadVersion(HttpClient client, Guid lead) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/investment/leads/{lead}")).GetProperty("lead").GetProperty("version").GetInt32();

    public static async Task<HttpResponseMessage> Move(HttpClient client, Guid lead, string to, string? on = null, string? reason = null) =>
        await client.PostAsJsonAsync($"/api/v1/investment/leads/{lead}/stage", new { to, on, reason, version = await LeadVersion(client, lead) });

    public static async Task MoveOk(HttpClient client, Guid lead, string to, string? on = null)
    {
        var response = await Move(client, lead, to, on);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }
}
