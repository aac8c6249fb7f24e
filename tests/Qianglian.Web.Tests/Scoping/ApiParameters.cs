using System.Text.Json;

namespace Qianglian.Web.Tests.Scoping;

/// <summary>
/// The query parameters of every /api/v1 endpoint, as the host's own OpenAPI document describes them (so a parameter
/// added to an endpoint appears here without anyone listing it): name, type and the values of an enumeration.
/// </summary>
public sealed record ApiParameter(string Name, string? Type, string? Format, IReadOnlyList<string> Enum);

public static class ApiParameters
{
    /// <summary>"GET /api/v1/projects" → its query parameters.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<ApiParameter>>> ReadAsync(HttpClient anonymous)
    {
        using var json = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        var result = new Dictionary<string, IReadOnlyList<ApiParameter>>();
        foreach (var path in json.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1", StringComparison.Ordinal)))
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => Describe(p, schemas)).ToList()
                    : [];
                result[$"{operation.Name.ToUpperInvariant()} {Route(path.Name)}"] = parameters;
            }
        return result;
    }

    /// <summary>OpenAPI writes "{id}" where the host's route pattern says "{id:guid}": keys are compared without constraints.</summary>
    public static string Route(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern.TrimEnd('/'), @"\{([^}:]+)(:[^}]*)?\}", "{$1}");

    private static ApiParameter Describe(JsonElement parameter, JsonElement schemas)
    {
        var schema = parameter.TryGetProperty("schema", out var s) ? Resolve(s, schemas) : default;
        string? type = null, format = null;
        var values = new List<string>();
        if (schema.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("type", out var t))
                type = t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x is "integer" or "boolean" or "string") : t.GetString();
            if (schema.TryGetProperty("format", out var f)) format = f.GetString();
            if (schema.TryGetProperty("enum", out var e))
                values.AddRange(e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
        }
        return new ApiParameter(parameter.GetProperty("name").GetString()!, type, format, values);
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
            schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema;
    }
}
