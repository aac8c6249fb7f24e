using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Tests.Scoping;

/// <summary>
/// The scoping world filled out for the parameter matrix: the national administrator calls every create endpoint
/// against 达州 (the other jurisdiction), so every kind of record has foreign rows a parameter could leak; then, per
/// kind, an own row and a foreign one to filter and refer by, the texts a search could find foreign rows with, and
/// what each role must never be shown (<see cref="Leaks"/>).
/// </summary>
public sealed class ForeignWorld
{
    public required ScopingWorld World { get; init; }
    private readonly Dictionary<(Type, bool Own, bool Enterprise), Guid?> ids = [];
    private readonly Dictionary<string, Leaks> leaks = [];
    private IReadOnlyList<string> foreignNames = [];
    private string siblingName = "";

    public static async Task<ForeignWorld> CreateAsync(ScopingWorld world, IReadOnlyDictionary<string, Api.ApiAccess> creates)
    {
        using (var admin = await world.Host.ClientFor("admin", DemoData.Password))
            foreach (var key in creates.Keys.Where(Probes.All.ContainsKey))
            {
                using var request = await Probes.All[key](world, Roles.Administrator, Target.Other);
                using var response = await admin.SendAsync(request); // whatever the probe's body allows in 达州 is created; the rest is no matter
            }
        var foreign = new ForeignWorld { World = world };
        await using var db = world.Host.OpenSystem();
        foreign.foreignNames = await db.Enterprises.Where(e => e.JurisdictionPath.StartsWith(OtherPath(db, world))).Select(e => e.Name).Take(2).ToListAsync();
        foreign.siblingName = await db.Enterprises.Where(e => e.Id == world.SiblingEnterprise).Select(e => e.Name).SingleAsync();
        return foreign;
    }

    private static string OtherPath(AppDbContext db, ScopingWorld world) =>
        db.Jurisdictions.Where(j => j.Id == world.OtherJurisdiction).Select(j => j.JurisdictionPath).Single();

    /// <summary>Texts that match rows the role must not see: the matrix's foreign markers, 达州's enterprises, an application year, a sibling enterprise.</summary>
    public IReadOnlyList<string> SearchTexts(string role) =>
        ["外区", "2026", "达州", .. foreignNames, .. role == Roles.EnterpriseUser ? new[] { siblingName } : []];

    /// <summary>A row of <paramref name="type"/> the role sees (for an enterprise user, of its own enterprise where the type is an enterprise's).</summary>
    public Guid OwnId(Type type, string role) => Id(type, own: true, role) ?? throw new InvalidOperationException($"no own {type.Name} in the matrix world");

    /// <summary>A row of <paramref name="type"/> the role may not see: 达州's, or for an enterprise user another enterprise's where the type is an enterprise's.</summary>
    public Guid ForeignId(Type type, string role) => Id(type, own: false, role) ?? throw new InvalidOperationException($"no foreign {type.Name} in the matrix world");

    public bool HasForeign(Type type, string role) => Id(type, own: false, role) is not null;

