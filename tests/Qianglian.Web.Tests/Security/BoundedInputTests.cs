using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Security;

/// <summary>
/// Issue 15 item 7, with the issue's own probes: over-long strings, out-of-range numbers, racing duplicates and
/// unreadable requests are refused with problem details naming the field, never a 500 (docs/security.md "Bounded input").
/// </summary>
public abstract class BoundedInputTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static readonly string Megabyte = new('链', 1_000_000);

    private async Task<(Guid Xiqu, Guid Chain, Guid Enterprise)> Xiqu()
    {
        await using var db = host.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
        var chain = await db.Chains.Where(c => c.JurisdictionId == xiqu.Id).OrderBy(c => c.Ordinal).Select(c => c.Id).FirstAsync();
        var enterprise = await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91510403MA6DEM001"));
        return (xiqu.Id, chain, enterprise.Id);
    }

    /// <summary>A 400 answered as problem+json whose errors (or "field") name <paramref name="field"/>.</summary>
    private static async Task AssertRefused(HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        var named = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
                    || problem.TryGetProperty("field", out var f) && f.GetString() == field;
        Assert.True(named, $"the problem does not name {field}: {body[..Math.Min(body.Length, 500)]}");
    }

    [Fact]
    public async Task Megabyte_names_of_chains_nodes_kit_items_and_needs_are_refused_naming_the_field()
    {
        var (xiqu, chain, enterprise) = await Xiqu();
        var office = await host.ClientFor("xiqu.office");
        await AssertRefused(await office.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = xiqu, name = Megabyte }), "name");
        await AssertRefused(await office.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name = Megabyte, stage = "Upstream", kind = "Product" }), "name");
        await AssertRefused(await office.PostAsJsonAsync($"/api/v1/chains/{chain}/kit", new { name = Megabyte }), "name");
        await AssertRefused(await office.PostAsJsonAsync($"/api/v1/chains/{chain}/needs",
            new { needingEnterpriseId = enterprise, kind = "Technology", description = Megabyte }), "description");
        // Just over the column (100 for a chain's name): refused on saving, by the model's length, on both databases.
        await AssertRefused(await office.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = xiqu, name = new string('长', InputLimits.Name + 1) }), "name");
        var atLimit = await office.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = xiqu, name = new string('长', InputLimits.Name - 8) + Guid.NewGuid().ToString("N")[..8] });
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);

        await using var db = host.OpenSystem();
        Assert.False(await db.Chains.AnyAsync(c => c.Name.Length > InputLimits.Name));
        Assert.False(await db.ChainNodes.AnyAsync(n => n.Name.Length > 1000));
        Assert.False(await db.ChainKitItems.AnyAsync(n => n.Name.Length > 1000));
    }

    [Fact]
    public async Task An_investment_beyond_decimal_range_is_refused_and_the_dashboards_still_answer()
    {
        var (xiqu, _, _) = await Xiqu();
        var office = await host.ClientFor("xiqu.office");
        var json = $$$"""{"jurisdictionId":"{{{xiqu}}}","project":{"name":"溢出探针项目","totalInvestment":79228162514264337593543950335}}""";
        var response = await office.PostAsync("/api/v1/projects", new StringContent(json, Encoding.UTF8, "application/json"));
        await AssertRefused(response, "totalInvestment");
        var trillion = await office.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = xiqu, project = new { name = "万亿以上项目", totalInvestment = InputLimits.MaxMagnitude + 1 } });
        await AssertRefused(trillion, "totalInvestment");

        await using var db = host.OpenSystem();
        Assert.False(await db.Projects.AnyAsync(p => p.Name == "溢出探针项目" || p.Name == "万亿以上项目"));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Twenty_parallel_creates_of_one_top_level_node_leave_one_row_and_conflicts()
    {
        var (_, chain, _) = await Xiqu();
        var office = await host.ClientFor("xiqu.office");
        var name = $"并发节点{Guid.NewGuid():N}"[..12];
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            office.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name, stage = "Upstream", kind = "Product" })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await AssertRefused(refused, "name", refused.StatusCode == HttpStatusCode.Conflict ? HttpStatusCode.Conflict : HttpStatusCode.BadRequest);
        await using var db = host.OpenSystem();
        Assert.Equal(1, await db.ChainNodes.CountAsync(n => n.ChainId == chain && n.Name == name));
    }

    [Fact]
    public async Task Twenty_parallel_creates_of_one_credit_code_give_one_enterprise_and_no_server_error()
    {
        var (xiqu, _, _) = await Xiqu();
        var office = await host.ClientFor("xiqu.office");
        var uscc = DemoData.FullUscc("91510403MA6B" + Random.Shared.Next(10000, 99999));
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            office.PostAsJsonAsync("/api/v1/enterprises", new { jurisdictionId = xiqu, uscc, name = $"并发企业{i}" })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await AssertRefused(refused, "uscc", refused.StatusCode == HttpStatusCode.Conflict ? HttpStatusCode.Conflict : HttpStatusCode.BadRequest);
        await using var db = host.OpenSystem();
        Assert.Equal(1, await db.Enterprises.CountAsync(e => e.Uscc == uscc));
    }

    [Fact]
    public async Task Unreadable_requests_are_problems_naming_the_field()
    {
        var (xiqu, chain, _) = await Xiqu();
        var office = await host.ClientFor("xiqu.office");
        StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

        var malformed = await office.PostAsync("/api/v1/chains", Json("""{"jurisdictionId": "x", "name": """));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("field", out _));

        await AssertRefused(await office.PostAsync("/api/v1/chains", Json($$"""{"jurisdictionId":"{{xiqu}}","name":42}""")), "name");
        await AssertRefused(await office.PostAsync("/api/v1/chains", Json("""{"jurisdictionId":"not-a-guid","name":"类型错误"}""")), "jurisdictionId");
        await AssertRefused(await office.PostAsync($"/api/v1/chains/{chain}/nodes", Json("""{"name":"枚举错误","stage":"Sideways","kind":"Product"}""")), "stage");
        await AssertRefused(await office.PostAsync($"/api/v1/chains/{chain}/nodes", Json("""{"name":"枚举越界","stage":99,"kind":"Product"}""")), "stage");
        await AssertRefused(await office.PutAsync($"/api/v1/chains/{chain}", Json("""{"name":"版本错误","version":"abc"}""")), "version");
        await AssertRefused(await office.PostAsync("/api/v1/chains", Json("""{"jurisdictionId":"x","name":"多余"}""")), "jurisdictionId");
    }

    [Fact]
    public async Task A_missing_or_unreadable_query_year_names_the_year()
    {
        var (xiqu, _, _) = await Xiqu();
        var office = await host.ClientFor("xiqu.office");
        var endpoints = await Scoping.ApiParameters.ReadAsync(host.Anonymous());
        var withYear = endpoints.Where(e => e.Key.StartsWith("GET ", StringComparison.Ordinal) && !e.Key.Contains('{')
                                            && e.Value.Any(p => p.Name == "year" && p.Type == "integer")).ToList();
        Assert.NotEmpty(withYear);
        foreach (var (endpoint, parameters) in withYear)
        {
            // Every other parameter plausible, so the year is what the endpoint cannot read.
            var others = parameters.Where(p => p.Name != "year").Select(p => p.Enum.Count > 0 ? $"{p.Name}={p.Enum[0]}"
                : p.Format == "uuid" ? $"{p.Name}={xiqu}" : p.Type == "integer" ? $"{p.Name}=1" : p.Type == "boolean" ? $"{p.Name}=false" : null)
                .OfType<string>();
            var response = await office.GetAsync($"{endpoint[4..]}?{string.Join("&", others.Append("year=abc"))}");
            await AssertRefused(response, "year");
        }
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/%0d%0aSet-Cookie:x=1")]
    [InlineData("/\u0001")]
    public async Task A_bad_return_address_on_sign_in_goes_home_not_to_an_error(string returnUrl)
    {
        var client = host.Anonymous();
        var form = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "xiqu.office", ["password"] = DemoData.Password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, response.StatusCode.ToString());
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/", location);
        Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), location);
    }

    /// <summary>
    /// The sweep: every write of the OpenAPI document with a JSON body, each string field (at any depth) 5,000
    /// characters long, the rest plausible. Whatever else the endpoint says, it never answers 500 and never stores it:
    /// a 400 names a field, and a refusal for length names the long field.
    /// </summary>
    [Fact]
    public async Task Every_write_refuses_an_over_long_string_in_every_string_field()
    {
        var admin = await host.ClientFor("admin");
        using var document = JsonDocument.Parse(await host.Anonymous().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var probed = 0;
        var failures = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1", StringComparison.Ordinal)))
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put"))
            {
                if (!operation.Value.TryGetProperty("requestBody", out var body)
                    || !body.GetProperty("content").TryGetProperty("application/json", out var content)) continue;
                var schema = Resolve(content.GetProperty("schema"), schemas);
                var fields = new List<string>();
                StringFields(schema, schemas, "", fields, 0);
                if (fields.Count == 0) continue;
                var url = System.Text.RegularExpressions.Regex.Replace(path.Name, @"\{[^}]+\}", m => m.Value.Contains("year") ? "2025" : Guid.NewGuid().ToString());
                foreach (var field in fields)
                {
                    var json = Example(schema, schemas, "", field, 0)!.ToJsonString();
                    var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                    var response = await admin.SendAsync(request);
                    probed++;
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.InternalServerError || response.IsSuccessStatusCode)
                        failures.Add($"{operation.Name} {path.Name} {field}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                    else if (response.StatusCode == HttpStatusCode.BadRequest && !text.Contains("\"errors\"") && !text.Contains("\"field\""))
                        failures.Add($"{operation.Name} {path.Name} {field}: 400 without a field {text[..Math.Min(200, text.Length)]}");
                }
            }
        Assert.True(probed > 50, $"only {probed} probes");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private const int Long = 5_000;

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
            schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema;
    }

    private static string? TypeOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var t) ? (schema.TryGetProperty("properties", out _) ? "object" : null)
        : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") : t.GetString();

    private static bool IsPlainString(JsonElement schema) =>
        TypeOf(schema) == "string" && !schema.TryGetProperty("format", out _) && !schema.TryGetProperty("enum", out _)
        && !(schema.TryGetProperty("maxLength", out var max) && max.GetInt32() > Long);

    private static void StringFields(JsonElement schema, JsonElement schemas, string path, List<string> fields, int depth)
    {
        schema = Resolve(schema, schemas);
        if (depth > 5) return;
        if (IsPlainString(schema)) { fields.Add(path); return; }
        if (TypeOf(schema) == "array" && schema.TryGetProperty("items", out var items)) StringFields(items, schemas, path + "[0]", fields, depth + 1);
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var p in properties.EnumerateObject())
                StringFields(p.Value, schemas, path.Length == 0 ? p.Name : $"{path}.{p.Name}", fields, depth + 1);
    }

    /// <summary>A body in which <paramref name="longField"/> is too long and everything else plausible.</summary>
    private static System.Text.Json.Nodes.JsonNode? Example(JsonElement schema, JsonElement schemas, string path, string longField, int depth)
    {
        schema = Resolve(schema, schemas);
        if (depth > 6) return null;
        if (schema.TryGetProperty("enum", out var values) && values.EnumerateArray().FirstOrDefault(v => v.ValueKind != JsonValueKind.Null) is { ValueKind: not JsonValueKind.Undefined } first)
            return System.Text.Json.Nodes.JsonNode.Parse(first.GetRawText());
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (TypeOf(schema))
        {
            case "string":
                return format switch
                {
                    "uuid" => Guid.NewGuid().ToString(),
                    "date" => "2025-06-30",
                    "date-time" => "2025-06-30T00:00:00Z",
                    _ => path == longField ? new string('长', Long) : "探针",
                };
            case "integer":
                return path.EndsWith("ear", StringComparison.OrdinalIgnoreCase) ? 2025 : 0;
            case "number":
                return 1;
            case "boolean":
                return false;
            case "array":
                var array = new System.Text.Json.Nodes.JsonArray();
                if (schema.TryGetProperty("items", out var items)) array.Add(Example(items, schemas, path + "[0]", longField, depth + 1));
                return array;
            default:
                var obj = new System.Text.Json.Nodes.JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var p in properties.EnumerateObject())
                        obj[p.Name] = Example(p.Value, schemas, path.Length == 0 ? p.Name : $"{path}.{p.Name}", longField, depth + 1);
                return obj;
        }
    }
}

public sealed class BoundedInputOnSqlite(SqliteHost host) : BoundedInputTests<SqliteHost>(host);
public sealed class BoundedInputOnPostgres(PostgresHost host) : BoundedInputTests<PostgresHost>(host);
