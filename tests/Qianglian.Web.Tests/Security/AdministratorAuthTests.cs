using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Audit;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Security;

/// <summary>
/// Issue 15 items 3 and 4: the three administrators (三员分立) sign in with a second factor (authenticator code or
/// recovery code), and each does only their part (docs/security.md "身份鉴别 d" and "访问控制 — 三员分立").
/// </summary>
public abstract partial class AdministratorAuthTests<THost>(THost host) : IClassFixture<THost> where THost : AuthHost
{
    [Fact]
    public async Task An_administrators_token_needs_a_code_named_in_the_problem_and_each_code_is_accepted_once()
    {
        using var anonymous = host.Anonymous();
        var missing = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "security", password = Web.Hosting.DemoData.Password });
        await AssertNamesCode(missing, HttpStatusCode.Unauthorized);
        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "security", password = Web.Hosting.DemoData.Password, code = DemoCodes.Now(host, TwoFactorCodes.DemoKey, stepsAhead: 5) });
        await AssertNamesCode(wrong, HttpStatusCode.Unauthorized);

        var code = await DemoCodes.ForAsync(host, "security");
        var first = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "security", password = Web.Hosting.DemoData.Password, code });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // RFC 6238 §5.2: the same code a second time is refused, even with the right password.
        var replay = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "security", password = Web.Hosting.DemoData.Password, code });
        await AssertNamesCode(replay, HttpStatusCode.Unauthorized);
        // An account that needs no second factor ignores the field.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "xiqu.office", password = Web.Hosting.DemoData.Password, code = "123456" })).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_administrator_like_five_wrong_passwords()
    {
        var account = await Accounts.CreateAsync(host, Roles.Administrator);
        await DemoCodes.EnrolAsync(host, account.UserName);
        using var anonymous = host.Anonymous();
        for (var i = 0; i < 5; i++)
            await AssertNamesCode(await anonymous.PostAsJsonAsync("/api/v1/auth/token",
                new { userName = account.UserName, password = account.Password, code = DemoCodes.Now(host, TwoFactorCodes.DemoKey, stepsAhead: 5 + i) }), HttpStatusCode.Unauthorized);
        var locked = await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = account.UserName, password = account.Password, code = await DemoCodes.ForAsync(host, account.UserName) });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains(SignInOperations.WrongPassword, await locked.Content.ReadAsStringAsync()); // told like any failure
    }

    [Fact]
    public async Task An_administrator_enrols_at_sign_in_gets_ten_recovery_codes_once_and_the_security_administrator_resets_the_authenticator()
    {
        var account = await Accounts.CreateAsync(host, Roles.AuditAdministrator);
        using var anonymous = host.Anonymous();
        await AssertNamesCode(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = account.UserName, password = account.Password }), HttpStatusCode.Forbidden);

        // The sign-in form: password, then the enrolment page (QR code and key), then the first code.
        var cookie = host.Anonymous();
        var form = await cookie.GetStringAsync("/account/login");
        var signedIn = await cookie.PostAsync("/account/login", Form(form, new() { ["userName"] = account.UserName, ["password"] = account.Password, ["returnUrl"] = "/audit" }));
        Assert.StartsWith("/account/two-factor", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/audit")).StatusCode); // no sign-in cookie yet
        var enrol = await cookie.GetStringAsync(signedIn.Headers.Location!.OriginalString);
        Assert.Contains("data:image/png;base64,", enrol);
        var key = WebUtility.HtmlDecode(KeyShown().Match(enrol).Groups[1].Value);
        var wrongFirst = await cookie.PostAsync("/account/two-factor", Form(enrol, new() { ["code"] = DemoCodes.Now(host, key, stepsAhead: 5), ["returnUrl"] = "/audit" }));
        Assert.Contains("error=code", wrongFirst.Headers.Location!.OriginalString);
        var enrolled = await cookie.PostAsync("/account/two-factor", Form(enrol, new() { ["code"] = DemoCodes.Now(host, key), ["returnUrl"] = "/audit" }));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.True(enrolled.Headers.CacheControl?.NoStore, "the recovery codes must not be cached");
        var recovery = RecoveryCode().Matches(await enrolled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recovery.Count);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/audit")).StatusCode);

        // A recovery code stands in for a code once.
        var byRecovery = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = account.UserName, password = account.Password, code = recovery[0] });
        Assert.Equal(HttpStatusCode.OK, byRecovery.StatusCode);
        await AssertNamesCode(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = account.UserName, password = account.Password, code = recovery[0] }), HttpStatusCode.Unauthorized);

        // Lost phone: only the security administrator resets the authenticator; the sessions end, the next sign-in enrols anew.
        using var system = await host.ClientFor("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await system.PostAsync($"/api/v1/users/{account.Id}/authenticator/reset", null)).StatusCode);
        using var security = await host.ClientFor("security");
        Assert.Equal(HttpStatusCode.NoContent, (await security.PostAsync($"/api/v1/users/{account.Id}/authenticator/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/audit")).StatusCode);
        var history = (await security.GetFromJsonAsync<List<JsonElement>>($"/api/v1/users/{account.Id}/sign-ins"))!;
        Assert.Equal("AuthenticatorReset", history[0].GetProperty("result").GetString());
        await AssertNamesCode(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = account.UserName, password = account.Password, code = recovery[1] }), HttpStatusCode.Forbidden);

        // Audited, by whom — and the log never holds the key or a recovery code.
        await using var db = host.OpenSystem();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == "security" && a.EntityType == nameof(AppUser) && a.EntityKey == account.Id.ToString()));
        var changes = await db.AuditEntries.Where(a => a.EntityType.StartsWith("IdentityUserToken")).Select(a => a.Changes).ToListAsync();
        Assert.NotEmpty(changes);
        Assert.DoesNotContain(changes, c => c.Contains(key.Replace(" ", "")) || c.Contains(recovery[2]));
        cookie.Dispose();
    }

    [Fact]
    public async Task No_account_holds_two_of_the_three_administrator_roles_on_creation_or_change()
    {
        using var admin = await host.ClientFor("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "two.duties", displayName = "两员", jurisdictionId = await Accounts.XiquAsync(admin),
            roles = new[] { Roles.Administrator, Roles.AuditAdministrator },
        });
        await AssertNamesField(created, HttpStatusCode.BadRequest, "roles");
        Assert.Contains("三员分立", await created.Content.ReadAsStringAsync());

        var account = await Accounts.CreateAsync(host, Roles.SecurityAdministrator);
        using var security = await host.ClientFor("security");
        var view = await security.GetFromJsonAsync<JsonElement>($"/api/v1/users/{account.Id}");
        var changed = await security.PutAsJsonAsync($"/api/v1/users/{account.Id}/access", new
        {
            roles = new[] { Roles.SecurityAdministrator, Roles.Administrator }, locked = false, version = view.GetProperty("version").GetString(),
        });
        await AssertNamesField(changed, HttpStatusCode.BadRequest, "roles");
        await using var db = host.OpenSystem();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "two.duties"));
    }

    [Fact]
    public async Task Each_administrator_does_only_their_part_and_reading_the_audit_log_is_audited()
    {
        var account = await Accounts.CreateAsync(host, Roles.LocalOperator);
        using var admin = await host.ClientFor("admin");
        using var security = await host.ClientFor("security");
        using var auditor = await host.ClientFor("auditor");
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{account.Id}");
        var version = view.GetProperty("version").GetString();

        // The system administrator keeps names and units, not roles nor locks, nor the audit log.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/v1/users/{account.Id}",
            new { displayName = "测试账号", roles = new[] { Roles.Leader }, unitId = (Guid?)null, locked = false, version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/v1/users/{account.Id}/access", new { roles = new[] { Roles.Leader }, locked = false, version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/audit")).StatusCode);
        var renamed = await admin.PutAsJsonAsync($"/api/v1/users/{account.Id}",
            new { displayName = "改名账号", roles = new[] { Roles.LocalOperator }, unitId = (Guid?)null, locked = false, version });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        version = (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();

        // The security administrator: roles and locks, no names, no business data, no audit log.
        Assert.Equal(HttpStatusCode.Forbidden, (await security.PutAsJsonAsync($"/api/v1/users/{account.Id}",
            new { displayName = "又改名", roles = new[] { Roles.LocalOperator }, unitId = (Guid?)null, locked = false, version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await security.PutAsJsonAsync($"/api/v1/users/{account.Id}/access", new { roles = new[] { Roles.Leader }, locked = true, version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/api/v1/chains")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/api/v1/audit")).StatusCode);

        // The audit administrator reads the log, and nothing else.
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/chains")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/problems", new { title = "审计员不能写" })).StatusCode);
        var read = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=AppUser&entityKey={account.Id}&pageSize=100");
        var actions = read.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("userName").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.Contains(("admin", "Modified"), actions);
        Assert.Contains(("security", "Modified"), actions);

        // Reading is itself in the log, with what was asked; the chain still verifies.
        var log = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?userName=auditor&pageSize=5");
        var reading = log.GetProperty("items").EnumerateArray().First();
        Assert.Equal("Read", reading.GetProperty("action").GetString());
        Assert.Equal(nameof(Data.AuditEntry), reading.GetProperty("entityType").GetString());
        Assert.Contains("\"EntityType\":{\"after\":\"AppUser\"}", reading.GetProperty("changes").GetString());

        // The audit administrator exports the selection, each entry with its hash; nobody else may.
        var export = await auditor.GetAsync($"/api/v1/audit/export.xlsx?entityType=AppUser&entityKey={account.Id}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(sheet, r => (string?)r[Modules.Audit.DownloadAudit.Columns.User] == "security" && (string?)r[Modules.Audit.DownloadAudit.Columns.Action] == "Modified");
        Assert.All(sheet, r => Assert.Equal(account.Id.ToString(), r[Modules.Audit.DownloadAudit.Columns.EntityKey]?.ToString()));
        Assert.All(sheet, r => Assert.Matches("^[0-9a-f]{64}$", r[Modules.Audit.DownloadAudit.Columns.Hash]?.ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/audit/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/api/v1/audit/export.xlsx")).StatusCode);
        var exported = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?userName=auditor&pageSize=1");
        Assert.Contains("\"Export\":{\"after\":true}", exported.GetProperty("items")[0].GetProperty("changes").GetString());

        Assert.True((await host.Services.GetRequiredService<VerifyAudit>().Handle(CancellationToken.None)).Intact);
    }

    private static async Task AssertNamesCode(HttpResponseMessage response, HttpStatusCode status) => await AssertNamesField(response, status, "code");

    private static async Task AssertNamesField(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value);
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
    [GeneratedRegex("data-testid=\"two-factor-key\"[^>]*>([^<]+)<")]
    private static partial Regex KeyShown();
    [GeneratedRegex("<li>([0-9A-Za-z-]{6,})</li>")]
    private static partial Regex RecoveryCode();
}

public sealed class AdministratorAuthOnSqlite(AuthSqliteHost host) : AdministratorAuthTests<AuthSqliteHost>(host);
public sealed class AdministratorAuthOnPostgres(AuthPostgresHost host) : AdministratorAuthTests<AuthPostgresHost>(host);
