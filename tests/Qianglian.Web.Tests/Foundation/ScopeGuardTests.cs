using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>The central write guard and read filters, below the API: whatever a handler forgets, they still hold.</summary>
public abstract class ScopeGuardTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private AppDbContext Open(UserScope scope) => host.Services.GetRequiredService<DatabaseOptions>().Create(scope, TimeProvider.System);

    private async Task<(Jurisdiction Xiqu, Jurisdiction Dazhou)> Places()
    {
        await using var db = host.OpenSystem();
        return (await db.Jurisdictions.SingleAsync(j => j.Code == "510403"), await db.Jurisdictions.SingleAsync(j => j.Code == "511700"));
    }

    private static UserScope ScopeOf(Jurisdiction j, bool readOnly = false, Guid? enterprise = null) =>
        new() { Path = j.JurisdictionPath, ReadOnly = readOnly, EnterpriseId = enterprise, UserName = "guard.test" };

    [Fact]
    public async Task Writing_into_another_jurisdiction_is_refused_and_nothing_is_saved()
    {
        var (xiqu, dazhou) = await Places();
        await using var db = Open(ScopeOf(xiqu));
        db.Units.Add(new GovernmentUnit { JurisdictionId = xiqu.Id, Key = "guard.ok", Name = "本区新单位" });
        db.Units.Add(new GovernmentUnit { JurisdictionId = dazhou.Id, Key = "guard.bad", Name = "外区新单位" });
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        await using var check = host.OpenSystem();
        Assert.False(await check.Units.AnyAsync(u => u.Key == "guard.ok" || u.Key == "guard.bad"));
    }

    [Fact]
    public async Task A_row_cannot_be_moved_out_of_the_scope()
    {
        var (xiqu, dazhou) = await Places();
        await using var db = Open(ScopeOf(xiqu));
        var unit = await db.Units.FirstAsync();
        unit.JurisdictionId = dazhou.Id;
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_path_comes_from_the_jurisdiction_id_not_from_the_caller()
    {
        var (xiqu, _) = await Places();
        await using var db = Open(ScopeOf(xiqu));
        var unit = new GovernmentUnit { JurisdictionId = xiqu.Id, Key = "guard.path", Name = "路径测试单位", JurisdictionPath = "/forged/" };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        Assert.Equal(xiqu.JurisdictionPath, unit.JurisdictionPath);
    }

    [Fact]
    public async Task Reads_are_filtered_to_the_subtree_and_the_enterprise()
    {
        var (xiqu, _) = await Places();
        await using var db = Open(ScopeOf(xiqu));
        Assert.All(await db.Units.ToListAsync(), u => Assert.StartsWith(xiqu.JurisdictionPath, u.JurisdictionPath));
        Assert.Equal(["西区", "西区园区"], (await db.Jurisdictions.OrderBy(j => j.Code).Select(j => j.Name).ToListAsync()));
        var own = await db.Enterprises.OrderBy(e => e.Uscc).FirstAsync();
        await using var enterpriseView = Open(ScopeOf(xiqu, enterprise: own.Id));
        Assert.Equal([own.Id], await enterpriseView.Enterprises.Select(e => e.Id).ToListAsync());
    }

    [Fact]
    public async Task Enterprise_users_change_only_their_enterprise_and_leaders_nothing()
    {
        var (xiqu, _) = await Places();
        Guid own, other;
        await using (var db = Open(ScopeOf(xiqu)))
        {
            var two = await db.Enterprises.OrderBy(e => e.Uscc).Take(2).ToListAsync();
            (own, other) = (two[0].Id, two[1].Id);
        }
        await using (var db = Open(ScopeOf(xiqu, enterprise: own)))
        {
            (await db.Enterprises.SingleAsync()).Name += "（改）";
            await db.SaveChangesAsync();
            db.Units.Add(new GovernmentUnit { JurisdictionId = xiqu.Id, Key = "guard.ent", Name = "企业建的单位" });
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
        await using (var db = Open(ScopeOf(xiqu, enterprise: own)))
        {
            var sibling = await db.Enterprises.IgnoreQueryFilters().SingleAsync(e => e.Id == other);
            sibling.Name += "（改）";
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
        await using (var db = Open(ScopeOf(xiqu, readOnly: true)))
        {
            (await db.Units.FirstAsync()).Name += "（改）";
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
    }
}

public sealed class ScopeGuardOnSqlite(SqliteHost host) : ScopeGuardTests<SqliteHost>(host);
public sealed class ScopeGuardOnPostgres(PostgresHost host) : ScopeGuardTests<PostgresHost>(host);

/// <summary>An account may keep itself up to date, but not move itself to another jurisdiction or enterprise.</summary>
public abstract class OwnAccountGuardTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task A_read_only_user_cannot_move_their_own_account()
    {
        await using var system = host.OpenSystem();
        var leader = await system.Users.SingleAsync(u => u.UserName == "pzh.leader");
        var dazhou = await system.Jurisdictions.SingleAsync(j => j.Code == "511700");
        var scope = new UserScope { Path = leader.JurisdictionPath, ReadOnly = true, UserId = leader.Id, UserName = leader.UserName! };
        await using (var db = host.Services.GetRequiredService<DatabaseOptions>().Create(scope, TimeProvider.System))
        {
            var own = await db.Users.SingleAsync(u => u.Id == leader.Id);
            own.DisplayName = "改名可以";
            await db.SaveChangesAsync();
        }
        await using (var db = host.Services.GetRequiredService<DatabaseOptions>().Create(scope, TimeProvider.System))
        {
            var own = await db.Users.SingleAsync(u => u.Id == leader.Id);
            own.JurisdictionId = dazhou.Id;
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
    }
}

public sealed class OwnAccountGuardOnSqlite(SqliteHost host) : OwnAccountGuardTests<SqliteHost>(host);
public sealed class OwnAccountGuardOnPostgres(PostgresHost host) : OwnAccountGuardTests<PostgresHost>(host);
