namespace Qianglian.Web.Hosting;

/// <summary>
/// The headers every response carries (等保 2.0 安全计算环境 入侵防范; issue 15 item 6): pages get a Content-Security-Policy
/// that runs only the host's own scripts (blazor.web.js, MudBlazor, ECharts and the app's — none inline, none evaluated),
/// every response nosniff, a referrer kept to the site, no camera, microphone or location, no framing; a response over
/// HTTPS (directly or through the reverse proxy, see <see cref="ReverseProxy"/>) adds HSTS; the API's answers are never
/// stored by a browser or proxy (they carry personal and budget data).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Pages: scripts from the host only. Styles allow inline: MudBlazor sets style attributes on its components (a style
    /// cannot run code). Images may be data: and blob: URLs (ECharts' saved images, MudBlazor's icons); the Blazor circuit's
    /// WebSocket is the same origin ('self').
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (Scalar) configures itself with an inline script; it shows no data of its own.</summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data: https:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /// <summary>One year, the usual preload-eligible value; no includeSubDomains (a county's other sites may not have HTTPS).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.XFrameOptions = "DENY";
        if (context.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api/docs"))
            headers.ContentSecurityPolicy = ApiReferencePolicy;
        else if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            headers.ContentSecurityPolicy = PagePolicy;
        // Every answer of the API (JSON, problem details, downloads): nothing kept in a browser's or a proxy's cache.
        if (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/docs"))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
