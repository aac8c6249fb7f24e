using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>
/// Issue 15 item 6 (等保 入侵防范): the headers of pages and API answers, Secure cookies and HSTS behind an HTTPS reverse
/// proxy, and cross-site writes refused — every multipart endpoint and a JSON one, called with the sign-in cookie from a
/// foreign Origin (or Referer), answers 403 and stores nothing, while the same request from the site itself goes through.
/// </summary>
public abstract partial class RequestHardeningTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private const string Evil = "http://evil.example";

    /// <summary>A browser-like client signed in with the cookie through the sign-in form (antiforgery token included).</summary>
    private async Task<HttpClient> CookieClient(string userName)
    {
        var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var signedIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = DemoData.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private async Task<int> AuditCount()
    {
        await using var db = host.OpenSystem();
        return await db.AuditEntries.CountAsync();
    }

    private async Task<Guid> DemoChainId()
    {
        await using var db = host.OpenSystem();
        return (await db.Chains.SingleAsync(c => c.Name == DemoChain.Name)).Id;
    }

    [Fact]
    public async Task Pages_carry_a_script_policy_and_every_answer_nosniff_and_api_json_is_not_stored()
    {
        using var anonymous = host.Anonymous();
        var page = await anonymous.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", page.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(page.Headers.Contains("Strict-Transport-Security")); // plain HTTP: no HSTS

        var api = await (await host.ClientFor("xiqu.office")).GetAsync("/api/v1/chains");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.StartsWith("application/json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", api.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        var problem = await anonymous.GetAsync("/api/v1/chains");
        Assert.Equal("nosniff", problem.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Behind_an_https_proxy_cookies_are_secure_and_hsts_is_sent()
    {
        using var plain = host.Anonymous();
        var overHttp = await plain.GetAsync("/account/login");
        Assert.DoesNotContain(overHttp.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        using var proxied = host.Anonymous();
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var overHttps = await proxied.GetAsync("/account/login");
        Assert.Equal(SecurityHeaders.StrictTransportSecurity, overHttps.Headers.GetValues("Strict-Transport-Security").Single());
        var cookies = overHttps.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every endpoint that takes a multipart upload, from the running host (a new one is covered the day it is added).</summary>
    private List<RouteEndpoint> MultipartEndpoints() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.ContentTypes.Contains("multipart/form-data")))
            .ToList();

    private static string UrlOf(RouteEndpoint endpoint) =>
        "/" + Regex.Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), @"\{[^}]+\}", Guid.NewGuid().ToString()) + "?jurisdictionId=" + Guid.NewGuid();

    private static MultipartFormDataContent AnyUpload() => new()
    {
        { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "资料.pdf" },
        { new StringContent("1"), "checklistNumber" },
    };

    [Fact]
    public async Task Every_multipart_endpoint_refuses_a_cookie_request_from_another_site()
    {
        var endpoints = MultipartEndpoints();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} multipart endpoints found");
        var client = await CookieClient("xiqu.office");
        var before = await AuditCount();
        foreach (var endpoint in endpoints)
        {
            var url = UrlOf(endpoint);
            var foreign = new HttpRequestMessage(HttpMethod.Post, url) { Content = AnyUpload() };
            foreign.Headers.Add("Origin", Evil);
            var refused = await client.SendAsync(foreign);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)refused.StatusCode}");
            Assert.Equal("Origin", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

            var byReferer = new HttpRequestMessage(HttpMethod.Post, url) { Content = AnyUpload() };
            byReferer.Headers.Referrer = new Uri(Evil + "/page");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(byReferer)).StatusCode);

            // From the site itself the request reaches the endpoint (which judges the made-up ids and file on its own).
            var own = new HttpRequestMessage(HttpMethod.Post, url) { Content = AnyUpload() };
            own.Headers.Add("Origin", "http://localhost");
            Assert.NotEqual(HttpStatusCode.Forbidden, (await client.SendAsync(own)).StatusCode);
        }
        Assert.Equal(before, await AuditCount());
    }

    [Fact]
    public async Task A_cross_site_upload_and_json_write_store_nothing_while_the_site_itself_and_bearer_clients_write()
    {
        var client = await CookieClient("xiqu.enterprise");
        var chain = await DemoChainId();
        HttpRequestMessage File(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/problems")
            {
                Content = JsonContent.Create(new { chainId = chain, category = "Power", title = "跨站" + Guid.NewGuid().ToString("N")[..6], description = "说明" }),
            };
            request.Headers.Add("Origin", origin);
            return request;
        }
        var before = await AuditCount();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(File(Evil))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(File("null"))).StatusCode);
        Assert.Equal(before, await AuditCount());

        var filed = await client.SendAsync(File("http://localhost"));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var problem = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        HttpRequestMessage Attach(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/problems/{problem}/attachments")
            {
                Content = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "现场.pdf" } },
            };
            request.Headers.Add("Origin", origin);
            return request;
        }
        async Task<int> Attachments()
        {
            await using var db = host.OpenSystem();
            return await db.ProblemAttachments.CountAsync(a => a.ProblemId == problem);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Attach(Evil))).StatusCode);
        Assert.Equal(0, await Attachments());
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Attach("http://localhost"))).StatusCode);
        Assert.Equal(1, await Attachments());

        // A bearer token is no ambient credential: an API client's Origin does not matter.
        var bearer = await host.ClientFor("xiqu.enterprise");
        Assert.Equal(HttpStatusCode.Created, (await bearer.SendAsync(Attach(Evil))).StatusCode);
    }
}

public sealed class RequestHardeningOnSqlite(SqliteHost host) : RequestHardeningTests<SqliteHost>(host);
public sealed class RequestHardeningOnPostgres(PostgresHost host) : RequestHardeningTests<PostgresHost>(host);
