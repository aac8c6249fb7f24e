using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Auth;

namespace Qianglian.Web.Tests.Security;

/// <summary>
/// Issue 15 item 1: locking an account, changing or resetting its password, changing its roles, ending its sessions or
/// deleting it ends every cookie and token it holds (the stamp check, docs/security.md "Revocation").
/// </summary>
public abstract class RevocationAuthTests<THost>(THost host) : IClassFixture<THost> where THost : AuthHost
{
    [Fact]
    public async Task A_token_of_a_user_demoted_to_leader_can_no_longer_create_a_kit_item()
    {
        var account = await Accounts.CreateAsync(host, Roles.CoordinationOffice);
        using var token = await Accounts.TokenClientAsync(host, account.UserName, account.Password);
        var chain = (await token.GetFromJsonAsync<List<JsonElement>>("/api/v1/chains"))!.First().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await token.PostAsJsonAsync($"/api/v1/chains/{chain}/kit", new { name = "降级前事项" })).StatusCode);

        await SetRoles(account, [Roles.Leader], locked: false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.PostAsJsonAsync($"/api/v1/chains/{chain}/kit", new { name = "降级后事项" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/chains")).StatusCode);
        // Signed in again, the account has the Leader's rights only.
        using var fresh = await Accounts.TokenClientAsync(host, account.UserName, account.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.PostAsJsonAsync($"/api/v1/chains/{chain}/kit", new { name = "重新登录后事项" })).StatusCode);
    }

    [Fact]
    public async Task Locking_an_account_refuses_its_cookie_and_its_token()
    {
        var account = await Accounts.CreateAsync(host, Roles.LocalOperator);
        using var token = await Accounts.TokenClientAsync(host, account.UserName, account.Password);
        using var cookie = await Accounts.CookieClientAsync(host, account.UserName, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/jurisdictions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/jurisdictions")).StatusCode);

        await SetRoles(account, [Roles.LocalOperator], locked: true);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/jurisdictions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/jurisdictions")).StatusCode);
        var page = await cookie.GetAsync("/jurisdictions");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_tokens_issued_before()
    {
        var account = await Accounts.CreateAsync(host, Roles.LocalOperator);
        using var token = await Accounts.TokenClientAsync(host, account.UserName, account.Password);
        using var anonymous = host.Anonymous();
        var changed = await anonymous.PostAsJsonAsync("/api/v1/auth/password",
            new { userName = account.UserName, currentPassword = account.Password, newPassword = "Harbour#Quince71" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/jurisdictions")).StatusCode);
        using var fresh = await Accounts.TokenClientAsync(host, account.UserName, "Harbour#Quince71");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/jurisdictions")).StatusCode);
    }

    [Fact]
    public async Task A_reset_password_ends_the_sessions_and_must_be_changed_at_the_next_sign_in()
    {
        var account = await Accounts.CreateAsync(host, Roles.LocalOperator);
        using var token = await Accounts.TokenClientAsync(host, account.UserName, account.Password);
        using var admin = await host.ClientFor("security"); // resets are the security administrator's (三员分立)
        var reset = await admin.PostAsync($"/api/v1/users/{account.Id}/password-reset", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var oneTime = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString();

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/jurisdictions")).StatusCode);
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = account.UserName, password = account.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = account.UserName, password = oneTime })).StatusCode);
    }

    [Fact]
    public async Task Ending_another_users_sessions_refuses_their_cookie_and_token_and_shows_in_their_history()
    {
        var account = await Accounts.CreateAsync(host, Roles.LocalOperator);
        using var token = await Accounts.TokenClientAsync(host, account.UserName, account.Password);
        using var cookie = await Accounts.CookieClientAsync(host, account.UserName, account.Password);
        using var office = await host.ClientFor("xiqu.office"); // sees accounts, does not manage them
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync($"/api/v1/users/{account.Id}/sessions/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/jurisdictions")).StatusCode);

        using var system = await host.ClientFor("admin"); // the system administrator manages accounts, not their sessions
        Assert.Equal(HttpStatusCode.Forbidden, (await system.PostAsync($"/api/v1/users/{account.Id}/sessions/end", null)).StatusCode);
        using var admin = await host.ClientFor("security");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{account.Id}/sessions/end", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/jurisdictions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/jurisdictions")).StatusCode);
        var history = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/v1/users/{account.Id}/sign-ins");
        Assert.Equal("SessionsEnded", history![0].GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_deleted_accounts_token_is_refused()
    {
        var account = await Accounts.CreateAsync(host, Roles.LocalOperator);
        using var token = await Accounts.TokenClientAsync(host, account.UserName, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/jurisdictions")).StatusCode);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(account.Id.ToString()))!)).Succeeded);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/jurisdictions")).StatusCode);
    }

    [Fact]
    public async Task A_stamp_changed_by_another_instance_is_noticed_within_a_minute()
    {
        var account = await Accounts.CreateAsync(host, Roles.LocalOperator);
        System.Security.Claims.ClaimsPrincipal principal;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>()
                .CreateAsync((await users.FindByIdAsync(account.Id.ToString()))!);
        }
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var security = host.Services.GetRequiredService<SecurityOptions>();
        var stamps = new StampCheck(host.Services.GetRequiredService<Data.DatabaseOptions>(), clock, security,
            host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>());
        Assert.True(await stamps.IsCurrentAsync(principal));

        // Another instance changes the stamp (a direct write: nothing in this checker is told).
        await using (var db = host.OpenSystem())
        {
            db.Users.Single(u => u.Id == account.Id).SecurityStamp = Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync();
        }
        Assert.True(await stamps.IsCurrentAsync(principal)); // still trusted from the cache
        clock.Advance(security.StampCheckInterval);
        Assert.False(await stamps.IsCurrentAsync(principal));
        Assert.True(security.StampCheckInterval <= TimeSpan.FromMinutes(1));
        // Configuration cannot stretch the interval past a minute.
        Assert.Equal(TimeSpan.FromMinutes(1), SecurityOptions.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Security:StampCheckSeconds"] = "3600" }).Build()).StampCheckInterval);
    }

    private async Task SetRoles(Accounts.Account account, string[] roles, bool locked)
    {
        using var admin = await host.ClientFor("security"); // roles and locks are the security administrator's (三员分立)
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{account.Id}");
        var response = await admin.PutAsJsonAsync($"/api/v1/users/{account.Id}/access", new { roles, locked, version = view.GetProperty("version").GetString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class RevocationAuthOnSqlite(AuthSqliteHost host) : RevocationAuthTests<AuthSqliteHost>(host);
public sealed class RevocationAuthOnPostgres(AuthPostgresHost host) : RevocationAuthTests<AuthPostgresHost>(host);
