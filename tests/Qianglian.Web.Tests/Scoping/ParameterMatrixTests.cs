using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Scoping;

/// <summary>
/// The scoping matrix with every parameter filled. Every read (list, export, aggregate, record) is called by every
/// role with each of its query parameters set in turn — search texts that match another jurisdiction's or another
/// enterprise's rows, filters set to foreign ids, every grouping and enumeration value, a later page — and once with
/// all of them set; every id field of every write's JSON body is set in turn to a row the role may not see. Each
/// response is searched whole for anything the role must never be shown (<see cref="Leaks"/>), and a write with a
/// foreign id must be refused — naming the field — with nothing stored.
/// </summary>
public abstract class ParameterMatrixTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private sealed record Api(string Key, string Route, RouteEndpoint Endpoint, ApiAccess Access);

    private IReadOnlyList<Api> Endpoints() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e)))
            .Where(x => x.Endpoint.Metadata.GetMetadata<ApiAccess>() is not null)
            .Select(x => new Api($"{x.Method} {x.Endpoint.RoutePattern.RawText!.TrimEnd('/')}", $"{x.Method} {ApiParameters.Route(x.Endpoint.RoutePattern.RawText!)}",
                x.Endpoint, x.Endpoint.Metadata.GetMetadata<ApiAccess>()!))
            .OrderBy(a => a.Key).ToList();

    /// <summary>One world per host: both matrices probe the same rows (a second world would collide with the first's names).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<HostFixture, Lazy<Task<(ScopingWorld, ForeignWorld)>>> Worlds = new();

    private Task<(ScopingWorld World, ForeignWorld Foreign)> WorldAsync() =>
        Worlds.GetOrAdd(host, _ => new Lazy<Task<(ScopingWorld, ForeignWorld)>>(async () =>
        {
            var world = await ScopingWorld.CreateAsync(host);
            var creates = Endpoints().Where(a => a.Access.Operation == ApiOperation.Create).ToDictionary(a => a.Key, a => a.Access);
            return (world, await ForeignWorld.CreateAsync(world, creates));
        })).Value;

    private static bool Allowed(string role, ApiAccess access) => access.Permission is not { } p || RolePermissions.Allows([role], p);

    [Fact]
    public async Task Every_query_parameter_and_body_id_has_values_to_probe_with()
    {
        using var anonymous = host.Anonymous();
        var parameters = await ApiParameters.ReadAsync(anonymous);
        var missing = new List<string>();
        foreach (var api in Endpoints())
        {
            if (api.Route.StartsWith("GET", StringComparison.Ordinal))
                foreach (var p in parameters.GetValueOrDefault(api.Route) ?? [])
                    if (ParameterValues.For(api.Route, p) is null) missing.Add($"{api.Route} ?{p.Name}");
            foreach (var id in BodyIds.Of(api.Route, api.Endpoint).Where(i => i.Names is null))
                missing.Add($"{api.Route} body {id.Path}");
        }
        Assert.True(missing.Count == 0, "No values to probe these with (ParameterValues, BodyIds): " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Reads_with_every_parameter_filled_show_only_the_callers_rows()
    {
        using var anonymous = host.Anonymous();
        var parameters = await ApiParameters.ReadAsync(anonymous);
        var (world, foreign) = await WorldAsync();
        var apis = Endpoints();
        var failures = new List<string>();
        var calls = 0;
        foreach (var role in Roles.All)
        {
            var leaks = await foreign.LeaksFor(role);
            Assert.True(leaks.Count > 100, $"{role} has only {leaks.Count} things it must not see: the foreign world is too thin to find a leak");
            using var client = await host.ClientFor(ScopingWorld.UserOf(role), ScopingWorld.Password);
            foreach (var api in apis.Where(a => a.Key.StartsWith("GET ", StringComparison.Ordinal) && Allowed(role, a.Access)))
            {
                using var probe = await Probes.All[api.Key](world, role, Target.Own);
                var url = probe.RequestUri!.OriginalString;
                var filled = (parameters.GetValueOrDefault(api.Route) ?? [])
                    .Select(p => (p.Name, Values: ParameterValues.For(api.Route, p)?.Invoke(foreign, role) ?? [])).Where(p => p.Values.Count > 0).ToList();
                var variants = new List<Dictionary<string, string>> { new() };
                variants.AddRange(filled.SelectMany(p => p.Values.Select(v => new Dictionary<string, string> { [p.Name] = v })));
                if (filled.Count > 1) variants.Add(filled.ToDictionary(p => p.Name, p => p.Values[^1]));
                foreach (var variant in variants)
                {
                    var target = With(url, variant);
                    using var response = await client.GetAsync(target);
                    calls++;
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var status = (int)response.StatusCode;
                    if (status >= 500 || (variant.Count == 0 && status is < 200 or >= 300))
                        failures.Add($"{role} GET {target} → {status}: {Trim(body)}");
                    else if (leaks.Find(body) is { } leak)
                        failures.Add($"{role} GET {target} → {status} shows {leak}");
                    else if (UnsetDate(body) is { } unset)
                        failures.Add($"{role} GET {target} → {status} shows an unset date: “…{unset}…”");
                }
            }
        }
        Assert.True(calls > 500, $"only {calls} reads ran");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} reads failed:\n" + string.Join("\n", failures.Take(200)));
    }

    [Fact]
    public async Task Writes_refuse_an_id_the_caller_may_not_see_in_every_body_field()
    {
        var (world, foreign) = await WorldAsync();
        var apis = Endpoints();
        var failures = new List<string>();
        var calls = 0;
        foreach (var role in Roles.All)
        {
            var leaks = await foreign.LeaksFor(role);
            using var client = await host.ClientFor(ScopingWorld.UserOf(role), ScopingWorld.Password);
            foreach (var api in apis.Where(a => !a.Key.StartsWith("GET ", StringComparison.Ordinal) && Allowed(role, a.Access)))
                foreach (var id in BodyIds.Of(api.Route, api.Endpoint).Where(i => i.Names is not null))
                {
                    if (!foreign.HasForeign(id.Names!, role))
                    {
                        failures.Add($"{role} {api.Key} {id.Path}: the matrix world has no {id.Names!.Name} this role may not see");
                        continue;
                    }
                    using var request = await Probes.All[api.Key](world, role, Target.Own);
                    if (request.Content is null || !await SetAsync(request, id, foreign.ForeignId(id.Names!, role)))
                    {
                        failures.Add($"{role} {api.Key}: the probe's body has no {id.Path} to set (add it to the probe)");
                        continue;
                    }
                    var before = await AuditCount();
                    using var response = await client.SendAsync(request);
                    calls++;
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var verdict = Judge(response.StatusCode, body, id);
                    if (verdict is null && await AuditCount() != before) verdict = "refused, yet something was stored";
                    if (verdict is null && leaks.Find(body) is { } leak) verdict = $"the refusal shows {leak}";
                    if (verdict is not null) failures.Add($"{role} {api.Key} {id.Path}={foreign.ForeignId(id.Names!, role)} → {(int)response.StatusCode}: {verdict}. {Trim(body)}");
                }
        }
        Assert.True(calls > 50, $"only {calls} writes ran");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} writes failed:\n" + string.Join("\n", failures.Take(200)));
    }

    /// <summary>A foreign id is refused: forbidden, or not found / invalid on the field that named it.</summary>
    /// <summary>A date never set shows as 0001-01-01 (DateOnly's default): an unset date is omitted or null, never that.</summary>
    private static string? UnsetDate(byte[] body)
    {
        var text = Infrastructure.BodyText.Of(body);
        var at = text.IndexOf("0001-01-01", StringComparison.Ordinal);
        return at < 0 ? null : text.Substring(Math.Max(0, at - 80), Math.Min(text.Length, at + 40) - Math.Max(0, at - 80)).ReplaceLineEndings(" ");
    }

    private static string? Judge(HttpStatusCode status, byte[] body, BodyId id)
    {
        var code = (int)status;
        if (code is >= 200 and < 300) return "accepted an id the caller may not see";
        if (code == 403) return null;
        if (code is not (400 or 404)) return "expected 403, or 400/404 naming the field";
        if (body.Length == 0) return "refused without a problem naming the field";
        using var json = JsonDocument.Parse(body);
        var named = new List<string>();
        if (json.RootElement.TryGetProperty("field", out var field) && field.GetString() is { } f) named.Add(f);
        if (json.RootElement.TryGetProperty("errors", out var errors)) named.AddRange(errors.EnumerateObject().Select(e => e.Name));
        var lists = id.Path.Split('.').SkipLast(1).Where(p => p.EndsWith("[]", StringComparison.Ordinal)).Select(p => p[..^2]).ToList();
        // "chainId", "shares[0].localityId", "shares" (the list the id sits in), or the record it names ("chain" for chainId).
        return named.Any(n => n.Contains(id.Field, StringComparison.OrdinalIgnoreCase)
                              || lists.Any(l => n.StartsWith(l, StringComparison.OrdinalIgnoreCase))
                              || (n.Length >= 4 && id.Field.StartsWith(n, StringComparison.OrdinalIgnoreCase)))
            ? null
            : $"refused, but not on the field (named: {string.Join(", ", named)})";
    }

    /// <summary>Sets every occurrence of the id field in the request's JSON body (adding it where an object lacks it).</summary>
    private static async Task<bool> SetAsync(HttpRequestMessage request, BodyId id, Guid value)
    {
        var type = request.Content!.Headers.ContentType?.MediaType;
        if (type is null || !type.Contains("json", StringComparison.Ordinal)) return false;
        var root = JsonNode.Parse(await request.Content.ReadAsStringAsync());
        var parts = id.Path.Split('.');
        IEnumerable<JsonNode?> nodes = [root];
        foreach (var part in parts[..^1])
        {
            var name = part.Replace("[]", "", StringComparison.Ordinal);
            nodes = nodes.Select(n => n?[name]).SelectMany(n => part.EndsWith("[]", StringComparison.Ordinal) ? n?.AsArray().ToList() ?? [] : new List<JsonNode?> { n }).ToList();
        }
        var leaf = parts[^1];
        var objects = nodes.OfType<JsonObject>().ToList();
        if (objects.Count == 0) return false;
        foreach (var o in objects)
            o[leaf] = id.Many ? new JsonArray(value.ToString()) : value.ToString();
        request.Content = new StringContent(root!.ToJsonString(), Encoding.UTF8, "application/json");
        return true;
    }

    private async Task<int> AuditCount()
    {
        await using var db = host.OpenSystem();
        return await db.AuditEntries.CountAsync();
    }

    private static string With(string url, IReadOnlyDictionary<string, string> values)
    {
        var split = url.Split('?', 2);
        var query = split.Length > 1 ? QueryHelpers.ParseQuery(split[1]).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase) : new(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values) query[key] = value;
        return QueryHelpers.AddQueryString(split[0], query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
    }

    private static string Trim(byte[] body)
    {
        var text = body.Length > 0 && body[0] == 'P' ? "(file)" : Encoding.UTF8.GetString(body);
        return text.Length > 300 ? text[..300] : text;
    }
}

public sealed class ParameterMatrixOnSqlite(SqliteHost host) : ParameterMatrixTests<SqliteHost>(host);
public sealed class ParameterMatrixOnPostgres(PostgresHost host) : ParameterMatrixTests<PostgresHost>(host);
