using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>Password policy, lockout, bearer tokens and the read-only role, through the real host.</summary>
public abstract class IdentityTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Theory]
    [InlineData("Short#1a", "10")]           // 8 characters
    [InlineData("abcdefghij1", "三类")]       // two classes
    [InlineData("ABCDEFGHIJK", "三类")]       // one class
    public async Task Weak_passwords_are_refused_with_the_rule(string password, string expected)
    {
        using var admin = await host.ClientFor("admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = $"pw.{Guid.NewGuid():N}"[..20], displayName = "密码测试", jurisdictionId = await Xiqu(admin), roles = new[] { "Leader" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var userName = created.GetProperty("user").GetProperty("userName").GetString();
        var oneTime = created.GetProperty("oneTimePassword").GetString();
        using var anonymous = host.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/password", new { userName, currentPassword = oneTime, newPassword = password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty("newPassword")[0].GetString());
    }

    [Fact]
    public async Task A_new_account_gets_no_token_until_its_one_time_password_is_changed()
    {
        using var admin = await host.ClientFor("admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "first.login", displayName = "首次登录", jurisdictionId = await Xiqu(admin), roles = new[] { "LocalOperator" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var oneTime = created.GetProperty("oneTimePassword").GetString()!;
        Assert.True(created.GetProperty("user").GetProperty("mustChangePassword").GetBoolean());

        using var anonymous = host.Anonymous();
        var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "first.login", password = oneTime });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var changed = await anonymous.PostAsJsonAsync("/api/v1/auth/password", new { userName = "first.login", currentPassword = oneTime, newPassword = "Chosen#Pass2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "first.login", password = "Chosen#Pass2026" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        using var anonymous = host.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "dazhou.lead", password = $"Wrong#Pass{i}x" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        // Locked: the right password is refused too, with the wrong-password answer (which names the lockout rule),
        // so the answer does not tell a locked account from a wrong password or an unknown name.
        var right = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "dazhou.lead", password = DemoData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("15", await right.Content.ReadAsStringAsync());
        await using var db = host.OpenSystem();
        Assert.True(db.Users.Single(u => u.UserName == "dazhou.lead").LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task Anonymous_api_calls_get_401_not_a_redirect()
    {
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/jurisdictions")).StatusCode);
        var page = await anonymous.GetAsync("/jurisdictions");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        using var anonymous = host.Anonymous();
        var health = await anonymous.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Contains(host.Provider.ToString(), health.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Fact]
    public async Task OpenApi_document_and_reference_ui_are_served()
    {
        using var anonymous = host.Anonymous();
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/jurisdictions", out _));
        using var browser = host.Factory.CreateClient(); // follows Scalar's redirect to /api/docs/
        var docs = await browser.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("Qianglian API", await docs.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Validation_errors_are_problem_details_naming_the_field()
    {
        using var client = await host.ClientFor("xiqu.office");
        var response = await client.PostAsJsonAsync("/api/v1/units", new { jurisdictionId = await Xiqu(client), name = " ", kind = "Government" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("不能为空", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    private static async Task<Guid> Xiqu(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/jurisdictions"))!
        .Single(j => j.GetProperty("code").GetString() == "510403").GetProperty("id").GetGuid();
}

public sealed class IdentityOnSqlite(SqliteHost host) : IdentityTests<SqliteHost>(host);
public sealed class IdentityOnPostgres(PostgresHost host) : IdentityTests<PostgresHost>(host);

/// <summary>A non-demo first start: one administrator whose one-time password is printed once.</summary>
public abstract class FirstStartTests<THost>(THost host) : IClassFixture<THost> where THost : FirstStartHost
{
    [Fact]
    public async Task Creates_one_administrator_with_a_one_time_password_printed_once()
    {
        var printed = host.Printed.ToString();
        var line = printed.Split('\n').Single(l => l.Contains("one-time password:"));
        var password = line[(line.IndexOf("password:", StringComparison.Ordinal) + "password:".Length)..].Trim();
        Assert.DoesNotContain("demo accounts", printed);

        await using (var db = host.OpenSystem())
            Assert.Equal(["admin"], db.Users.Select(u => u.UserName).ToList());

        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/auth/password",
            new { userName = "admin", currentPassword = password, newPassword = "Chosen#Root2026" })).StatusCode);
        await DemoCodes.EnrolAsync(host, "admin"); // an administrator's token needs the second factor (enrolled on the sign-in page)
        using var admin = await host.ClientFor("admin", "Chosen#Root2026");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users")).StatusCode);
    }
}

public abstract class FirstStartHost(ITestDatabase database) : HostFixture(database)
{
    public StringWriter Printed { get; } = new();
    protected override bool Demo => false;
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(new StartupConsole(Printed));
}

public sealed class FirstStartSqliteHost() : FirstStartHost(new SqliteTestDatabase());
public sealed class FirstStartPostgresHost() : FirstStartHost(new PostgresTestDatabase());

public sealed class FirstStartOnSqlite(FirstStartSqliteHost host) : FirstStartTests<FirstStartSqliteHost>(host);
public sealed class FirstStartOnPostgres(FirstStartPostgresHost host) : FirstStartTests<FirstStartPostgresHost>(host);
