using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Auth;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Security;

/// <summary>A demo host whose password hasher counts verifications (so a test can see that every sign-in path hashes).</summary>
public abstract class AuthHost(ITestDatabase database) : HostFixture(database)
{
    public CountingHasher Hasher { get; } = new();
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
}

public sealed class AuthSqliteHost() : AuthHost(new SqliteTestDatabase());
public sealed class AuthPostgresHost() : AuthHost(new PostgresTestDatabase());

public sealed class CountingHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> inner = new();
    private int verifications;
    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>Accounts made for one test through the API, and sign-in by token or by the sign-in form's cookie.</summary>
public static partial class Accounts
{
    public sealed record Account(Guid Id, string UserName, string Password);

    private static int next;

    /// <summary>A new account of 西区 with the given roles, its one-time password already changed to a chosen one.</summary>
    public static async Task<Account> CreateAsync(HostFixture host, params string[] roles)
    {
        using var admin = await host.ClientFor("admin");
        var userName = $"t{Interlocked.Increment(ref next)}.{Guid.NewGuid():N}"[..16];
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName, displayName = "测试账号", jurisdictionId = await XiquAsync(admin), roles });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("user").GetProperty("id").GetGuid();
        var oneTime = created.GetProperty("oneTimePassword").GetString()!;
        var password = $"Lantern#{Guid.NewGuid():N}"[..18];
        using var anonymous = host.Anonymous();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/password", new { userName, currentPassword = oneTime, newPassword = password })).EnsureSuccessStatusCode();
        return new Account(id, userName, password);
    }

    /// <summary>A client holding a fresh bearer token (not the fixture's cached one).</summary>
    public static async Task<HttpClient> TokenClientAsync(HostFixture host, string userName, string password)
    {
        using var anonymous = host.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the sign-in form (antiforgery token included): the client then holds the cookie.</summary>
    public static async Task<HttpClient> CookieClientAsync(HostFixture host, string userName, string password)
    {
        var client = host.Anonymous();
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return client;
    }

    public static async Task<Guid> XiquAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/jurisdictions"))!
        .Single(j => j.GetProperty("code").GetString() == "510403").GetProperty("id").GetGuid();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
