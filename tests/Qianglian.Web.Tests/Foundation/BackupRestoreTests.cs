using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>
/// <c>backup</c> and <c>restore</c> from the command line: rows written, backed up, changed and a table destroyed, then
/// restored — the rows are back and the restored database passes <c>verify-audit</c>. Shares the audit tests' host.
/// </summary>
public abstract class BackupRestoreTests<THost>(THost host) where THost : HostFixture
{
    [Fact]
    public async Task A_backup_restores_the_rows_and_the_restored_database_passes_verify_audit()
    {
        Guid firmId;
        await using (var db = host.OpenSystem())
        {
            var place = await db.Jurisdictions.OrderBy(j => j.JurisdictionPath).Select(j => j.Id).FirstAsync();
            var firm = db.Enterprises.Add(new Enterprise { JurisdictionId = place, Uscc = Web.Hosting.DemoData.FullUscc("91510400MA6BKP001"), Name = "备份前企业" }).Entity;
            await db.SaveChangesAsync();
            firmId = firm.Id;
        }
        long entries;
        await using (var db = host.OpenSystem()) entries = await db.AuditEntries.CountAsync();
        var file = Path.Combine(Path.GetTempPath(), $"qianglian-backup-{Guid.NewGuid():N}.{(host.Provider == DatabaseProvider.Sqlite ? "db" : "dump")}");
        try
        {
            var (backedUp, backupOutput) = await HostCommand.RunAsync(host, "backup", file);
            Assert.True(backedUp == 0, backupOutput);
            Assert.True(new FileInfo(file).Length > 0);

            await using (var db = host.OpenSystem())
            {
                var firm = await db.Enterprises.SingleAsync(e => e.Id == firmId);
                firm.Name = "备份后改名";
                await db.SaveChangesAsync();
                await db.Database.ExecuteSqlRawAsync("DROP TABLE \"AuditLog\""); // destroyed
            }

            var (restored, restoreOutput) = await HostCommand.RunAsync(host, "restore", file);
            Assert.True(restored == 0, restoreOutput);
            Assert.Contains("audit chain intact", restoreOutput); // restore verifies the chain it brought back

            await using (var db = host.OpenSystem())
            {
                Assert.Equal("备份前企业", (await db.Enterprises.SingleAsync(e => e.Id == firmId)).Name);
                Assert.Equal(entries, await db.AuditEntries.CountAsync());
            }
            var (verified, verifyOutput) = await HostCommand.RunAsync(host, "verify-audit");
            Assert.True(verified == 0, verifyOutput);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_file_that_is_no_backup_is_refused_before_anything_is_overwritten()
    {
        var file = Path.Combine(Path.GetTempPath(), $"qianglian-notabackup-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "not a backup");
        try
        {
            var (code, output) = await HostCommand.RunAsync(host, "restore", file);
            Assert.Equal(1, code);
            Assert.Contains("restore 失败 (failed)", output);
            await using var db = host.OpenSystem();
            Assert.True(await db.AuditEntries.AnyAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Without_the_PostgreSQL_tools_the_error_says_what_is_missing()
    {
        if (host.Provider != DatabaseProvider.Postgres) return; // SQLite needs no external tool
        var empty = Directory.CreateTempSubdirectory("qianglian-nobin").FullName;
        try
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection([new("Backup:PostgresBinDirectory", empty)]).Build();
            var backup = new DatabaseBackup(host.Services.GetService(typeof(DatabaseOptions)) as DatabaseOptions ?? throw new InvalidOperationException(), config);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => backup.BackupAsync(Path.Combine(empty, "x.dump"), CancellationToken.None));
            Assert.Contains("pg_dump not found", error.Message);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}

[Collection(nameof(AuditSqliteHost))]
public sealed class BackupRestoreOnSqlite(AuditSqliteHost host) : BackupRestoreTests<AuditSqliteHost>(host);

[Collection(nameof(AuditPostgresHost))]
public sealed class BackupRestoreOnPostgres(AuditPostgresHost host) : BackupRestoreTests<AuditPostgresHost>(host);
