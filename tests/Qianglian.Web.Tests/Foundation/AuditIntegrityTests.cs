using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Core.Audit;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Audit;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>
/// The audit log resists whoever can write the database but not read the key directory: an entry edited and rehashed
/// without the key, an entry turned back into an unkeyed one, the newest entries deleted (against a head kept outside),
/// a business row edited by SQL (drift); entries are never deleted through the application; an archive verifies
/// offline. Each test that tampers puts the database back, so the class shares one host.
/// </summary>
public abstract class AuditIntegrityTests<THost>(THost host) where THost : HostFixture
{
    private AppDbContext OpenSystem() => host.OpenSystem();

    private async Task<VerifyAudit.Result> Verify(VerifyAudit.Options? options = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VerifyAudit>().Handle(options ?? new VerifyAudit.Options(), CancellationToken.None);
    }

    private async Task<AuditEntry> Newest()
    {
        await using var db = OpenSystem();
        return await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).FirstAsync();
    }

    /// <summary>Writes a row through the application, so the log has a fresh newest entry.</summary>
    private async Task<Enterprise> NewEnterprise(string name)
    {
        await using var db = OpenSystem();
        var place = await db.Jurisdictions.OrderBy(j => j.JurisdictionPath).Select(j => j.Id).FirstAsync();
        var firm = db.Enterprises.Add(new Enterprise
        {
            JurisdictionId = place, Uscc = Web.Hosting.DemoData.FullUscc($"91510400MA{Random.Shared.Next(1_000_000, 9_999_999)}"), Name = name,
        }).Entity;
        await db.SaveChangesAsync();
        return firm;
    }

    private async Task Sql(string sql, params object[] values)
    {
        await using var db = OpenSystem();
        await db.Database.ExecuteSqlRawAsync(sql, values);
    }

    private async Task PutBack(AuditEntry original)
    {
        await Sql("UPDATE \"AuditLog\" SET \"KeyId\" = {0}, \"Hash\" = {1} WHERE \"Sequence\" = {2}", original.KeyId!, original.Hash, original.Sequence);
        if (original.UserId is { } user) await Sql("UPDATE \"AuditLog\" SET \"UserId\" = {0} WHERE \"Sequence\" = {1}", user, original.Sequence);
        else await Sql("UPDATE \"AuditLog\" SET \"UserId\" = NULL WHERE \"Sequence\" = {0}", original.Sequence);
    }

    [Fact]
    public async Task Every_new_entry_is_signed_with_the_newest_key_over_all_its_columns()
    {
        await NewEnterprise("签名测试企业");
        var newest = await Newest();
        var keys = host.Services.GetRequiredService<AuditKeyRing>();
        Assert.Equal(keys.KeyIds[^1], newest.KeyId);
        Assert.Equal(newest.Hash, AuditChain.Mac(newest.ToRecord(), keys.Find(newest.KeyId!)!));
        Assert.NotEqual(newest.Hash, AuditChain.Hash(newest.ToRecord())); // not the unkeyed hash
        Assert.True(File.Exists(Path.Combine(host.AuditKeyDirectory, newest.KeyId + ".json")));
        Assert.True((await Verify()).Intact);
    }

    [Fact]
    public async Task An_entry_edited_and_rehashed_without_the_key_is_detected()
    {
        await NewEnterprise("篡改测试企业");
        var original = await Newest();
        var intruder = Guid.NewGuid();
        try
        {
            // The user id alone changed: it is inside the MAC.
            await Sql("UPDATE \"AuditLog\" SET \"UserId\" = {0} WHERE \"Sequence\" = {1}", intruder, original.Sequence);
            Assert.Equal(original.Sequence, (await Verify()).FirstBreak?.Sequence);

            // Rehashed the way the unkeyed chain was, key id dropped: an unkeyed entry after the chain was keyed.
            var forged = original.ToRecord() with { UserId = intruder, KeyId = null };
            await Sql("UPDATE \"AuditLog\" SET \"KeyId\" = NULL, \"Hash\" = {0} WHERE \"Sequence\" = {1}", AuditChain.Hash(forged), original.Sequence);
            var downgraded = await Verify();
            Assert.Equal(original.Sequence, downgraded.FirstBreak?.Sequence);
            Assert.Contains("unkeyed entry after the chain was keyed", downgraded.FirstBreak!.Reason);

            // Re-MACed with a key of the intruder's own under the real key's id: still refused.
            var guessed = new GuessedKey(original.KeyId!);
            await Sql("UPDATE \"AuditLog\" SET \"KeyId\" = {0}, \"Hash\" = {1} WHERE \"Sequence\" = {2}",
                original.KeyId!, AuditChain.Mac(original.ToRecord() with { UserId = intruder }, guessed), original.Sequence);
            var remaced = await Verify();
            Assert.Equal(original.Sequence, remaced.FirstBreak?.Sequence);
            Assert.Contains("recomputed without the key", remaced.FirstBreak!.Reason);
        }
        finally
        {
            await PutBack(original);
        }
        Assert.True((await Verify()).Intact);
    }

    [Fact]
    public async Task Entries_are_never_deleted_through_the_application_and_deleting_the_newest_is_found_against_the_kept_head()
    {
        await using (var db = OpenSystem())
        {
            db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Sequence).FirstAsync());
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }

        await NewEnterprise("链头测试企业");
        var head = await Verify();
        Assert.True(head.Intact);
        var file = Path.Combine(host.AuditKeyDirectory, "..", $"head-{Guid.NewGuid():N}.json");
        new AuditHead(head.HeadSequence, head.HeadHash!, DateTimeOffset.UtcNow).Write(file);
        try
        {
            Assert.True((await Verify(new VerifyAudit.Options(file))).Intact);
            // The newest entry removed: a shorter chain, valid in itself, that only the kept head shows up.
            await Sql("CREATE TABLE audit_saved AS SELECT * FROM \"AuditLog\" WHERE \"Sequence\" >= {0}", head.HeadSequence);
            await Sql("DELETE FROM \"AuditLog\" WHERE \"Sequence\" >= {0}", head.HeadSequence);
            Assert.True((await Verify()).Intact);
            var truncated = await Verify(new VerifyAudit.Options(file));
            Assert.Equal(head.HeadSequence, truncated.FirstBreak?.Sequence);
            Assert.Contains("newest entries deleted", truncated.FirstBreak!.Reason);
        }
        finally
        {
            await Sql("INSERT INTO \"AuditLog\" SELECT * FROM audit_saved");
            await Sql("DROP TABLE audit_saved");
            File.Delete(file);
        }
        Assert.True((await Verify()).Intact);
    }

    [Fact]
    public async Task The_head_is_written_and_checked_from_the_command_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"qianglian-head-{Guid.NewGuid():N}.json");
        try
        {
            var (written, writtenOutput) = await HostCommand.RunAsync(host, "audit-head", file);
            Assert.True(written == 0, writtenOutput);
            Assert.Equal((await Newest()).Hash, AuditHead.Read(file).Hash);
            var (checkedCode, checkedOutput) = await HostCommand.RunAsync(host, "verify-audit", "--head", file);
            Assert.True(checkedCode == 0, checkedOutput);
            Assert.Contains("audit chain intact", checkedOutput);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_direct_SQL_edit_of_an_enterprise_name_is_reported_as_drift()
    {
        var firm = await NewEnterprise("漂移测试企业");
        var before = await Verify(new VerifyAudit.Options(Drift: true));
        Assert.True(before.Intact, string.Join("\n", before.Drift?.Select(d => $"{d.EntityType} {d.EntityKey} {d.Field}") ?? []));
        try
        {
            await Sql("UPDATE \"Enterprises\" SET \"Name\" = {0} WHERE \"Id\" = {1}", "改名企业", firm.Id);
            var drifted = await Verify(new VerifyAudit.Options(Drift: true));
            Assert.True(drifted.FirstBreak is null); // the log itself is intact: the row is what changed
            var difference = Assert.Single(drifted.Drift!);
            Assert.Equal((nameof(Enterprise), firm.Id.ToString(), "Name"), (difference.EntityType, difference.EntityKey, difference.Field));
            Assert.True((await Verify()).Intact); // without --drift the chain alone is checked
        }
        finally
        {
            await Sql("UPDATE \"Enterprises\" SET \"Name\" = {0} WHERE \"Id\" = {1}", firm.Name, firm.Id);
        }
    }

    [Fact]
    public async Task After_rotation_new_entries_use_the_new_key_and_older_entries_verify_with_theirs()
    {
        await NewEnterprise("轮换前企业");
        var old = await Newest();
        await using (var db = OpenSystem())
        {
            var rotated = db.AuditKeys.Rotate((await AuditTrail.HeadAsync(db, CancellationToken.None)).Sequence);
            Assert.NotEqual(old.KeyId, rotated.Id);
        }
        await NewEnterprise("轮换后企业");
        var fresh = await Newest();
        Assert.NotEqual(old.KeyId, fresh.KeyId);
        Assert.Equal(host.Services.GetRequiredService<AuditKeyRing>().KeyIds[^1], fresh.KeyId);
        Assert.True((await Verify()).Intact);
    }

    [Fact]
    public async Task An_exported_archive_verifies_offline_and_an_edit_in_it_is_found()
    {
        await NewEnterprise("归档测试企业");
        var file = Path.Combine(Path.GetTempPath(), $"qianglian-audit-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var (count, last) = await scope.ServiceProvider.GetRequiredService<ExportAudit>().Handle(file, CancellationToken.None);
                Assert.Equal((await Newest()).Sequence, count);
                Assert.Equal((await Newest()).Hash, last!.Hash);
                var verify = scope.ServiceProvider.GetRequiredService<VerifyAudit>();
                var archived = await verify.HandleArchive(file, new VerifyAudit.Options(), CancellationToken.None);
                Assert.True(archived.Intact);
                Assert.Equal(count, archived.Checked);

                var lines = await File.ReadAllLinesAsync(file);
                lines[^1] = lines[^1].Replace("归档测试企业", "归档篡改企业", StringComparison.Ordinal);
                await File.WriteAllLinesAsync(file, lines);
                Assert.Equal(count, (await verify.HandleArchive(file, new VerifyAudit.Options(), CancellationToken.None)).FirstBreak?.Sequence);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// A log written before the chain was keyed (entries with no key id and the plain SHA-256 hash, as migration
    /// <c>KeyedAuditChain</c> leaves them) still verifies after the upgrade; the first key records where it ends, and a
    /// keyed entry later rewritten as an unkeyed one is refused.
    /// </summary>
    [Fact]
    public async Task A_log_from_before_the_keyed_chain_still_verifies_after_the_upgrade()
    {
        ITestDatabase database = host.Provider == DatabaseProvider.Sqlite ? new SqliteTestDatabase() : new PostgresTestDatabase();
        var connection = await database.CreateAsync();
        var before = Directory.CreateTempSubdirectory("qianglian-oldkeys").FullName;
        var after = Directory.CreateTempSubdirectory("qianglian-newkeys").FullName;
        try
        {
            AuditKeyRing Ring(string directory) => new(new AuditSettings(directory, AuditSettings.HmacSha256));
            async Task Write(DatabaseOptions options, string name)
            {
                await using var db = options.Create(UserScope.System, TimeProvider.System);
                db.Jurisdictions.Add(Modules.Jurisdictions.Jurisdiction.Create(name, name, Modules.Jurisdictions.JurisdictionLevel.Province, null));
                await db.SaveChangesAsync();
            }
            var old = new DatabaseOptions(host.Provider, connection, [], Ring(before));
            await using (var db = old.Create(UserScope.System, TimeProvider.System)) await db.Database.MigrateAsync();
            await Write(old, "900001");
            await Write(old, "900002");
            // What the log looked like before the upgrade: no key id, the unkeyed hash chain.
            await using (var db = old.Create(UserScope.System, TimeProvider.System))
            {
                var previous = AuditChain.Genesis;
                foreach (var entry in await db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync())
                {
                    var hash = AuditChain.Hash(entry.ToRecord() with { KeyId = null, PreviousHash = previous });
                    await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditLog\" SET \"KeyId\" = NULL, \"PreviousHash\" = {0}, \"Hash\" = {1} WHERE \"Sequence\" = {2}",
                        previous, hash, entry.Sequence);
                    previous = hash;
                }
            }
            var upgraded = new DatabaseOptions(host.Provider, connection, [], Ring(after));
            long legacy;
            await using (var db = upgraded.Create(UserScope.System, TimeProvider.System)) legacy = await db.AuditEntries.CountAsync();
            await Write(upgraded, "900003");

            var verified = await new VerifyAudit(upgraded, TimeProvider.System).Handle(CancellationToken.None);
            Assert.True(verified.Intact, verified.FirstBreak?.Reason);
            Assert.Equal(legacy, verified.Unkeyed);
            Assert.Equal(legacy, upgraded.AuditKeys.UnkeyedUntil);

            await using (var db = upgraded.Create(UserScope.System, TimeProvider.System))
            {
                var newest = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).FirstAsync();
                await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditLog\" SET \"KeyId\" = NULL, \"Hash\" = {0} WHERE \"Sequence\" = {1}",
                    AuditChain.Hash(newest.ToRecord() with { KeyId = null }), newest.Sequence);
                Assert.Equal(newest.Sequence, (await new VerifyAudit(upgraded, TimeProvider.System).Handle(CancellationToken.None)).FirstBreak?.Sequence);
            }
        }
        finally
        {
            await database.DropAsync();
            Directory.Delete(before, recursive: true);
            Directory.Delete(after, recursive: true);
        }
    }

    /// <summary>A key the intruder made up: same id, other secret.</summary>
    private sealed class GuessedKey(string id) : IAuditKey
    {
        public string Id => id;
        public void Mac(ReadOnlySpan<byte> message, Span<byte> mac) =>
            System.Security.Cryptography.HMACSHA256.HashData(new byte[32], message, mac);
    }
}

/// <summary>A host without the demo dataset (packs only): quicker to start, and these tests write their own rows.</summary>
public sealed class AuditSqliteHost : SqliteHost
{
    protected override bool Demo => false;
}

public sealed class AuditPostgresHost : PostgresHost
{
    protected override bool Demo => false;
}

[CollectionDefinition(nameof(AuditSqliteHost))]
public sealed class AuditSqliteCollection : ICollectionFixture<AuditSqliteHost>;

[CollectionDefinition(nameof(AuditPostgresHost))]
public sealed class AuditPostgresCollection : ICollectionFixture<AuditPostgresHost>;

[Collection(nameof(AuditSqliteHost))]
public sealed class AuditIntegrityOnSqlite(AuditSqliteHost host) : AuditIntegrityTests<AuditSqliteHost>(host);

[Collection(nameof(AuditPostgresHost))]
public sealed class AuditIntegrityOnPostgres(AuditPostgresHost host) : AuditIntegrityTests<AuditPostgresHost>(host);
