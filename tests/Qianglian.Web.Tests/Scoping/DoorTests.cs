using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Scoping;

/// <summary>
/// The doors of Data/Scoping, each held to its one reason: what it lets through, and what it still hides. The scopes are
/// 西区 (510403) under 攀枝花 (510400), 达州 (511700) a sibling city, and an enterprise user of 西区.
/// </summary>
public abstract class DoorTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private AppDbContext Open(UserScope scope) => host.Services.GetRequiredService<DatabaseOptions>().Create(scope, TimeProvider.System);

    private sealed record Places(Jurisdiction Panzhihua, Jurisdiction Xiqu, Jurisdiction Dazhou);

    private async Task<Places> PlacesAsync()
    {
        await using var db = host.OpenSystem();
        var all = await db.Jurisdictions.Where(j => j.Code == "510400" || j.Code == "510403" || j.Code == "511700").ToDictionaryAsync(j => j.Code);
        return new Places(all["510400"], all["510403"], all["511700"]);
    }

    private static UserScope In(Jurisdiction j, Guid? enterprise = null, Guid? user = null) =>
        new() { Path = j.JurisdictionPath, EnterpriseId = enterprise, UserId = user, UserName = "door.test" };

    private async Task<Guid> EnterpriseAsync(string uscc)
    {
        await using var db = host.OpenSystem();
        return await db.Enterprises.Where(e => e.Uscc == DemoData.FullUscc(uscc)).Select(e => e.Id).SingleAsync();
    }

    [Fact]
    public async Task Inherited_configuration_reaches_up_the_caller_s_ancestors_and_never_sideways()
    {
        var p = await PlacesAsync();
        await using (var system = host.OpenSystem())
        {
            system.Units.AddRange(
                new GovernmentUnit { JurisdictionId = p.Panzhihua.Id, Key = "door.city", Name = "门测试市局" },
                new GovernmentUnit { JurisdictionId = p.Dazhou.Id, Key = "door.sibling", Name = "门测试外市局" });
            await system.SaveChangesAsync();
        }
        await using var db = Open(In(p.Xiqu));
        Assert.False(await db.Units.AnyAsync(u => u.Key == "door.city"), "the filter itself hides the city's unit");

        var inherited = await db.InheritedAsync<GovernmentUnit>([p.Xiqu.JurisdictionPath], CancellationToken.None, u => u.Key == "door.city" || u.Key == "door.sibling");
        Assert.Equal(["door.city"], inherited.Select(u => u.Key));
        // Asked for a sibling city's place, the door answers nothing: it never reads sideways.
        Assert.Empty(await db.InheritedAsync<GovernmentUnit>([p.Dazhou.JurisdictionPath], CancellationToken.None, u => u.Key == "door.city" || u.Key == "door.sibling"));
        // A condition that reaches into another table would read it unscoped: refused before the query runs.
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.InheritedAsync<GovernmentUnit>([p.Xiqu.JurisdictionPath], CancellationToken.None, u => db.Enterprises.Any(e => e.Name == u.Name)));
    }

    [Fact]
    public async Task Reference_names_lift_only_the_jurisdiction_filter()
    {
        var p = await PlacesAsync();
        var own = await EnterpriseAsync("91510403MA6DEM001");
        var sibling = await EnterpriseAsync("91510403MA6DEM002");
        Guid foreign;
        await using (var system = host.OpenSystem())
            foreign = await system.Enterprises.Where(e => e.JurisdictionId == p.Dazhou.Id).Select(e => e.Id).FirstAsync();

        await using (var official = Open(In(p.Xiqu)))
            Assert.Equal(3, (await official.EnterpriseNamesAsync([own, sibling, foreign], CancellationToken.None)).Count);
        // An enterprise user still sees no other enterprise's name: its own filter stays.
        await using var enterprise = Open(In(p.Xiqu, own));
        Assert.Equal([own], (await enterprise.EnterpriseNamesAsync([own, sibling, foreign], CancellationToken.None)).Keys);
    }

    [Fact]
    public async Task The_acting_caller_is_read_from_its_own_account_above_a_narrowed_view()
    {
        var p = await PlacesAsync();
        Guid chief, chain;
        await using (var system = host.OpenSystem())
        {
            chief = await system.Users.Where(u => u.UserName == "pzh.chief").Select(u => u.Id).SingleAsync();
            var unit = new GovernmentUnit { JurisdictionId = p.Panzhihua.Id, Key = "door.chiefunit", Name = "门测试市经信局" };
            var cityChain = new Chain { JurisdictionId = p.Xiqu.Id, Name = "门测试产业链", DeputyUserIds = [chief] };
            system.AddRange(unit, cityChain);
            (await system.Users.SingleAsync(u => u.Id == chief)).UnitId = unit.Id;
            await system.SaveChangesAsync();
            chain = cityChain.Id;
        }
        // The city chief narrowed the view to 西区: the account, its unit and the chain it deputises lie outside or above.
        await using var db = Open(In(p.Xiqu, user: chief));
        var me = await db.ActingCallerAsync("pzh.chief", CancellationToken.None);
        Assert.Equal("攀枝花市链长", me.Name);
        Assert.Equal(p.Panzhihua.Id, me.JurisdictionId);
        Assert.Equal(("door.chiefunit", "门测试市经信局"), (me.UnitKey, me.UnitName));
        Assert.Equal([chain], me.DeputyOf);
        Assert.Empty(me.ChiefOf);
    }

    [Fact]
    public async Task Natural_keys_see_every_row_but_answer_only_yes_or_no()
    {
        var p = await PlacesAsync();
        var own = await EnterpriseAsync("91510403MA6DEM001");
        await using var db = Open(In(p.Xiqu, own));
        var sibling = DemoData.FullUscc("91510403MA6DEM002");
        Assert.False(await db.Enterprises.AnyAsync(e => e.Uscc == sibling));
        Assert.True(await db.IsTakenAsync<Enterprise>(e => e.Uscc == sibling, CancellationToken.None));
        Assert.False(await db.IsTakenAsync<Enterprise>(e => e.Uscc == "91510403MA6NOTHERE", CancellationToken.None));
    }

    [Fact]
    public async Task Published_posts_name_their_poster_to_an_enterprise_user_of_the_same_place()
    {
        var p = await PlacesAsync();
        var own = await EnterpriseAsync("91510403MA6DEM001");
        await using var db = Open(In(p.Xiqu, own));
        var others = await db.SupplyDemandPosts.AsNoTracking().Where(x => x.EnterpriseId != own).ToListAsync();
        Assert.NotEmpty(others);
        var names = await db.PosterNamesAsync(others, CancellationToken.None);
        Assert.Equal(others.Select(x => x.EnterpriseId).Distinct().Order(), names.Keys.Order());
        Assert.False(await db.Enterprises.AnyAsync(e => names.Keys.Contains(e.Id) && e.Id != own), "the enterprise filter still hides the posters' records");
    }

    [Fact]
    public async Task Derived_statistics_count_links_the_saving_caller_cannot_see()
    {
        var p = await PlacesAsync();
        Guid node, enterprise;
        await using (var system = host.OpenSystem())
        {
            // A 西区 chain's node with one local enterprise, linked by the system.
            var chain = new Chain { JurisdictionId = p.Xiqu.Id, Name = "门测试统计链" };
            var n = new ChainNode { JurisdictionId = p.Xiqu.Id, ChainId = chain.Id, Name = "门测试环节", Stage = ChainStage.Upstream, Kind = NodeKind.Material };
            var e = new Enterprise { JurisdictionId = p.Xiqu.Id, Name = "门测试统计企业", Uscc = DemoData.FullUscc("91510403MA6DR0001") };
            system.AddRange(chain, n, e, new EnterpriseNodeLink { JurisdictionId = p.Xiqu.Id, EnterpriseId = e.Id, ChainId = chain.Id, NodeId = n.Id, Role = ChainRole.ChainMember, Evidence = EvidenceStrength.Confirmed });
            await system.SaveChangesAsync();
            (node, enterprise) = (n.Id, e.Id);
            Assert.Equal(1, await system.NodeStatistics.Where(s => s.NodeId == node).Select(s => s.LocalCount).SingleAsync());
        }
        // The enterprise's own user changes its industry: its scope hides the chain and the node, yet the node is
        // recomputed from every row.
        await using (var db = Open(In(p.Xiqu, enterprise)))
        {
            (await db.Enterprises.SingleAsync(e => e.Id == enterprise)).IndustryCode = "3311";
            await db.SaveChangesAsync();
        }
        await using var check = host.OpenSystem();
        Assert.Equal(1, await check.NodeStatistics.Where(s => s.NodeId == node).Select(s => s.LocalCount).SingleAsync());
    }
}

public sealed class DoorsOnSqlite(SqliteHost host) : DoorTests<SqliteHost>(host);
public sealed class DoorsOnPostgres(PostgresHost host) : DoorTests<PostgresHost>(host);
