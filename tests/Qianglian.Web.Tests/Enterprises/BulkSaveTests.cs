using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Audit;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Shared.Excel;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Enterprises;

/// <summary>
/// The bulk save the registry import writes with — binary COPY on PostgreSQL, the change tracker on SQLite: the same
/// central scope guard for the whole batch, version bump and one verifiable audit entry per row as a tracked save, and
/// nothing of a refused, conflicting or cancelled import is kept, however many batches were already written.
/// </summary>
public abstract class BulkSaveTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private AppDbContext Open(UserScope scope) => host.Services.GetRequiredService<DatabaseOptions>().Create(scope, TimeProvider.System);

    private static Dictionary<string, object?> Row(string uscc, string name, string jurisdiction = "510403") => new()
    {
        [EnterpriseExcel.Uscc] = uscc, [EnterpriseExcel.Name] = name, [EnterpriseExcel.Jurisdiction] = jurisdiction, [EnterpriseExcel.Industry] = "3130",
    };

    private async Task<ImportReport> Import(string userName, ImportMode mode, IReadOnlyList<Dictionary<string, object?>> rows, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Auth.AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Auth.AppUser>>().CreateAsync((await users.FindByNameAsync(userName))!);
        scope.ServiceProvider.GetRequiredService<Auth.CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, "test")));
        using var file = new MemoryStream(Workbooks.Rows(EnterpriseExcel.SheetName, rows));
        return await scope.ServiceProvider.GetRequiredService<ImportEnterprises>().Handle(file, mode, progress, ct);
    }

    private async Task<(int Enterprises, long Audit)> Counts()
    {
        await using var db = host.OpenSystem();
        return (await db.Enterprises.CountAsync(), await db.AuditEntries.LongCountAsync());
    }

    [Fact]
    public async Task PostgreSQL_copies_in_bulk_and_SQLite_saves_through_the_change_tracker()
    {
        await using var db = host.OpenSystem();
        Assert.Equal(host.Provider == DatabaseProvider.Postgres, db.CopiesInBulk);
    }

    [Fact]
    public async Task Imported_rows_are_audited_one_entry_each_as_a_tracked_save_writes_them_and_the_chain_verifies()
    {
        var (renamed, added) = (RegistryTests<THost>.NewUscc("91510403MP1"), RegistryTests<THost>.NewUscc("91510403MP1"));
        Assert.True((await Import("xiqu.office", ImportMode.AllOrNothing, [Row(renamed, "批量旧名")])).Applied);
        var report = await Import("xiqu.office", ImportMode.AllOrNothing, [Row(renamed, "批量新名"), Row(added, "批量新企业")]);
        Assert.Equal((1, 1), (report.Inserted, report.Updated));

        await using var db = host.OpenSystem();
        var stored = await db.Enterprises.Where(e => e.Uscc == renamed || e.Uscc == added).ToDictionaryAsync(e => e.Uscc);
        Assert.Equal(("批量新名", 1), (stored[renamed].Name, stored[renamed].Version));
        var keys = stored.Values.Select(e => e.Id.ToString()).ToList();
        var entries = (await db.AuditEntries.Where(a => keys.Contains(a.EntityKey)).ToListAsync())
            .ToDictionary(a => (a.Action, stored.Values.Single(e => e.Id.ToString() == a.EntityKey).Uscc));
        Assert.Equal([("Added", renamed), ("Added", added), ("Modified", renamed)], entries.Keys.Order());
        Assert.All(entries.Values, a => Assert.Equal(("xiqu.office", "Enterprise", stored[renamed].JurisdictionPath), (a.UserName, a.EntityType, a.JurisdictionPath)));

        // An update names the changed fields only; an insert names every field, as the tracked save of a new enterprise does.
        var update = JsonDocument.Parse(entries[("Modified", renamed)].Changes).RootElement;
        Assert.Equal(["Name", "Version"], update.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("批量旧名", "批量新名"), (update.GetProperty("Name").GetProperty("before").GetString(), update.GetProperty("Name").GetProperty("after").GetString()));
        Assert.Equal((0, 1), (update.GetProperty("Version").GetProperty("before").GetInt32(), update.GetProperty("Version").GetProperty("after").GetInt32()));
        // An insert names every field it was given (one left empty is not listed), with its value only.
        var insert = JsonDocument.Parse(entries[("Added", added)].Changes).RootElement;
        var given = db.Model.FindEntityType(typeof(Enterprise))!.GetProperties().Where(p => p.PropertyInfo!.GetValue(stored[added]) is not null)
            .Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(given, insert.EnumerateObject().Select(p => p.Name));
        Assert.Contains(db.Model.FindEntityType(typeof(Enterprise))!.GetProperties(), p => p.PropertyInfo!.GetValue(stored[added]) is null);
        Assert.All(insert.EnumerateObject(), p => Assert.Equal(["after"], p.Value.EnumerateObject().Select(side => side.Name)));
        Assert.Equal(stored[added].JurisdictionPath, insert.GetProperty("JurisdictionPath").GetProperty("after").GetString());

        var verified = await host.Services.GetRequiredService<VerifyAudit>().Handle(CancellationToken.None);
        Assert.Null(verified.FirstBreak);
    }

    [Fact]
    public async Task A_batch_with_one_row_outside_the_scope_or_by_a_read_only_account_writes_nothing()
    {
        Guid xiqu, dazhou;
        string xiquPath;
        await using (var system = host.OpenSystem())
        {
            var place = await system.Jurisdictions.SingleAsync(j => j.Code == "510403");
            (xiqu, xiquPath) = (place.Id, place.JurisdictionPath);
            dazhou = await system.Jurisdictions.Where(j => j.Code == "511700").Select(j => j.Id).SingleAsync();
        }
        var before = await Counts();
        foreach (var scope in new[] { new UserScope { Path = xiquPath, UserName = "bulk.test" }, new UserScope { Path = xiquPath, UserName = "bulk.leader", ReadOnly = true } })
        {
            await using var db = Open(scope);
            var batch = db.NewBulkBatch<Enterprise>();
            batch.Add(new Enterprise { JurisdictionId = xiqu, Uscc = RegistryTests<THost>.NewUscc("91510403MQ2"), Name = "本区批量企业" });
            if (!scope.ReadOnly) batch.Add(new Enterprise { JurisdictionId = dazhou, Uscc = RegistryTests<THost>.NewUscc("91511700MQ2"), Name = "外区批量企业" });
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.BulkSaveAsync(batch, CancellationToken.None));
        }
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task A_row_changed_since_it_was_read_is_a_conflict_and_nothing_is_written()
    {
        var uscc = RegistryTests<THost>.NewUscc("91510403MR3");
        Assert.True((await Import("xiqu.office", ImportMode.AllOrNothing, [Row(uscc, "并发前")])).Applied);
        await using var db = host.OpenSystem();
        var read = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Uscc == uscc);
        await using (var other = host.OpenSystem())
        {
            (await other.Enterprises.SingleAsync(e => e.Uscc == uscc)).Name = "别人先改";
            await other.SaveChangesAsync();
        }
        var before = await Counts();
        var batch = db.NewBulkBatch<Enterprise>();
        batch.Add(new Enterprise { JurisdictionId = read.JurisdictionId, Uscc = RegistryTests<THost>.NewUscc("91510403MR3"), Name = "同批新企业" });
        batch.Update(read, e => e.Name = "覆盖别人的修改");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.BulkSaveAsync(batch, CancellationToken.None));
        Assert.Equal(before, await Counts());
        await using var check = host.OpenSystem();
        Assert.Equal("别人先改", (await check.Enterprises.SingleAsync(e => e.Uscc == uscc)).Name);
    }

    [Fact]
    public async Task A_bad_last_row_refuses_a_file_whose_first_batches_were_already_written()
    {
        var rows = Enumerable.Range(0, 4500).Select(i => Row(RegistryTests<THost>.NewUscc("91510403MU4"), $"多批企业{i}")).ToList();
        rows.Add(Row(RegistryTests<THost>.NewUscc("91511700MU4"), "外区企业", jurisdiction: "511700"));
        var before = await Counts();

        var refused = await Import("xiqu.office", ImportMode.AllOrNothing, rows);
        Assert.False(refused.Applied);
        Assert.Equal((4502, "所属辖区代码"), (Assert.Single(refused.Errors).Row, refused.Errors[0].Column));
        Assert.Equal(before, await Counts());

        var writes = new List<ImportProgress>();
        var applied = await Import("xiqu.office", ImportMode.GoodRowsOnly, rows, new SynchronousProgress(writes.Add));
        Assert.Equal((4500, 0, 1), (applied.Inserted, applied.Updated, applied.Errors.Count));
        Assert.Equal(before.Enterprises + 4500, (await Counts()).Enterprises);
        Assert.Equal(before.Audit + 4500, (await Counts()).Audit);
        Assert.Equal(new ImportProgress("写入", 4500, 4500), writes.Last(p => p.Stage == "写入"));
    }

    [Fact]
    public async Task Cancelling_after_the_first_batch_keeps_nothing()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => Row(RegistryTests<THost>.NewUscc("91510403MT5"), $"取消企业{i}")).ToList();
        var before = await Counts();
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p => { if (p.Stage == "写入") cancel.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Import("xiqu.office", ImportMode.AllOrNothing, rows, progress, cancel.Token));
        Assert.Equal(before, await Counts());
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (this) report(value);
        }
    }
}

public sealed class BulkSaveOnSqlite(SqliteHost host) : BulkSaveTests<SqliteHost>(host);
public sealed class BulkSaveOnPostgres(PostgresHost host) : BulkSaveTests<PostgresHost>(host);
