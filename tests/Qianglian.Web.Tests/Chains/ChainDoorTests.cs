using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Enterprises;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Chains;

/// <summary>
/// The two doors the chain writes added (Data/Scoping/Suppliers.cs, OutsideReferences.cs), each held to its reason:
/// what it answers across the boundary, and that it answers nothing more. 西区 (510403) under 攀枝花 (510400), 达州
/// (511700) a sibling city, and the enterprise user of 西区's 绿色化工.
/// </summary>
public abstract class ChainDoorTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private AppDbContext Open(UserScope scope) => host.Services.GetRequiredService<DatabaseOptions>().Create(scope, TimeProvider.System);

    private sealed record Places(string City, string Xiqu, string Dazhou, Guid CityId, Guid XiquId);

    private async Task<Places> PlacesAsync()
    {
        await using var db = host.OpenSystem();
        var all = await db.Jurisdictions.Where(j => j.Code == "510400" || j.Code == "510403" || j.Code == "511700").ToDictionaryAsync(j => j.Code);
        return new Places(all["510400"].JurisdictionPath, all["510403"].JurisdictionPath, all["511700"].JurisdictionPath, all["510400"].Id, all["510403"].Id);
    }

    private async Task<(Guid Id, string Uscc)> Firm(string uscc)
    {
        await using var db = host.OpenSystem();
        var e = await db.Enterprises.SingleAsync(x => x.Uscc == DemoData.FullUscc(uscc));
        return (e.Id, e.Uscc);
    }

    [Fact]
    public async Task Suppliers_are_found_by_credit_code_and_known_local_or_not_and_nothing_more()
    {
        var p = await PlacesAsync();
        var (green, mining, dazhou) = (await Firm("91510403MA6DEM001"), await Firm("91510403MA6DEM007"), await Firm("91511700MA6DEM004"));
        var unregistered = RegistryTests<THost>.NewUscc("91510403MK9");
        foreach (var scope in new[] { new UserScope { Path = p.Xiqu, UserName = "door.office" }, new UserScope { Path = p.Xiqu, EnterpriseId = green.Id, UserName = "door.enterprise" } })
        {
            await using var db = Open(scope);
            Assert.False(await db.Enterprises.AnyAsync(e => e.Id == dazhou.Id), "the filter itself hides 达州's enterprise");
            var found = await db.SupplierIdsByCodeAsync([dazhou.Uscc, mining.Uscc, unregistered], CancellationToken.None);
            Assert.Equal(new Dictionary<string, Guid> { [dazhou.Uscc] = dazhou.Id, [mining.Uscc] = mining.Id }, found);
            Assert.Equal([mining.Id], await db.SuppliersWithinAsync([mining.Id, dazhou.Id], p.Xiqu, CancellationToken.None));
            // Asked about a sibling city's place, the door answers nothing: it never reads sideways.
            Assert.Empty(await db.SuppliersWithinAsync([mining.Id, dazhou.Id], p.Dazhou, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Outside_references_answer_whether_rows_beyond_the_caller_s_jurisdiction_refer_and_nothing_more()
    {
        var p = await PlacesAsync();
        var chain = new Chain { JurisdictionId = p.XiquId, Name = $"门测试链{Guid.NewGuid():N}"[..12] };
        ChainNode Node(string name) => new() { JurisdictionId = p.XiquId, ChainId = chain.Id, Name = name, Stage = ChainStage.Upstream, Kind = NodeKind.Material };
        var (cityUsed, ownUsed) = (Node("市项目所在环节"), Node("区项目所在环节"));
        await using (var system = host.OpenSystem())
        {
            system.AddRange(chain, cityUsed, ownUsed,
                new Project { JurisdictionId = p.CityId, Name = "门测试市项目", ChainId = chain.Id, NodeId = cityUsed.Id, ListedOn = new DateOnly(2025, 1, 6) },
                new Project { JurisdictionId = p.XiquId, Name = "门测试区项目", ChainId = chain.Id, NodeId = ownUsed.Id, ListedOn = new DateOnly(2025, 1, 6) });
            await system.SaveChangesAsync();
        }
        await using (var db = Open(new UserScope { Path = p.Xiqu, UserName = "door.office" }))
        {
            Assert.False(await db.Projects.AnyAsync(x => x.NodeId == cityUsed.Id), "the filter itself hides the city's project");
            Assert.True(await db.IsReferredToFromOutsideAsync<Project>(x => x.NodeId == cityUsed.Id, CancellationToken.None));
            Assert.False(await db.IsReferredToFromOutsideAsync<Project>(x => x.NodeId == ownUsed.Id, CancellationToken.None));
            // A condition that reaches into another table would read it unscoped: refused before the query runs.
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                db.IsReferredToFromOutsideAsync<Project>(x => db.Enterprises.Any(e => e.Id == x.EnterpriseId), CancellationToken.None));
        }
        // For the city both projects lie inside; the system sees everything.
        await using (var db = Open(new UserScope { Path = p.City, UserName = "door.city" }))
            Assert.False(await db.IsReferredToFromOutsideAsync<Project>(x => x.NodeId == cityUsed.Id, CancellationToken.None));
        await using (var db = host.OpenSystem())
            Assert.False(await db.IsReferredToFromOutsideAsync<Project>(x => x.NodeId == cityUsed.Id, CancellationToken.None));
    }
}

public sealed class ChainDoorsOnSqlite(SqliteHost host) : ChainDoorTests<SqliteHost>(host);
public sealed class ChainDoorsOnPostgres(PostgresHost host) : ChainDoorTests<PostgresHost>(host);
