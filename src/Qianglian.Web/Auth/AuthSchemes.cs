using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Qianglian.Web.Auth;

/// <summary>The UI signs in with a cookie; API clients send a bearer token. One policy scheme picks per request.</summary>
public static class AuthSchemes
{
    public const string CookieOrBearer = "CookieOrBearer";
    public const string CookieName = "qianglian.auth";

    public static bool IsBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static string Select(HttpContext context) =>
        IsBearer(context) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;

    public static void ConfigureCookie(CookieAuthenticationOptions o, SecurityOptions security)
    {
        o.Cookie.Name = CookieName;
        o.ExpireTimeSpan = security.IdleTimeout; // sliding: this long without a request signs the user out (8.1.4.1 b)
        o.SlidingExpiration = true;
        o.LoginPath = "/account/login";
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = "/account/denied";
        // API callers get status codes, not redirects to the sign-in page.
        o.Events.OnRedirectToLogin = ctx => Answer(ctx, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = ctx => Answer(ctx, StatusCodes.Status403Forbidden);
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
