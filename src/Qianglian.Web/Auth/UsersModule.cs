using Qianglian.Web.Api;

namespace Qianglian.Web.Auth;

/// <summary>Accounts, roles and API tokens: services and /api/v1 endpoints.</summary>
public static class UsersModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ManageUsers>();
        services.AddScoped<RevealPersonalData>();
        services.AddScoped<SignInOperations>();
        services.AddScoped<SecondFactor>();
        services.AddScoped<SignInHistory>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("Users");
        g.MapGet("", (ManageUsers h, CancellationToken ct) => h.List(ct))
            .Access<AppUser>(Permission.ViewUsers, ApiOperation.List);
        g.MapGet("/{id:guid}", (Guid id, ManageUsers h, CancellationToken ct) => h.Get(id, ct))
            .Access<AppUser>(Permission.ViewUsers, ApiOperation.Get);
        g.MapPost("", async (ManageUsers.CreateRequest r, ManageUsers h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/users/{created.User.Id}", created);
            })
            .Access<AppUser>(Permission.ManageUsers, ApiOperation.Create);
        g.MapPut("/{id:guid}", (Guid id, ManageUsers.UpdateRequest r, ManageUsers h, CancellationToken ct) => h.Update(id, r, ct))
            .Access<AppUser>(Permission.ManageUsers, ApiOperation.Update);
        g.MapPut("/{id:guid}/access", (Guid id, ManageUsers.AccessRequest r, ManageUsers h, CancellationToken ct) => h.SetAccess(id, r, ct))
            .Access<AppUser>(Permission.ManageSecurity, ApiOperation.Update);

        g.MapPost("/{id:guid}/password-reset", (Guid id, ManageUsers h, CancellationToken ct) => h.ResetPassword(id, ct))
            .Access<AppUser>(Permission.ManageSecurity, ApiOperation.Action);
        g.MapPost("/{id:guid}/authenticator/reset", async (Guid id, ManageUsers h, CancellationToken ct) =>
            {
                await h.ResetAuthenticator(id, ct);
                return TypedResults.NoContent();
            })
            .Access<AppUser>(Permission.ManageSecurity, ApiOperation.Action);
        g.MapPost("/{id:guid}/sessions/end", async (Guid id, ManageUsers h, CancellationToken ct) =>
            {
                await h.EndSessions(id, ct);
                return TypedResults.NoContent();
            })
            .Access<AppUser>(Permission.ManageSecurity, ApiOperation.Action);
        // The whole phone number of an account (lists show it masked); each call is recorded (docs/security.md 个人信息保护).
        g.MapPost("/{id:guid}/phone/reveal", (Guid id, RevealPersonalData h, CancellationToken ct) => h.UserPhone(id, "api", ct))
            .Access<AppUser>(Permission.RevealPersonalData, ApiOperation.Action);
        g.MapGet("/{id:guid}/sign-ins", (Guid id, SignInHistory h, CancellationToken ct) => h.Of(id, ct))
            .Access<SignInRecord>(Permission.ManageSecurity, ApiOperation.List);

        var auth = api.MapGroup("/auth").WithTags("Authentication");
        auth.MapGet("/sign-ins", (SignInHistory h, CancellationToken ct) => h.Mine(ct))
            .AccessForAnyUser<SignInRecord>(ApiOperation.List);
        auth.MapPost("/token", (SignInOperations.TokenRequest r, SignInOperations h) => h.IssueToken(r)).AllowAnonymous();
        auth.MapPost("/password", async (SignInOperations.PasswordChange r, SignInOperations h) =>
            {
                await h.ChangePassword(r);
                return TypedResults.NoContent();
            }).AllowAnonymous();
    }
}
