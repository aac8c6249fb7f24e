using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qianglian.Web.Auth;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Security;

/// <summary>Issue 15 item 5: the login history (own and, for the account manager, anyone's) and the idle timeout.</summary>
public abstract class SessionAuthTests<THost>(THost host) : IClassFixture<THost> where THost : AuthHost
{
    [Fact]
    public async Task A_user_sees_their_own_login_history_with_time_address_and_result()
    {
        var account = await Accounts.CreateAsync(host, Roles.LocalOperator);
        using var anonymous = host.Anonymous();
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = account.UserName, password = "Wrong#Password1" });
        using var cookie = await Accounts.CookieClientAsync(host, account.UserName, account.Password);
        using var token = await Accounts.TokenClientAsync(host, account.UserName, account.Password);

        var mine = (await token.GetFromJsonAsync<List<JsonElement>>("/api/v1/auth/sign-ins"))!;
        Assert.Equal(["Succeeded", "Succeeded", "WrongPassword"], mine.Take(3).Select(e => e.GetProperty("result").GetString()));
        Assert.Equal(["token", "cookie", "token"], mine.Take(3).Select(e => e.GetProperty("channel").GetString()));
        Assert.All(mine, e => Assert.Equal(account.UserName, e.GetProperty("userName").GetString()));
        Assert.All(mine, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.All(mine, e => Assert.True(e.TryGetProperty("address", out _)));
        // The same list is reachable with the cookie (the page's way).
        Assert.Equal(mine.Count, (await cookie.GetFromJsonAsync<List<JsonElement>>("/api/v1/auth/sign-ins"))!.Count);
    }

    [Fact]
    public async Task The_account_manager_sees_anyones_history_and_others_do_not()
    {
        var account = await Accounts.CreateAsync(host, Roles.LocalOperator);
        using var anonymous = host.Anonymous();
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = account.UserName, password = "Wrong#Password1" });

        using var admin = await host.ClientFor("security"); // login histories are the security administrator's (三员分立)
        var seen = (await admin.GetFromJsonAsync<List<JsonElement>>($"/api/v1/users/{account.Id}/sign-ins"))!;
        Assert.Equal("WrongPassword", seen[0].GetProperty("result").GetString());
        using var office = await host.ClientFor("xiqu.office");
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync($"/api/v1/users/{account.Id}/sign-ins")).StatusCode);
        // Another account's own history does not contain this one's entries.
        var operatorsOwn = await Accounts.CreateAsync(host, Roles.LocalOperator);
        using var other = await Accounts.TokenClientAsync(host, operatorsOwn.UserName, operatorsOwn.Password);
        Assert.All((await other.GetFromJsonAsync<List<JsonElement>>("/api/v1/auth/sign-ins"))!,
            e => Assert.Equal(operatorsOwn.UserName, e.GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task The_sign_in_cookie_slides_and_expires_after_the_default_idle_timeout()
    {
        var cookie = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.True(cookie.SlidingExpiration);
        Assert.Equal(TimeSpan.FromMinutes(30), cookie.ExpireTimeSpan); // platform default
        using var client = await Accounts.CookieClientAsync(host, "xiqu.office", Web.Hosting.DemoData.Password);
        var home = await client.GetStringAsync("/");
        Assert.Contains("startIdleWatch", await client.GetStringAsync("/js/app.js"));
        Assert.DoesNotContain("account/login", home[..Math.Min(home.Length, 200)]);
    }
}

public sealed class SessionAuthOnSqlite(AuthSqliteHost host) : SessionAuthTests<AuthSqliteHost>(host);
public sealed class SessionAuthOnPostgres(AuthPostgresHost host) : SessionAuthTests<AuthPostgresHost>(host);

/// <summary>The idle timeout is configuration (Security:IdleTimeoutMinutes): cookie and page follow it.</summary>
public abstract class IdleTimeoutAuthTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public void The_configured_idle_timeout_governs_the_cookie()
    {
        var cookie = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(7), cookie.ExpireTimeSpan);
        Assert.Equal(TimeSpan.FromMinutes(7), host.Services.GetRequiredService<SecurityOptions>().IdleTimeout);
    }
}

public sealed class IdleSevenSqliteHost : SqliteHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Security:IdleTimeoutMinutes", "7")];
}

public sealed class IdleSevenPostgresHost : PostgresHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Security:IdleTimeoutMinutes", "7")];
}

public sealed class IdleTimeoutAuthOnSqlite(IdleSevenSqliteHost host) : IdleTimeoutAuthTests<IdleSevenSqliteHost>(host);
public sealed class IdleTimeoutAuthOnPostgres(IdleSevenPostgresHost host) : IdleTimeoutAuthTests<IdleSevenPostgresHost>(host);