    private Guid? Id(Type type, bool own, string role)
    {
        var enterprise = role == Roles.EnterpriseUser && typeof(IEnterpriseOwned).IsAssignableFrom(type) && !type.IsDefined(typeof(PublishedToEnterprisesAttribute), false);
        if (ids.TryGetValue((type, own, enterprise), out var found)) return found;
        if (World.Rows.ContainsKey(type)) return ids[(type, own, enterprise)] = own ? World.OwnRow(type, role) : World.OtherRow(type, role);
        var method = typeof(ForeignWorld).GetMethod(nameof(FirstAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.MakeGenericMethod(type);
        return ids[(type, own, enterprise)] = ((Task<Guid?>)method.Invoke(this, [own, enterprise])!).GetAwaiter().GetResult();
    }

    /// <summary>Own: in 西区 (an enterprise user's: its own enterprise's). Foreign: in 达州 (an enterprise user's: another 西区 enterprise's, else 达州's).</summary>
    private async Task<Guid?> FirstAsync<T>(bool own, bool enterprise) where T : Entity
    {
        await using var db = World.Host.OpenSystem();
        var rows = db.Set<T>().AsNoTracking();
        var owner = enterprise ? OwnedByAttribute.PropertyOf(typeof(T)) : null;
        var ownPath = World.OwnPath;
        if (own)
        {
            rows = rows.Where(r => EF.Property<string>(r, nameof(IJurisdictionScoped.JurisdictionPath)).StartsWith(ownPath));
            if (owner is not null) rows = rows.Where(r => EF.Property<Guid?>(r, owner) == World.OwnEnterprise);
            return await rows.Select(r => (Guid?)r.Id).FirstOrDefaultAsync();
        }
        if (owner is not null)
        {
            var sibling = await rows.Where(r => EF.Property<string>(r, nameof(IJurisdictionScoped.JurisdictionPath)).StartsWith(ownPath)
                                                && EF.Property<Guid?>(r, owner) != World.OwnEnterprise).Select(r => (Guid?)r.Id).FirstOrDefaultAsync();
            if (sibling is not null) return sibling;
        }
        var otherPath = OtherPath(db, World);
        return await rows.Where(r => EF.Property<string>(r, nameof(IJurisdictionScoped.JurisdictionPath)).StartsWith(otherPath)).Select(r => (Guid?)r.Id).FirstOrDefaultAsync();
    }

    /// <summary>What <paramref name="role"/> must never be shown, computed from the stored rows as they are now.</summary>
    public async Task<Leaks> LeaksFor(string role)
    {
        if (leaks.TryGetValue(role, out var found)) return found;
        var scope = new UserScope { Path = World.OwnPath, EnterpriseId = role == Roles.EnterpriseUser ? World.OwnEnterprise : null, UserName = "matrix.leaks" };
        var options = World.Host.Services.GetRequiredService<DatabaseOptions>();
        await using var system = World.Host.OpenSystem();
        await using var caller = options.Create(scope, TimeProvider.System);
        var otherPath = OtherPath(system, World);
        var hidden = new Dictionary<Guid, string>();
        foreach (var type in system.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(IJurisdictionScoped).IsAssignableFrom).Where(t => t.GetProperty("Id")?.PropertyType == typeof(Guid)))
        {
            var method = typeof(ForeignWorld).GetMethod(nameof(HiddenAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(type);
            foreach (var id in await (Task<List<Guid>>)method.Invoke(null, [system, caller, otherPath, role == Roles.EnterpriseUser])!) hidden[id] = type.Name;
        }
        // A supplier outside the place is recorded on purpose, named by its public credit code (链主 suppliers elsewhere are
        // whom investment attraction courts): the caller's own supply link carries its id.
        foreach (var supplier in await caller.SupplyLinks.Select(l => l.SupplierId).ToListAsync()) hidden.Remove(supplier);
        var visibleEnterprises = await caller.Enterprises.Select(e => e.Id).ToListAsync();
        var words = new List<string> { otherPath, "矩阵测试外区" };
        words.AddRange(await system.Enterprises.Where(e => !visibleEnterprises.Contains(e.Id) && (e.JurisdictionPath.StartsWith(otherPath) || e.JurisdictionPath.StartsWith(World.OwnPath)))
            .Select(e => e.Uscc).ToListAsync());
        // The places below the other jurisdiction: a count by county or park would name them. (The other city's own name
        // is public policy text: the seeds cite each other's documents, 西区's 链主 model is 达州's.)
        words.AddRange(await system.Jurisdictions.Where(j => j.JurisdictionPath.StartsWith(otherPath) && j.JurisdictionPath != otherPath).Select(j => j.Name).ToListAsync());
        return leaks[role] = new Leaks(hidden, words.Distinct().ToList());
    }

    /// <summary>
    /// Rows of <typeparamref name="T"/> the caller's scope hides that it must never be shown: those of the other
    /// jurisdiction, and for an enterprise user another enterprise's own records (a published post and an enterprise's
    /// registry entry are not: posts are public to the place, and a post names its poster).
    /// </summary>
    private static async Task<List<Guid>> HiddenAsync<T>(AppDbContext system, AppDbContext caller, string otherPath, bool enterpriseUser) where T : class
    {
        var visible = (await caller.Set<T>().Select(r => EF.Property<Guid>(r, "Id")).ToListAsync()).ToHashSet();
        var owned = enterpriseUser && typeof(IEnterpriseOwned).IsAssignableFrom(typeof(T)) && typeof(T) != typeof(Enterprise)
                    && !typeof(T).IsDefined(typeof(PublishedToEnterprisesAttribute), false) && typeof(T) != typeof(AppUser);
        var candidates = await system.Set<T>()
            .Where(r => owned || EF.Property<string>(r, nameof(IJurisdictionScoped.JurisdictionPath)).StartsWith(otherPath))
            .Select(r => EF.Property<Guid>(r, "Id")).ToListAsync();
        return candidates.Where(id => !visible.Contains(id)).ToList();
    }
}
