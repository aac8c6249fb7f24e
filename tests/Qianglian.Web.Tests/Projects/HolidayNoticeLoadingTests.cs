using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Projects;

/// <summary>
/// The shipped notices load like the packs, on both databases: loading again changes nothing; a notice changed under
/// the same version, or one whose text does not read (a weekday that is not the date's), fails with file and clause
/// and writes nothing; a higher version replaces the nation's days of its year.
/// </summary>
public abstract class HolidayNoticeLoadingTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<(long Audit, List<DateOnly> Worked2026)> State()
    {
        await using var db = host.OpenSystem();
        return (await db.AuditEntries.LongCountAsync(),
            await db.Set<HolidayEntry>().Where(h => h.JurisdictionPath == "/100000/" && h.IsWorkingDay && h.Date >= new DateOnly(2026, 1, 1) && h.Date <= new DateOnly(2026, 12, 31))
                .Select(h => h.Date).OrderBy(d => d).ToListAsync());
    }

    private async Task Unchanged((long Audit, List<DateOnly> Worked2026) before)
    {
        var now = await State();
        Assert.Equal(before.Audit, now.Audit);
        Assert.Equal(before.Worked2026, now.Worked2026);
    }

    [Fact]
    public async Task Loading_again_changes_nothing_and_a_changed_notice_needs_a_higher_version()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<HolidayNoticeLoader>();
        var before = await State();
        Assert.Empty(await loader.LoadAllAsync(RepositoryPaths.Packs, CancellationToken.None));
        await Unchanged(before);
        Assert.Equal(6, before.Worked2026.Count);

        var root = CopyOfPacks();
        var file = Path.Combine(HolidayNoticeLoader.FolderOf(root), "2026.txt");
        var shipped = await File.ReadAllTextAsync(file);
        // 七、国庆节 without the Sunday worked before it, under the same version: refused.
        await File.WriteAllTextAsync(file, shipped.Replace("9月20日（周日）、10月10日（周六）上班", "10月10日（周六）上班", StringComparison.Ordinal));
        var same = await Assert.ThrowsAsync<PackLoadException>(() => loader.LoadAllAsync(root, CancellationToken.None));
        Assert.Contains(same.Errors, e => e.Field == "holidays/2026.txt: 版本" && e.Message.Contains("提高版本号"));

        // A mistyped weekday: refused naming the clause, nothing written.
        await File.WriteAllTextAsync(file, shipped.Replace("版本：1", "版本：2", StringComparison.Ordinal).Replace("10月10日（周六）", "10月10日（周日）", StringComparison.Ordinal));
        var typo = await Assert.ThrowsAsync<PackLoadException>(() => loader.LoadAllAsync(root, CancellationToken.None));
        Assert.Contains(typo.Errors, e => e.Field == "holidays/2026.txt: 七、国庆节" && e.Message.Contains("实为周六"));
        await Unchanged(before);

        // A higher version with the same text: nothing changes but the version.
        await File.WriteAllTextAsync(file, shipped.Replace("版本：1", "版本：2", StringComparison.Ordinal));
        Assert.Empty(await loader.LoadAllAsync(root, CancellationToken.None));
        Assert.Equal(before.Worked2026, (await State()).Worked2026);

        // A higher version of changed text replaces the year's days.
        await File.WriteAllTextAsync(file, shipped.Replace("版本：1", "版本：3", StringComparison.Ordinal)
            .Replace("9月20日（周日）、10月10日（周六）上班", "10月10日（周六）上班", StringComparison.Ordinal));
        Assert.Equal([2026], await loader.LoadAllAsync(root, CancellationToken.None));
        var after = await State();
        Assert.DoesNotContain(new DateOnly(2026, 9, 20), after.Worked2026);
        Assert.Equal(5, after.Worked2026.Count);
        await using (var db = host.OpenSystem())
            Assert.Equal(3, (await db.Set<HolidayNotice>().SingleAsync(n => n.Year == 2026 && n.JurisdictionPath == "/100000/")).DataVersion);

        // The repository's version 1 is now older than the loaded one.
        var older = await Assert.ThrowsAsync<PackLoadException>(() => loader.LoadAllAsync(RepositoryPaths.Packs, CancellationToken.None));
        Assert.Contains(older.Errors, e => e.Field == "holidays/2026.txt: 版本" && e.Message.Contains("低于"));
    }

    private static string CopyOfPacks()
    {
        var root = Path.Combine(Path.GetTempPath(), $"qianglian-packs-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Packs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(RepositoryPaths.Packs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }
}

public sealed class HolidayNoticeLoadingOnSqlite(SqliteHost host) : HolidayNoticeLoadingTests<SqliteHost>(host);
public sealed class HolidayNoticeLoadingOnPostgres(PostgresHost host) : HolidayNoticeLoadingTests<PostgresHost>(host);
