using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Qianglian.Web.Tests.Projects;

/// <summary>Calls of the project API the tests share: create, move along the lifecycle, set approvals, report.</summary>
internal static class ProjectApi
{
    public static async Task<Guid> Create(HttpClient client, Guid jurisdiction, object project)
    {
        var response = await client.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = jurisdiction, project });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<int> Version(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt32();

    public static async Task<HttpResponseMessage> Stage(HttpClient client, Guid id, string to, string on, string? reason = null) =>
        await client.PostAsJsonAsync($"/api/v1/projects/{id}/stage", new { to, on, reason, version = await Version(client, id) });

    public static async Task Approve(HttpClient client, Guid id, string kind, string submitted, string approved)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/projects/{id}/approvals",
            new { kind, status = "Approved", submittedOn = submitted, approvedOn = approved, version = await Version(client, id) });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Signs and starts a project on the given dates, with its land and construction permit approved first.</summary>
    public static async Task Start(HttpClient client, Guid id, string signed, string started)
    {
        Assert.Equal(HttpStatusCode.OK, (await Stage(client, id, "Signed", signed)).StatusCode);
        await Approve(client, id, "Land", signed, signed);
        await Approve(client, id, "ConstructionPermit", signed, started);
        var response = await Stage(client, id, "Started", started);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> Report(HttpClient client, Guid id, int year, int month, decimal wan, params (string Category, string Text)[] problems) =>
        await client.PostAsJsonAsync($"/api/v1/projects/{id}/reports", new
        {
            year, month, monthInvestment = wan * 10_000m, progressPercent = 50, progress = $"{month}月进展",
            problems = problems.Select(p => new { category = p.Category, description = p.Text }).ToArray(),
        });

    public static async Task FileReports(HttpClient client, Guid id, int year, params (int Month, decimal Wan)[] months)
    {
        foreach (var (month, wan) in months)
        {
            var response = await Report(client, id, year, month, wan);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
    }

    public static async Task<string> Error(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), body);
        return messages[0].GetString()!;
    }
}
