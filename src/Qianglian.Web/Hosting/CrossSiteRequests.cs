using Microsoft.AspNetCore.Mvc;

namespace Qianglian.Web.Hosting;

/// <summary>
/// A state-changing request a browser sends for another site is refused (等保 2.0 安全计算环境 入侵防范, cross-site request
/// forgery; issue 15 item 6): the sign-in cookie rides along with any request the browser makes, so an upload or a JSON
/// write posted from http://evil.example would act as the user. Forms are also covered by antiforgery tokens; the API's
/// endpoints take no token (bearer clients cannot have one), so this check covers every unsafe method: a request whose
/// Origin — or, without one, whose Referer — is not this site (or a trusted origin, `Security:TrustedOrigins`), or that
/// the browser itself marks cross-site (Sec-Fetch-Site), is answered 403 before anything runs. A request carrying a
/// bearer token is not a browser's ambient credential and passes; so does one with neither header (not a browser —
/// browsers send Origin on every cross-origin POST, PUT, PATCH and DELETE).
/// </summary>
public sealed class CrossSiteRequests(RequestDelegate next, IConfiguration config)
{
    private readonly HashSet<string> trusted = new((config.GetSection("Security:TrustedOrigins").Get<string[]>() ?? []).Select(o => o.TrimEnd('/')),
        StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (IsRefused(context.Request, out var reason))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = 403, Title = "跨站请求被拒绝 (cross-site request refused)",
                    Detail = $"该请求来自其他网站（{reason}），已拒绝 (the request came from another site)", Extensions = { ["field"] = "Origin" },
                },
            });
            return;
        }
        await next(context);
    }

    private bool IsRefused(HttpRequest request, out string reason)
    {
        reason = "";
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return false;
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var site = $"{request.Scheme}://{request.Host}";
        if (request.Headers.Origin.ToString() is { Length: > 0 } origin)
        {
            reason = $"Origin: {origin}";
            return !IsOurs(origin, site);
        }
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            reason = "Sec-Fetch-Site: " + request.Headers["Sec-Fetch-Site"];
            return true;
        }
        if (request.Headers.Referer.ToString() is { Length: > 0 } referer)
        {
            reason = $"Referer: {referer}";
            return !Uri.TryCreate(referer, UriKind.Absolute, out var uri) || !IsOurs(uri.GetLeftPart(UriPartial.Authority), site);
        }
        return false;
    }

    private bool IsOurs(string origin, string site) =>
        string.Equals(origin.TrimEnd('/'), site, StringComparison.OrdinalIgnoreCase) || trusted.Contains(origin.TrimEnd('/'));
}
