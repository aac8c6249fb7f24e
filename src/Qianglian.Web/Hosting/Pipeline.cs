using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Scalar.AspNetCore;

namespace Qianglian.Web.Hosting;

public static class Pipeline
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static void UseQianglian(this WebApplication app)
    {
        app.UseForwardedHeaders(); // first: the scheme and client address a reverse proxy forwards (ReverseProxy)
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseCookiePolicy();
        app.UseMiddleware<CrossSiteRequests>();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            // Chinese first whatever the browser says; English only by the switch (a cookie) or, for an API client
            // (a bearer token, never a browser's page or download), by its Accept-Language.
            RequestCultureProviders = [new CookieRequestCultureProvider(), new CustomRequestCultureProvider(ApiClientCulture)],
        });
        app.MapStaticAssets().AllowAnonymous();
        app.UseAuthentication();
        app.UseMiddleware<StampGate>(); // a revoked cookie or token is anonymous from here on
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<CurrentUser>().Set(context.User);
            return next(context);
        });
        app.UseMiddleware<PasswordChangeGate>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Qianglian API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        // Liveness: the process answers (no check runs). Readiness: the database answers, holds every migration, and the
        // host is not stopping (docs/deployment.md).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthEndpoints.Ready), ResponseWriter = WriteHealth })
            .AllowAnonymous();

        app.MapGroup("/api/v1").BoundRequests().MapModules();
        app.MapAccountEndpoints();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
    }

    private static readonly AcceptLanguageHeaderRequestCultureProvider AcceptLanguage = new();

    private static Task<ProviderCultureResult?> ApiClientCulture(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? AcceptLanguage.DetermineProviderCultureResult(context)
            : Task.FromResult<ProviderCultureResult?>(null);

    private static Task WriteHealth(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
