using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qianglian.Web.Api;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>
/// The OpenAPI document is one a client can be generated from (issue 18 item 8): every operation named, summarised,
/// secured and with its problem answers; each request and response schema the handler's own type, one name per type;
/// and Redocly's linter (recommended rules) finds nothing. The document does not depend on the database: SQLite only.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task Every_operation_has_an_id_a_summary_its_security_and_its_problem_answers()
    {
        using var document = await DocumentAsync();
        var anonymous = Endpoints().Where(d => d.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            .Select(d => Key(d)).ToHashSet();
        var ids = new HashSet<string>();
        var seen = new HashSet<string>();
        foreach (var (key, operation) in Operations(document))
        {
            seen.Add(key);
            var id = operation.GetProperty("operationId").GetString()!;
            Assert.True(ids.Add(id), $"{key}: operationId {id} is used twice");
            Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{key} has no summary");
            var security = operation.GetProperty("security");
            if (anonymous.Contains(key)) Assert.Equal(0, security.GetArrayLength());
            else Assert.Equal(["bearer", "cookie"], security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Order());
            var problems = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
            Assert.True(problems.Count > 0, $"{key} documents no 4xx answer");
            Assert.All(problems, r => Assert.Equal("#/components/schemas/ProblemDetails",
                r.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()));
        }
        Assert.Contains("POST /auth/token", anonymous);
        Assert.Empty(OperationSummaries.ByRoute.Keys.Except(seen)); // no summary outlives its endpoint
        Assert.DoesNotContain(document.RootElement.GetProperty("paths").EnumerateObject(), p => !p.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_body_and_answer_is_described_by_its_handlers_own_type_under_a_name_no_other_type_has()
    {
        using var document = await DocumentAsync();
        var json = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var typesByName = new Dictionary<string, HashSet<Type>>();
        var operations = Operations(document).ToDictionary(o => o.Key, o => o.Operation);
        var checkedBodies = 0;
        foreach (var endpoint in Endpoints())
        {
            var operation = operations[Key(endpoint)];
            if (endpoint.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body) is { Type: { } body }
                && operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out var content))
            {
                Assert.Equal($"#/components/schemas/{Name(body)}", content.GetProperty("schema").GetProperty("$ref").GetString());
                checkedBodies++;
            }
            foreach (var type in endpoint.ParameterDescriptions.Where(p => p.Source == BindingSource.Body).Select(p => p.Type)
                         .Concat(endpoint.SupportedResponseTypes.Select(r => r.Type)).OfType<Type>())
                if (Element(type) is { } named && OpenApiConventions.SchemaName(json.GetTypeInfo(named)) is { } name)
                    (typesByName.TryGetValue(name, out var set) ? set : typesByName[name] = []).Add(named);
        }
        Assert.Equal(operations.Values.Count(o => o.TryGetProperty("requestBody", out var b) && b.GetProperty("content").TryGetProperty("application/json", out _)), checkedBodies);
        Assert.Empty(typesByName.Where(n => n.Value.Count > 1).Select(n => $"{n.Key}: {string.Join(", ", n.Value.Select(t => t.FullName))}"));
        // The issue's example: the create bodies of units, projects and applications are three schemas, not one.
        Assert.Equal(3, new[] { "POST /units", "POST /projects", "POST /incentives/applications" }
            .Select(k => operations[k].GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString())
            .Distinct().Count());

        string Name(Type type) => OpenApiConventions.SchemaName(json.GetTypeInfo(type))!;
    }

    [Fact]
    public async Task Redoclys_recommended_rules_find_no_error_and_no_warning()
    {
        var file = Path.Combine(Path.GetTempPath(), $"qianglian-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await host.Anonymous().GetStringAsync("/openapi/v1.json"));
        try
        {
            var tools = Path.Combine(RepositoryRoot(), "tools", "openapi");
            var cli = Path.Combine(tools, "node_modules", "@redocly", "cli", "bin", "cli.js");
            Assert.True(File.Exists(cli), $"{cli} is missing: ./test.sh installs it (npm ci in tools/openapi)");
            var run = Process.Start(new ProcessStartInfo("node", [cli, "lint", file, "--format", "json", "--max-problems", "10000"])
            {
                WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var output = await run.StandardOutput.ReadToEndAsync();
            await run.StandardError.ReadToEndAsync();
            await run.WaitForExitAsync();
            using var report = JsonDocument.Parse(output);
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}").ToList();
            Assert.Empty(problems);
        }
        finally { File.Delete(file); }
    }

    private async Task<JsonDocument> DocumentAsync() => JsonDocument.Parse(await host.Anonymous().GetStringAsync("/openapi/v1.json"));

    private IEnumerable<ApiDescription> Endpoints() =>
        host.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items).Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);

    private static string Key(ApiDescription d) => $"{d.HttpMethod} {OpenApiConventions.Route(d.RelativePath!)}";

    private static IEnumerable<(string Key, JsonElement Operation)> Operations(JsonDocument document) =>
        from path in document.RootElement.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Name is "get" or "post" or "put" or "delete" or "patch"
        select ($"{operation.Name.ToUpperInvariant()} {OpenApiConventions.Route(path.Name)}", operation.Value);

    /// <summary>A list's element type is the named schema (a list itself is written inline as an array).</summary>
    private static Type? Element(Type type)
    {
        if (type == typeof(string) || type.IsPrimitive || type == typeof(void)) return null;
        var list = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return list is null ? type : Element(list.GetGenericArguments()[0]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Qianglian.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
