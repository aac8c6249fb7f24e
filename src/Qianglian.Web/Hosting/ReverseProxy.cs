using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Qianglian.Web.Hosting;

/// <summary>
/// Served over HTTPS behind a reverse proxy (nginx terminating TLS, operations.md "HTTPS behind a reverse proxy"): the
/// proxy's X-Forwarded-Proto and X-Forwarded-For are believed from the proxies configured (`ReverseProxy:KnownProxies`,
/// addresses; `ReverseProxy:KnownNetworks`, CIDR ranges; loopback when none is given), so the request counts as HTTPS —
/// cookies are then marked Secure and responses carry HSTS — and the audit and sign-in history see the client's address.
/// </summary>
public static class ReverseProxy
{
    public static void AddReverseProxy(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = config.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
            var networks = config.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
            if (proxies.Length + networks.Length == 0) return; // the framework's default: loopback only
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        // Every cookie (sign-in, antiforgery, culture) is Secure when the request came over HTTPS, and never sent cross-site
        // by a POST (SameSite=Lax at least).
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.HttpOnly = HttpOnlyPolicy.None;
        });
    }
}
