using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Scoping;

/// <summary>
/// Every /api/v1 endpoint × every role × own/other jurisdiction, enumerated from the running host. Expected:
/// a role without the endpoint's permission gets 403; with it, own rows succeed (2xx), other rows are denied
/// (403/404), and lists contain only rows inside the caller's scope.
/// </summary>
public abstract class ScopingMatrixTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static readonly HashSet<string> AnonymousEndpoints = ["POST /api/v1/auth/token", "POST /api/v1/auth/password"];

    private IReadOnlyList<(string Key, ApiAccess? Access, bool Anonymous)> Endpoints() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => ($"{m} {e.RoutePattern.RawText!.TrimEnd('/')}", e.Metadata.GetMetadata<ApiAccess>(), e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .OrderBy(e => e.Item1)
            .ToList();

    [Fact]
    public void Every_endpoint_declares_its_access_and_has_a_probe()
    {
        var endpoints = Endpoints();
        Assert.NotEmpty(endpoints);
        Assert.Equal(AnonymousEndpoints.Order(), endpoints.Where(e => e.Anonymous).Select(e => e.Key).Order());
        var undeclared = endpoints.Where(e => !e.Anonymous && e.Access is null).Select(e => e.Key).ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without .Access<T>(...): " + string.Join(", ", undeclared));
        var unprobed = endpoints.Where(e => !e.Anonymous && !Probes.All.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(unprobed.Count == 0, "Add a probe in Probes.All for: " + string.Join(", ", unprobed));
    }

    [Fact]
    public async Task Every_endpoint_by_every_role_reaches_own_rows_only()
    {
        var world = await ScopingWorld.CreateAsync(host);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var role in Roles.All)
        {
            using var client = await host.ClientFor(ScopingWorld.UserOf(role), ScopingWorld.Password);
            foreach (var (key, access, _) in Endpoints().Where(e => !e.Anonymous && e.Access is not null))
            {
                var allowed = access!.Permission is not { } p || RolePermissions.Allows([role], p);
                foreach (var target in access.Operation is ApiOperation.List or ApiOperation.Download ? [Target.Own] : new[] { Target.Own, Target.Other })
                {
                    if (!Probes.All.TryGetValue(key, out var probe))
                    {
                        failures.Add($"{key}: no probe");
                        continue;
                    }
                    using var request = await probe(world, role, target);
                    using var response = await client.SendAsync(request);
                    checkedCount++;
                    var status = (int)response.StatusCode;
                    var verdict = Judge(allowed, access.Operation, target, status);
                    if (verdict is null && allowed && access.Operation == ApiOperation.List)
                        verdict = await CheckListScope(world, role, access.Resource, response);
                    if (verdict is not null)
                        failures.Add($"{role} {key} [{target}] → {status}: {verdict}. {Trim(await response.Content.ReadAsStringAsync())}");
                }
            }
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} probes ran");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} probes failed:\n" + string.Join("\n", failures));
    }

    private static string? Judge(bool allowed, ApiOperation operation, Target target, int status) =>
        (allowed, target) switch
        {
            (false, _) => status == 403 ? null : "expected 403 (role lacks the permission)",
            (true, Target.Own) => status is >= 200 and < 300 ? null : "expected success on an own row",
            // An action on another jurisdiction's data may also be refused as unprocessable (an import naming it).
            (true, _) => status is 403 or 404 || (operation == ApiOperation.Action && status == 422) ? null : "expected 403/404 on another jurisdiction's row",
        };

    /// <summary>Every listed row lies inside the caller's jurisdiction (and enterprise), and the own row is listed.</summary>
    private static async Task<string?> CheckListScope(ScopingWorld world, string role, Type resource, HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement : json.RootElement.GetProperty("items");
        var ids = new List<string>();
        foreach (var item in items.EnumerateArray())
        {
            var path = item.TryGetProperty("jurisdictionPath", out var jp) ? jp.GetString()
                : item.TryGetProperty("path", out var pp) ? pp.GetString() : null;
            if (path is null) return "listed item has no jurisdiction path";
            if (!path.StartsWith(world.OwnPath, StringComparison.Ordinal)) return $"listed an item of {path}";
            if (role == Roles.EnterpriseUser && resource == typeof(Modules.Enterprises.Enterprise)
                && item.GetProperty("id").GetGuid() != world.OwnEnterprise) return "enterprise user sees another enterprise";
            if (item.TryGetProperty("id", out var id)) ids.Add(id.ToString());
        }
        if (world.Rows.TryGetValue(resource, out var rows) && !ids.Contains(world.OwnRow(resource, role).ToString()))
            return "the own row is missing from the list";
        return null;
    }

    private static string Trim(string body) => body.Length > 300 ? body[..300] : body;
}

public sealed class ScopingMatrixOnSqlite(SqliteHost host) : ScopingMatrixTests<SqliteHost>(host);
public sealed class ScopingMatrixOnPostgres(PostgresHost host) : ScopingMatrixTests<PostgresHost>(host);
