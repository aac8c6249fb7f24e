using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>
/// A chain's working profile: who leads it (链长, 副链长, 牵头部门, 配合部门), where it is built (主要承载地, 协同发展地), its
/// working kit checklist, its 一链N清单 and its 协作需求表.
/// </summary>
public sealed class ChainProfile(AppDb dbs, CurrentUser user)
{
    /// <param name="CooperatingUnitIds">配合部门; null keeps those the chain has (a client that does not know them clears nothing).</param>
    public sealed record ProfileRequest(Guid? ChiefUserId, IReadOnlyList<Guid>? DeputyUserIds, Guid? LeadUnitId,
        IReadOnlyList<Guid>? HostJurisdictionIds, IReadOnlyList<Guid>? CollaboratingJurisdictionIds, int Version,
        IReadOnlyList<Guid>? CooperatingUnitIds = null);
    public sealed record KitItemRequest(string Name);
    public sealed record KitStateRequest(KitItemState State, string? Evidence, int Version);
    public sealed record ListEntryRequest(ChainListKind Kind, string Title, string? Detail);
    public sealed record NeedRequest(Guid NeedingEnterpriseId, Guid? ProvidingEnterpriseId, NeedKind Kind, string Description);
    public sealed record NeedStatusRequest(NeedStatus Status, Guid? ProvidingEnterpriseId, int Version);

    public async Task<ChainProfileView> Get(Guid chainId, CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        var chain = await Find(db, chainId, ct);
        // The people, unit and places the chain names may sit above the caller (a city chief leads a district chain):
        // their names come through the reference-names door.
        var people = await db.UserNamesAsync(chain.DeputyUserIds.Concat(chain.ChiefUserId is { } chief ? [chief] : []), ct);
        var places = await db.JurisdictionNamesAsync(chain.HostJurisdictionIds.Concat(chain.CollaboratingJurisdictionIds), ct);
        var unitNames = await db.UnitNamesAsync(chain.CooperatingUnitIds.Concat(chain.LeadUnitId is { } lead ? [lead] : []), ct);
        var unit = chain.LeadUnitId is { } u ? new PersonRef(u, unitNames.GetValueOrDefault(u, "?")) : null;
        var pack = await PackFor(db, chain, ct);
        var kit = await db.ChainKitItems.AsNoTracking().Where(i => i.ChainId == chainId).OrderBy(i => i.Ordinal)
            .Select(i => new KitItemView(i.Id, i.Name, i.Ordinal, i.State, i.Evidence, i.Version)).ToListAsync(ct);
        var lists = await db.ChainListEntries.AsNoTracking().Where(e => e.ChainId == chainId).OrderBy(e => e.Kind).ThenBy(e => e.Ordinal)
            .Select(e => new ListEntryView(e.Id, e.Kind, e.Title, e.Detail)).ToListAsync(ct);
        var needs = await Needs(db, chainId, ct);
        PersonRef Person(Guid id) => new(id, people.GetValueOrDefault(id, "?"));
        PersonRef Place(Guid id) => new(id, places.GetValueOrDefault(id, "?"));
        return new ChainProfileView(chain.Id, chain.Version, chain.ChiefUserId is { } c ? Person(c) : null, chain.DeputyUserIds.Select(Person).ToList(), unit,
            chain.HostJurisdictionIds.Select(Place).ToList(), chain.CollaboratingJurisdictionIds.Select(Place).ToList(),
            pack?.WorkingKitName, pack?.WorkingKitDeclaredCount, kit, lists, needs,
            chain.CooperatingUnitIds.Select(id => new PersonRef(id, unitNames.GetValueOrDefault(id, "?"))).ToList());
    }

