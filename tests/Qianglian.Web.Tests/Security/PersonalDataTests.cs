using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Data.Protection;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Security;

/// <summary>A demo host whose personal-data keys live in a directory of its own (created on its first start).</summary>
public abstract class PersonalDataHost(ITestDatabase database) : HostFixture(database)
{
    public string KeyDirectory { get; } = Path.Combine(Path.GetTempPath(), $"qianglian-keys-{Guid.NewGuid():N}");
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Security:PersonalDataKeyDirectory", KeyDirectory)];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(KeyDirectory)) Directory.Delete(KeyDirectory, recursive: true);
    }
}

public sealed class PersonalDataSqliteHost() : PersonalDataHost(new SqliteTestDatabase());
public sealed class PersonalDataPostgresHost() : PersonalDataHost(new PostgresTestDatabase());

/// <summary>
/// Issue 15 item 11 (docs/security.md 个人信息保护): a phone number is sealed in the database (the raw column holds no
/// plaintext), masked in lists, shown whole only with RevealPersonalData (403 without) and each showing recorded; rows
/// stored before encryption are sealed by the start-up step; a wrong key stops it, naming the key.
/// </summary>
public abstract class PersonalDataTests<THost>(THost host) : IClassFixture<THost> where THost : PersonalDataHost
{
    private static int next;

