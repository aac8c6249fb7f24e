using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Cultivation;

/// <summary>Small helpers the cultivation tests share: the 西区 office's client and ids, runs and their results.</summary>
internal static class CultivationApi
{
    public static async Task<(HttpClient Client, Guid Xiqu)> Office(HostFixture host)
    {
        var client = await host.ClientFor("xiqu.office");
        await using var db = host.OpenSystem();
        return (client, (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id);
    }

    public static async Task<Guid> Created(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<List<JsonElement>> Results(HttpClient client, Guid run) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/runs/{run}/results?pageSize=500")).GetProperty("items").EnumerateArray().ToList();

    public static JsonElement Of(IEnumerable<JsonElement> results, string name) => results.Single(r => r.GetProperty("enterpriseName").GetString() == name);

    /// <summary>A problem response as readable text: every field name and message, unescaped.</summary>
    public static async Task<string> Problem(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try { return string.Join("\n", Flatten(JsonDocument.Parse(text).RootElement)); }
        catch (JsonException) { return text; }
    }

    private static IEnumerable<string> Flatten(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Flatten(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Flatten),
        _ => [e.ToString()],
    };
}