    public async Task SetProfile(Guid chainId, ProfileRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var chain = await Find(db, chainId, ct);
        // Whom and where the profile names must be visible to the caller (a unit may also be inherited from above); a
        // name the chain already carries may stay, though set by a wider scope (a city chief on a district chain).
        var leaders = chain.DeputyUserIds.Concat(chain.ChiefUserId is { } chief ? [chief] : []).ToList();
        await RequireVisibleUsers(db, New(r.ChiefUserId is { } c ? [c] : [], leaders), "chiefUserId", ct);
        await RequireVisibleUsers(db, New(r.DeputyUserIds, leaders), "deputyUserIds", ct);
        if (r.LeadUnitId != chain.LeadUnitId)
            await db.RequireVisibleOrInheritedAsync<Jurisdictions.GovernmentUnit>(r.LeadUnitId, "leadUnitId",
                "牵头部门须为本辖区或上级辖区登记的单位 (leadUnitId: the lead department must be a unit of your jurisdiction or above it)", ct);
        foreach (var cooperating in New(r.CooperatingUnitIds, chain.CooperatingUnitIds))
            await db.RequireVisibleOrInheritedAsync<Jurisdictions.GovernmentUnit>(cooperating, "cooperatingUnitIds",
                "配合部门须为本辖区或上级辖区登记的单位 (cooperatingUnitIds: a cooperating department must be a unit of your jurisdiction or above it)", ct);
        var localities = chain.HostJurisdictionIds.Concat(chain.CollaboratingJurisdictionIds).ToList();
        await db.RequireVisibleAsync<Jurisdictions.Jurisdiction>(New(r.HostJurisdictionIds, localities), "hostJurisdictionIds",
            "主要承载地须为本辖区及下级辖区 (hostJurisdictionIds: localities must lie within your jurisdiction)", ct);
        await db.RequireVisibleAsync<Jurisdictions.Jurisdiction>(New(r.CollaboratingJurisdictionIds, localities), "collaboratingJurisdictionIds",
            "协同发展地须为本辖区及下级辖区 (collaboratingJurisdictionIds: localities must lie within your jurisdiction)", ct);
        if ((r.HostJurisdictionIds ?? []).Intersect(r.CollaboratingJurisdictionIds ?? []).Any())
            throw new ValidationException("collaboratingJurisdictionIds", "同一辖区不能既是主要承载地又是协同发展地 (a locality is either host or collaborating)");
        db.ExpectVersion(chain, r.Version);
        chain.ChiefUserId = r.ChiefUserId;
        chain.DeputyUserIds = (r.DeputyUserIds ?? []).Distinct().Where(d => d != r.ChiefUserId).ToList();
        chain.LeadUnitId = r.LeadUnitId;
        if (r.CooperatingUnitIds is { } cooperatingUnits) chain.CooperatingUnitIds = cooperatingUnits.Distinct().Where(c => c != r.LeadUnitId).ToList();
        chain.HostJurisdictionIds = (r.HostJurisdictionIds ?? []).Distinct().ToList();
        chain.CollaboratingJurisdictionIds = (r.CollaboratingJurisdictionIds ?? []).Distinct().ToList();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the items its policy pack names for the working kit (those not on the checklist yet).</summary>
    public async Task<int> InitKit(Guid chainId, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var chain = await Find(db, chainId, ct);
        var pack = await PackFor(db, chain, ct);
        if (pack is null || pack.WorkingKitItems.Count == 0)
            throw new ConflictException("本辖区的政策包没有列明工作机制的具体事项，请逐项添加 (the pack names no working-kit items: add them one by one)");
        var existing = await db.ChainKitItems.Where(i => i.ChainId == chainId).Select(i => i.Name).ToListAsync(ct);
        var added = 0;
        foreach (var name in pack.WorkingKitItems.Where(n => !existing.Contains(n)))
            db.ChainKitItems.Add(new ChainKitItem { ChainId = chainId, JurisdictionId = chain.JurisdictionId, Name = name, Ordinal = existing.Count + ++added });
        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task<Guid> AddKitItem(Guid chainId, KitItemRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        var name = Required(r.Name, "name", "事项名称");
        await using var db = dbs.Open();
        var chain = await Find(db, chainId, ct);
        if (await db.ChainKitItems.AnyAsync(i => i.ChainId == chainId && i.Name == name, ct))
            throw new ValidationException("name", $"已有事项“{name}” (already on the checklist)");
        var item = new ChainKitItem { ChainId = chainId, JurisdictionId = chain.JurisdictionId, Name = name, Ordinal = await db.ChainKitItems.CountAsync(i => i.ChainId == chainId, ct) + 1 };
        db.ChainKitItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public async Task UpdateKitItem(Guid itemId, KitStateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var item = await db.ChainKitItems.FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException("kitItem", "事项不存在 (item not found)");
        if (r.State == KitItemState.Done && string.IsNullOrWhiteSpace(r.Evidence))
            throw new ValidationException("evidence", "标记为已落实须写明依据（名单、文件文号等） (a done item needs its evidence)");
        db.ExpectVersion(item, r.Version);
        (item.State, item.Evidence) = (r.State, string.IsNullOrWhiteSpace(r.Evidence) ? null : r.Evidence.Trim());
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> AddListEntry(Guid chainId, ListEntryRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        var title = Required(r.Title, "title", "条目");
        await using var db = dbs.Open();
        var chain = await Find(db, chainId, ct);
        var entry = new ChainListEntry
        {
            ChainId = chainId, JurisdictionId = chain.JurisdictionId, Kind = r.Kind, Title = title, Detail = r.Detail?.Trim(),
            Ordinal = await db.ChainListEntries.CountAsync(e => e.ChainId == chainId && e.Kind == r.Kind, ct) + 1,
        };
        db.ChainListEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    public async Task RemoveListEntry(Guid entryId, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var entry = await db.ChainListEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException("entry", "条目不存在 (entry not found)");
        db.ChainListEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> AddNeed(Guid chainId, NeedRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        var description = Required(r.Description, "description", "需求内容");
        await using var db = dbs.Open();
        var chain = await Find(db, chainId, ct);
        await db.RequireVisibleAsync<Enterprises.Enterprise>(r.NeedingEnterpriseId, "needingEnterpriseId",
            "提出需求的企业不存在或不在本账号管辖范围内 (needingEnterpriseId: the enterprise is not in your scope)", ct);
        await RequireVisibleProvider(db, r.ProvidingEnterpriseId, ct);
        var need = new CollaborationNeed
        {
            ChainId = chainId, JurisdictionId = chain.JurisdictionId, NeedingEnterpriseId = r.NeedingEnterpriseId,
            ProvidingEnterpriseId = r.ProvidingEnterpriseId, Kind = r.Kind, Description = description,
        };
        db.CollaborationNeeds.Add(need);
        await db.SaveChangesAsync(ct);
        return need.Id;
    }

    public async Task UpdateNeed(Guid needId, NeedStatusRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var need = await db.CollaborationNeeds.FirstOrDefaultAsync(n => n.Id == needId, ct) ?? throw new NotFoundException("need", "需求不存在 (need not found)");
        if (r.Status == NeedStatus.Matched && r.ProvidingEnterpriseId is null && need.ProvidingEnterpriseId is null)
            throw new ValidationException("providingEnterpriseId", "已对接的需求须写明提供方 (a matched need names its provider)");
        if (r.ProvidingEnterpriseId != need.ProvidingEnterpriseId) await RequireVisibleProvider(db, r.ProvidingEnterpriseId, ct);
        db.ExpectVersion(need, r.Version);
        need.Status = r.Status;
        need.ProvidingEnterpriseId = r.ProvidingEnterpriseId ?? need.ProvidingEnterpriseId;
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Chain> Find(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Chains.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");

    /// <summary>The pack of the chain's jurisdiction, else of its nearest ancestor (a district's chain under a city pack).</summary>
    private static async Task<Policies.PolicyPack?> PackFor(AppDbContext db, Chain chain, CancellationToken ct) =>
        InheritedConfiguration.Nearest(await db.InheritedAsync<Policies.PolicyPack>([chain.JurisdictionPath], ct), chain.JurisdictionPath);

    /// <summary>
    /// The chain's 协作需求表 with the enterprises' names. An enterprise account sees the needs its own enterprise raised
    /// or is asked to meet, and no other enterprise's name (the reference-names door keeps the enterprise filter).
    /// </summary>
    private static async Task<List<NeedView>> Needs(AppDbContext db, Guid chainId, CancellationToken ct)
    {
        var rows = db.CollaborationNeeds.AsNoTracking().Where(n => n.ChainId == chainId);
        if (db.Scope.EnterpriseId is { } own) rows = rows.Where(n => n.NeedingEnterpriseId == own || n.ProvidingEnterpriseId == own);
        var needs = await rows.OrderBy(n => n.Id).ToListAsync(ct);
        var names = await db.EnterpriseNamesAsync(needs.Select(n => n.NeedingEnterpriseId).Concat(needs.Select(n => n.ProvidingEnterpriseId).OfType<Guid>()), ct);
        return needs.Select(n => new NeedView(n.Id, n.NeedingEnterpriseId, names.GetValueOrDefault(n.NeedingEnterpriseId, "?"), n.ProvidingEnterpriseId,
            n.ProvidingEnterpriseId is { } p ? names.GetValueOrDefault(p, "?") : null, n.Kind, n.Description, n.Status, n.Version)).ToList();
    }

    /// <summary>The ids of <paramref name="given"/> the chain does not carry yet (those are the ones to check).</summary>
    private static List<Guid> New(IEnumerable<Guid>? given, IEnumerable<Guid> stored) => (given ?? []).Except(stored).ToList();

    private static async Task RequireVisibleUsers(AppDbContext db, List<Guid> ids, string field, CancellationToken ct)
    {
        if (ids.Count > 0 && await db.Users.CountAsync(u => ids.Contains(u.Id), ct) != ids.Count)
            throw new NotFoundException(field, $"链长、副链长须为本辖区内的用户 ({field}: chief and deputies must be users you can see)");
    }

    private static Task RequireVisibleProvider(AppDbContext db, Guid? provider, CancellationToken ct) =>
        db.RequireVisibleAsync<Enterprises.Enterprise>(provider, "providingEnterpriseId",
            "提供方不存在或不在本账号管辖范围内 (providingEnterpriseId: the provider is not in your scope)", ct);

    private static string Required(string? value, string field, string label) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationException(field, $"{label}不能为空 ({field} is required)") : value.Trim();
}
