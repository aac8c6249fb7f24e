using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;

namespace Qianglian.Web.Auth;

/// <summary>
/// The form posts and redirects of signing in and out, changing password, switching jurisdiction and language.
/// They are plain HTTP endpoints (not Blazor) because they set cookies.
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        var g = app.MapGroup("/account");
        g.MapPost("/login", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl, SignInOperations ops) =>
            (await ops.SignInWithCookie(userName, password)) switch
            {
                SignInOperations.Outcome.Success => Results.LocalRedirect(SafeReturn(returnUrl)),
                SignInOperations.Outcome.MustChangePassword => Results.LocalRedirect("/account/change-password"),
                SignInOperations.Outcome.SecondFactor => Results.LocalRedirect($"/account/two-factor?returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}"),
                _ => Results.LocalRedirect($"/account/login?error=failed&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}"),
            }).AllowAnonymous();

        // The administrators' second step: the code (or a recovery code), or the first code of a new authenticator,
        // whose answer is the page of recovery codes — shown this once, never stored in clear.
        g.MapPost("/two-factor", async ([FromForm] string? code, [FromForm] string? returnUrl, SignInOperations ops, HttpContext http) =>
        {
            var next = SafeReturn(returnUrl);
            http.Response.Headers.CacheControl = "no-store";
            var (outcome, recoveryCodes) = await ops.CompleteSecondFactor(code);
            var then = outcome == SignInOperations.Outcome.MustChangePassword ? "/account/change-password" : next;
            return outcome switch
            {
                SignInOperations.Outcome.Success or SignInOperations.Outcome.MustChangePassword when recoveryCodes.Count > 0 =>
                    (IResult)new RazorComponentResult<Components.Account.RecoveryCodes>(new { Codes = recoveryCodes, Next = then }),
                SignInOperations.Outcome.Success or SignInOperations.Outcome.MustChangePassword => Results.LocalRedirect(then),
                SignInOperations.Outcome.CodeWrong => Results.LocalRedirect($"/account/two-factor?error=code&returnUrl={Uri.EscapeDataString(next)}"),
                // No account awaits a code (the 5 minutes passed, or it is locked out): start again, told like any failure.
                _ => Results.LocalRedirect($"/account/login?error=failed&returnUrl={Uri.EscapeDataString(next)}"),
            };
        }).AllowAnonymous();

        g.MapPost("/change-password", async ([FromForm] string currentPassword, [FromForm] string newPassword, [FromForm] string confirmPassword,
            HttpContext http, SignInOperations ops, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            if (newPassword != confirmPassword)
                return Results.LocalRedirect("/account/change-password?error=mismatch");
            try
            {
                await ops.ChangePassword(http.User, currentPassword, newPassword);
            }
            catch (Api.ValidationException e)
            {
                return Results.LocalRedirect($"/account/change-password?error={Uri.EscapeDataString(e.Errors.First().Value.First())}");
            }
            // Re-issue the cookie without the one-time-password claim.
            if (await users.GetUserAsync(http.User) is { } user) await signIn.RefreshSignInAsync(user);
            return Results.LocalRedirect("/");
        });

        g.MapGet("/logout", async (SignInManager<AppUser> signIn, string? reason) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(reason == "idle" ? "/account/login?error=idle" : "/account/login");
        }).AllowAnonymous();

        // Touching the cookie while the user is active in a Blazor circuit, which sends no HTTP requests.
        g.MapPost("/keepalive", () => Results.NoContent());

        g.MapGet("/switch", async (string? code, string? returnUrl, HttpContext http, AppDb dbs, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            var user = await users.GetUserAsync(http.User);
            if (user is null) return Results.LocalRedirect("/account/login");
            string? viewPath = null;
            if (!string.IsNullOrEmpty(code))
            {
                await using var db = dbs.OpenHome(); // only jurisdictions under the user's own are found
                viewPath = await db.Jurisdictions.Where(j => j.Code == code).Select(j => j.JurisdictionPath).FirstOrDefaultAsync();
                if (viewPath is null) return Results.LocalRedirect(SafeReturn(returnUrl));
            }
            var extra = viewPath is null ? [] : new[] { new System.Security.Claims.Claim(ScopeClaims.ViewPath, viewPath) };
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, extra);
            return Results.LocalRedirect(SafeReturn(returnUrl));
        });

        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext http) =>
        {
            var culture = c == "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true });
            return Results.LocalRedirect(SafeReturn(returnUrl));
        }).AllowAnonymous();
    }

    /// <summary>
    /// A return address of this site, else the home page (issue 15, item 7): exactly what LocalRedirect accepts, so a
    /// crafted address ("/\\evil.example", a control character) is never a 500 nor a way off the site.
    /// </summary>
    private static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2000 && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\')) && !returnUrl.Any(char.IsControl) ? returnUrl : "/";
}