    [Fact]
    public async Task A_phone_is_sealed_in_the_database_masked_in_lists_and_shown_whole_only_with_the_permission_and_a_record()
    {
        using var admin = await host.ClientFor("admin");
        var (id, userName) = await CreateWithPhone(admin, "13812345678");

        var raw = await RawPhone(userName);
        Assert.StartsWith(PersonalDataCipher.Prefix, raw);
        Assert.DoesNotContain("13812345678", raw);

        // Lists and single reads show it masked, to everyone.
        var list = await admin.GetStringAsync("/api/v1/users");
        Assert.DoesNotContain("13812345678", list);
        var row = JsonSerializer.Deserialize<List<JsonElement>>(list, JsonSerializerOptions.Web)!.Single(u => u.GetProperty("id").GetGuid() == id);
        Assert.Equal("138****5678", row.GetProperty("phone").GetString());
        // The audit log records that the number was set, not the number.
        await using (var db = host.OpenSystem())
            Assert.All(await db.AuditEntries.Where(e => e.EntityKey == id.ToString()).Select(e => e.Changes).ToListAsync(),
                changes => Assert.DoesNotContain("13812345678", changes));

        // A leader may list accounts but not see a number whole: 403, and nothing recorded.
        var leader = await Accounts.CreateAsync(host, Roles.Leader);
        using var leaderClient = await Accounts.TokenClientAsync(host, leader.UserName, leader.Password);
        Assert.Equal(HttpStatusCode.OK, (await leaderClient.GetAsync("/api/v1/users")).StatusCode);
        var refused = await leaderClient.PostAsync($"/api/v1/users/{id}/phone/reveal", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await ViewsOf(id));

        // The coordination office of 西区 holds the permission: the whole number, and a record of who saw which field when.
        using var office = await host.ClientFor("xiqu.office");
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var shown = await office.PostAsync($"/api/v1/users/{id}/phone/reveal", null);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var body = await shown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("13812345678", body.GetProperty("value").GetString());
        Assert.Equal("phone", body.GetProperty("field").GetString());
        await using (var db = host.OpenSystem())
        {
            var view = await db.Set<PersonalDataView>().SingleAsync(v => v.EntityKey == id.ToString());
            Assert.Equal(("xiqu.office", "AppUser.PhoneNumber", "api"), (view.UserName, view.Field, view.Channel));
            Assert.True(view.At >= before);
            // …and the record is itself in the audit chain.
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(PersonalDataView) && e.EntityKey == view.Id.ToString() && e.UserName == "xiqu.office"));
        }
    }

    [Fact]
    public async Task An_update_keeps_the_number_when_none_is_sent_refuses_a_masked_one_and_removes_it_when_empty()
    {
        using var admin = await host.ClientFor("admin");
        var (id, userName) = await CreateWithPhone(admin, "023-6123 4567");

        Assert.Equal(HttpStatusCode.OK, (await Update(admin, id, phone: null)).StatusCode);
        Assert.Equal("023-6123 4567", await Revealed(admin, id));

        var masked = await Update(admin, id, phone: "023*****4567");
        Assert.Equal(HttpStatusCode.BadRequest, masked.StatusCode);
        Assert.True((await masked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal("023-6123 4567", await Revealed(admin, id));

        Assert.Equal(HttpStatusCode.OK, (await Update(admin, id, phone: "13987654321")).StatusCode);
        Assert.Equal("13987654321", await Revealed(admin, id));
        Assert.DoesNotContain("13987654321", await RawPhone(userName));

        Assert.Equal(HttpStatusCode.OK, (await Update(admin, id, phone: "")).StatusCode);
        Assert.Null(await RawPhone(userName));
    }

    [Fact]
    public async Task Plaintext_rows_are_sealed_by_the_start_up_step_once_and_a_wrong_key_stops_it_naming_the_key()
    {
        using var admin = await host.ClientFor("admin");
        var (id, userName) = await CreateWithPhone(admin, "13700001111");
        // A row written before encryption (or by hand): plaintext in the column.
        await using (var db = host.OpenSystem())
            await db.Database.ExecuteSqlAsync($"UPDATE \"AspNetUsers\" SET \"PhoneNumber\" = {"13600002222"} WHERE \"UserName\" = {userName}");
        Assert.Equal("13600002222", await RawPhone(userName));

        var cipher = host.Services.GetRequiredService<PersonalDataCipher>();
        await using (var db = host.OpenSystem())
            Assert.True((await PersonalDataSealing.RunAsync(db, cipher, CancellationToken.None)).Sealed >= 1);
        var sealedValue = await RawPhone(userName);
        Assert.StartsWith($"{PersonalDataCipher.Prefix}{cipher.Keys.CurrentId}:", sealedValue);
        Assert.Equal("13600002222", await Revealed(admin, id));
        await using (var db = host.OpenSystem())
        {
            var again = await PersonalDataSealing.RunAsync(db, cipher, CancellationToken.None);
            Assert.Equal((0, 0), (again.Sealed, again.Resealed));
        }
        Assert.Equal(sealedValue, await RawPhone(userName));

        // Another directory without the key: refused, naming the key, and nothing written.
        var empty = Path.Combine(Path.GetTempPath(), $"qianglian-keys-{Guid.NewGuid():N}");
        var wrongKeyFile = Path.Combine(Path.GetTempPath(), $"qianglian-keys-{Guid.NewGuid():N}");
        try
        {
            var missing = await Assert.ThrowsAsync<PersonalDataKeyException>(async () =>
            {
                await using var db = host.OpenSystem();
                await PersonalDataSealing.RunAsync(db, new PersonalDataCipher(PersonalDataKeys.Load(empty)), CancellationToken.None);
            });
            Assert.Contains(cipher.Keys.CurrentId, missing.Message);
            // A key file of the right name but other bytes (a key restored from the wrong backup): refused too.
            Directory.CreateDirectory(wrongKeyFile);
            await File.WriteAllTextAsync(Path.Combine(wrongKeyFile, cipher.Keys.CurrentId + ".key"), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            await File.WriteAllTextAsync(Path.Combine(wrongKeyFile, PersonalDataKeys.CurrentFile), cipher.Keys.CurrentId);
            var wrong = await Assert.ThrowsAsync<PersonalDataKeyException>(async () =>
            {
                await using var db = host.OpenSystem();
                await PersonalDataSealing.RunAsync(db, new PersonalDataCipher(PersonalDataKeys.Load(wrongKeyFile)), CancellationToken.None);
            });
            Assert.Contains("does not decrypt", wrong.Message);
            Assert.Equal(sealedValue, await RawPhone(userName));
        }
        finally
        {
            foreach (var dir in new[] { empty, wrongKeyFile })
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private async Task<(Guid Id, string UserName)> CreateWithPhone(HttpClient admin, string phone)
    {
        var userName = $"pii{Interlocked.Increment(ref next)}.{Guid.NewGuid():N}"[..14];
        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { userName, displayName = "个人信息测试", jurisdictionId = await Accounts.XiquAsync(admin), roles = new[] { Roles.Leader }, phone });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(phone, created.ToString());
        return (created.GetProperty("user").GetProperty("id").GetGuid(), userName);
    }

    private static async Task<HttpResponseMessage> Update(HttpClient admin, Guid id, string? phone)
    {
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}");
        return await admin.PutAsJsonAsync($"/api/v1/users/{id}", new
        {
            displayName = view.GetProperty("displayName").GetString(), roles = new[] { Roles.Leader }, unitId = (Guid?)null, locked = false,
            version = view.GetProperty("version").GetString(), phone,
        });
    }

    private static async Task<string?> Revealed(HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"/api/v1/users/{id}/phone/reveal", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString();
    }

    private async Task<int> ViewsOf(Guid id)
    {
        await using var db = host.OpenSystem();
        return await db.Set<PersonalDataView>().CountAsync(v => v.EntityKey == id.ToString());
    }

    /// <summary>The column as stored, read with plain SQL past the value converter.</summary>
    private async Task<string?> RawPhone(string userName)
    {
        await using var db = host.OpenSystem();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"PhoneNumber\" FROM \"AspNetUsers\" WHERE \"UserName\" = @name";
        var p = command.CreateParameter();
        p.ParameterName = "@name";
        p.Value = userName;
        command.Parameters.Add(p);
        return await command.ExecuteScalarAsync() is string s ? s : null;
    }
}

public sealed class PersonalDataOnSqlite(PersonalDataSqliteHost host) : PersonalDataTests<PersonalDataSqliteHost>(host);
public sealed class PersonalDataOnPostgres(PersonalDataPostgresHost host) : PersonalDataTests<PersonalDataPostgresHost>(host);
