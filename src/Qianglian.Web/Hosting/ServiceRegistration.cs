using Microsoft.AspNetCore.OpenApi;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Hosting;

public static class ServiceRegistration
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static void AddQianglian(this WebApplicationBuilder builder, LaunchOptions options)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        if (string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);

        // Serve the packages' static files (MudBlazor, blazor.web.js) from the build output's manifest in every
        // environment, so `dotnet run` works without a publish step; a published app has no manifest and is unaffected.
        builder.WebHost.UseStaticWebAssets();

        services.AddSingleton(options);
        services.AddReverseProxy(config);
        Shared.Excel.ImportLimits.Configure(config);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(DatabaseSettings.From(config));
        services.AddSingleton(AuditSettings.From(config));
        services.AddSingleton<AuditKeyRing>();
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            return new DatabaseOptions(settings.Provider, settings.ConnectionString, sp.GetServices<IDerivedRows>(), sp.GetRequiredService<AuditKeyRing>(),
                sp.GetRequiredService<Data.Protection.PersonalDataCipher>());
        });
        // Personal data is sealed with keys kept outside the database (docs/operations.md, 个人信息密钥).
        services.AddSingleton(_ => Data.Protection.PersonalDataKeys.Load(
            config["Security:PersonalDataKeyDirectory"] is { Length: > 0 } keyDirectory ? keyDirectory : Path.Combine(RepositoryPaths.Data, "keys", "personal-data")));
        services.AddSingleton<Data.Protection.PersonalDataCipher>();
        services.AddScoped<DatabaseBackup>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AppDb>();
        // Identity's store works on the user's home scope (anonymous: system scope, so sign-in finds the account).
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<AppDb>().OpenHome());
        services.AddScoped<CircuitHandler, CircuitUserHandler>();

        var security = SecurityOptions.From(config);
        services.AddSingleton(security);
        services.AddSingleton(sp => new DemoMode(sp.GetRequiredService<DatabaseSettings>().IsDefaultEmbedded || options.Demo || config.GetValue<bool>("Demo")));
        services.AddHttpContextAccessor();
        AddIdentity(services, security);
        services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddRequestBinding();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.AddOpenApi("v1", OpenApiConventions.Configure);
        services.AddLocalization();
        // Without this, Chinese in pre-rendered HTML comes out as numeric entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Resources.MudStrings>();
        services.AddHealth(config); // /health, /health/live, /health/ready and the drain on stopping (Readiness)
        services.AddSharedKeys(config); // one key ring for every host on the database (SharedKeys)

        services.AddSingleton(new StartupConsole(Console.Out));
        services.AddScoped<RoleSeeder>();
        services.AddScoped<DemoData>();
        services.AddScoped<DemoChain>();
        services.AddScoped<DemoCultivation>();
        services.AddScoped<DemoProjects>();
        services.AddScoped<DemoSupervision>();
        services.AddScoped<DemoSupplyDemand>();
        services.AddScoped<DemoIncentives>();
        services.AddScoped<DemoInvestment>();
        services.AddScoped<DemoJurisdictions>();
        services.AddScoped<DemoTargetRecords>();
        services.AddScoped<FirstAdministrator>();
        services.AddModules();
    }

    private static void AddIdentity(IServiceCollection services, SecurityOptions security)
    {
        services.AddScoped<AccountRecords>();
        services.AddSingleton<StampCheck>();
        // Circuits re-check the account's security stamp (revocation reaches open pages too).
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingCircuitState>();
        // Cookies are also re-validated by Identity's own stamp validator at the same interval (re-issuing their claims).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = security.StampCheckInterval);
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false; // three of four classes: PasswordClassesValidator
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AccountUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // Identity's authenticator codes, each accepted once (replaces the default authenticator provider).
            .AddTokenProvider<TwoFactorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>()
            .AddPasswordValidator<PasswordClassesValidator>()
            .AddPasswordValidator<PasswordRulesValidator>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.CookieOrBearer;
                o.DefaultChallengeScheme = AuthSchemes.CookieOrBearer;
            })
            .AddPolicyScheme(AuthSchemes.CookieOrBearer, null, o => o.ForwardDefaultSelector = AuthSchemes.Select)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(60))
            .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o => AuthSchemes.ConfigureCookie(o, security)));
    }
}
