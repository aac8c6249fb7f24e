namespace Qianglian.Web.Auth;

/// <summary>
/// A user signed in with a one-time password may do nothing but choose a new one: pages redirect to the change
/// form, API calls get 403.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    private static readonly string[] Open = ["/account/", "/_framework/", "/_content/", "/_blazor", "/css/", "/js/", "/favicon", "/api/v1/auth/"];

    public Task InvokeAsync(HttpContext context)
    {
        var mustChange = context.User.HasClaim(ScopeClaims.MustChangePassword, "true");
        var path = context.Request.Path.Value ?? "";
        var isApi = path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);
        var isStaticFile = !isApi && path.Contains('.'); // css, js, fonts of the sign-in pages
        if (!mustChange || Open.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || isStaticFile)
            return next(context);
        if (isApi)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsJsonAsync(new { title = "须先修改初始密码 (change the one-time password first)", status = 403 });
        }
        context.Response.Redirect("/account/change-password");
        return Task.CompletedTask;
    }
}
