using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>Every write is logged with who, what and before/after; tampering with the log is found by verify-audit.</summary>
public abstract class AuditTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task An_update_is_logged_with_user_and_changed_fields_before_and_after()
    {
        using var client = await host.ClientFor("xiqu.office");
        var xiqu = (await client.GetFromJsonAsync<List<JurisdictionView>>("/api/v1/jurisdictions", ConcurrencyTests<THost>.Json))!.Single(j => j.Code == "510403");
        var unit = (await (await client.PostAsJsonAsync("/api/v1/units", new { jurisdictionId = xiqu.Id, name = "审计前名称", kind = "Government" }))
            .Content.ReadFromJsonAsync<UnitView>(ConcurrencyTests<THost>.Json))!;
        (await client.PutAsJsonAsync($"/api/v1/units/{unit.Id}", new { name = "审计后名称", kind = "Government", version = unit.Version })).EnsureSuccessStatusCode();

        await using var db = host.OpenSystem();
        var entries = await db.AuditEntries.Where(a => a.EntityKey == unit.Id.ToString()).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["Added", "Modified"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("xiqu.office", e.UserName));
        Assert.All(entries, e => Assert.Equal(xiqu.Path, e.JurisdictionPath));
        var added = JsonDocument.Parse(entries[0].Changes).RootElement;   // a new row: each field it was given, its value only
        Assert.Equal(["after"], added.GetProperty("Name").EnumerateObject().Select(side => side.Name));
        Assert.Equal("审计前名称", added.GetProperty("Name").GetProperty("after").GetString());
        var changes = JsonDocument.Parse(entries[1].Changes).RootElement;
        Assert.Equal("审计前名称", changes.GetProperty("Name").GetProperty("before").GetString());
        Assert.Equal("审计后名称", changes.GetProperty("Name").GetProperty("after").GetString());
        Assert.Equal(0, changes.GetProperty("Version").GetProperty("before").GetInt32());
        Assert.False(changes.TryGetProperty("Key", out _)); // unchanged fields are not logged on update
    }

    [Fact]
    public async Task The_log_cannot_be_changed_through_the_application()
    {
        await using var db = host.OpenSystem();
        var entry = await db.AuditEntries.OrderBy(a => a.Sequence).FirstAsync();
        db.Entry(entry).Property(e => e.UserName).CurrentValue = "intruder";
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Verify_audit_command_reports_the_first_tampered_entry()
    {
        // A host of its own: tampering must not disturb the other tests of this class.
        var own = (HostFixture)Activator.CreateInstance(typeof(THost))!;
        await own.InitializeAsync();
        try
        {
            var (intact, intactOutput) = await RunVerifyAudit(own);
            Assert.True(intact == 0, intactOutput);
            Assert.Contains("audit chain intact", intactOutput);

            await using (var db = own.OpenSystem())
                await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditLog\" SET \"UserName\" = 'intruder' WHERE \"Sequence\" = 7");
            var (broken, brokenOutput) = await RunVerifyAudit(own);
            Assert.Equal(1, broken);
            Assert.Contains("AUDIT CHAIN BROKEN at entry 7", brokenOutput);

            await using (var db = own.OpenSystem())
                await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditLog\" WHERE \"Sequence\" = 5");
            var (_, deletedOutput) = await RunVerifyAudit(own);
            Assert.Contains("AUDIT CHAIN BROKEN at entry 6", deletedOutput); // the gap shows before the later edit
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    /// <summary>Every row of the drift report's registers, as the demo and the packs wrote them (tracked saves, bulk
    /// copies, imports), matches its last audited state: the report has no false alarms to drown a real one.</summary>
    [Fact]
    public async Task The_demo_data_matches_its_audited_state()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Modules.Audit.VerifyAudit>()
            .Handle(new Modules.Audit.VerifyAudit.Options(Drift: true), CancellationToken.None);
        Assert.True(result.Intact, string.Join("\n", result.Drift?.Take(20).Select(d => $"{d.EntityType} {d.EntityKey} {d.Field}: {d.Reason}") ?? []));
        Assert.Empty(result.Drift!);
    }

    private static Task<(int ExitCode, string Output)> RunVerifyAudit(HostFixture fixture) => HostCommand.RunAsync(fixture, "verify-audit");
}

public sealed class AuditOnSqlite(SqliteHost host) : AuditTests<SqliteHost>(host);
public sealed class AuditOnPostgres(PostgresHost host) : AuditTests<PostgresHost>(host);
