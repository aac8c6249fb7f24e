using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Qianglian.Web.Data;

/// <summary>
/// The central write check: every pending insert, update and delete must lie inside the caller's scope.
/// Runs on every save, so no endpoint or page needs (or is trusted) to scope its own writes.
/// </summary>
internal static class ScopeGuard
{
    public static async Task CheckAsync(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var paths = await PathsOf(db, entries, ct);
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State != EntityState.Added)
                    throw new ScopeViolationException("审计日志只能追加，不能修改或删除 (the audit log is append-only)");
                continue;
            }
            if (entry.Entity is IJurisdictionScoped scoped && entry.State != EntityState.Deleted)
                SetPath(entry, scoped, paths);
            if (entry.Entity is ISharedWith shared && entry.State != EntityState.Deleted)
                shared.SharedWithPath = paths.TryGetValue(shared.SharedWithId, out var sharedPath)
                    ? sharedPath
                    : throw new Api.NotFoundException("sharedWith", "分成辖区不存在 (jurisdiction not found)");
            if (scope.SeesAll && scope.EnterpriseId is null && !scope.ReadOnly) continue;
            if (IsOwnAccount(entry, scope)) continue; // sign-in bookkeeping and password changes of the caller
            if (IsOwnRecord(entry, scope)) continue;  // the caller's own messages read and notification choices

            if (scope.ReadOnly)
                throw new ScopeViolationException("只读账号不能修改数据 (read-only account)");
            await CheckAsync(db, entry, scope, ct);
        }
    }

    /// <summary>The path is derived from the jurisdiction id here, never trusted from the caller.</summary>
    private static void SetPath(EntityEntry entry, IJurisdictionScoped scoped, IReadOnlyDictionary<Guid, string> paths)
    {
        if (entry.Entity is Modules.Jurisdictions.Jurisdiction) return; // a jurisdiction's path is its own
        if (!NeedsPath(entry, scoped)) return;
        scoped.JurisdictionPath = paths.TryGetValue(scoped.JurisdictionId, out var path)
            ? path
            : throw new Api.NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
    }

    private static bool NeedsPath(EntityEntry entry, IJurisdictionScoped scoped) =>
        entry.State == EntityState.Added || entry.Property(nameof(IJurisdictionScoped.JurisdictionId)).IsModified || scoped.JurisdictionPath.Length == 0;

    /// <summary>The paths of every jurisdiction the pending rows point to, in one query (imports save thousands at once).</summary>
    private static async Task<Dictionary<Guid, string>> PathsOf(AppDbContext db, List<EntityEntry> entries, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<Modules.Jurisdictions.Jurisdiction>().ToDictionary(j => j.Entity.Id, j => j.Entity.JurisdictionPath);
        var wanted = entries.Where(e => e.State != EntityState.Deleted && e.Entity is IJurisdictionScoped and not Modules.Jurisdictions.Jurisdiction)
            .Where(e => NeedsPath(e, (IJurisdictionScoped)e.Entity))
            .Select(e => ((IJurisdictionScoped)e.Entity).JurisdictionId)
            .Concat(entries.Where(e => e.State != EntityState.Deleted).Select(e => e.Entity).OfType<ISharedWith>().Select(s => s.SharedWithId))
            .Where(id => !tracked.ContainsKey(id));
        return await AddPathsAsync(db, tracked, wanted, ct);
    }

    private static async Task<Dictionary<Guid, string>> AddPathsAsync(AppDbContext db, Dictionary<Guid, string> paths, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count > 0)
            foreach (var row in await db.Jurisdictions.IgnoreQueryFilters([ScopeFilters.Jurisdiction]).Where(j => wanted.Contains(j.Id)).Select(j => new { j.Id, j.JurisdictionPath }).ToListAsync(ct))
                paths[row.Id] = row.JurisdictionPath;
        return paths;
    }

    /// <summary>
    /// The same rules for the rows of a bulk save, checked for the whole batch before anything of it is written: the
    /// paths of all its jurisdictions come from one query, then every row — its original and its new place, its
    /// enterprise — must lie in the scope.
    /// </summary>
    public static async Task CheckBulkAsync<T>(AppDbContext db, UserScope scope, BulkBatch<T> batch, CancellationToken ct) where T : Entity
    {
        if (typeof(T) == typeof(AuditEntry) || typeof(T) == typeof(Modules.Jurisdictions.Jurisdiction))
            throw new NotSupportedException($"{typeof(T).Name} rows are not bulk-saved");
        var pathIndex = batch.IndexOf(nameof(IJurisdictionScoped.JurisdictionPath));
        var idIndex = batch.IndexOf(nameof(IJurisdictionScoped.JurisdictionId));
        var ownerIndex = typeof(IEnterpriseOwned).IsAssignableFrom(typeof(T)) ? batch.IndexOf(OwnedByAttribute.PropertyOf(typeof(T))) : -1;
        if (typeof(IJurisdictionScoped).IsAssignableFrom(typeof(T)))
        {
            var moved = batch.Modified.Where(m => !Equals(m.Before[idIndex], ((IJurisdictionScoped)m.Row).JurisdictionId)).Select(m => m.Row);
            var placed = batch.Added.Concat(moved).Cast<IJurisdictionScoped>().ToList();
            var paths = await AddPathsAsync(db, [], placed.Select(r => r.JurisdictionId), ct);
            foreach (var row in placed)
                row.JurisdictionPath = paths.TryGetValue(row.JurisdictionId, out var path)
                    ? path
                    : throw new Api.NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        }
        if (scope.SeesAll && scope.EnterpriseId is null && !scope.ReadOnly) return;
        if (scope.ReadOnly && batch.Count > 0) throw new ScopeViolationException("只读账号不能修改数据 (read-only account)");
        foreach (var row in batch.Added)
            CheckRow(scope, typeof(T), (row as IJurisdictionScoped)?.JurisdictionPath, null, (row as IEnterpriseOwned)?.EnterpriseId, (row as IEnterpriseOwned)?.EnterpriseId);
        foreach (var m in batch.Modified)
            CheckRow(scope, typeof(T), (m.Row as IJurisdictionScoped)?.JurisdictionPath, pathIndex < 0 ? null : (string?)m.Before[pathIndex],
                (m.Row as IEnterpriseOwned)?.EnterpriseId, ownerIndex < 0 ? null : (Guid?)m.Before[ownerIndex]);
    }

    /// <summary>One row's place and owner, before and after, against the scope (the caller is neither unrestricted nor read-only).</summary>
    private static void CheckRow(UserScope scope, Type type, string? path, string? originalPath, Guid? owner, Guid? originalOwner)
    {
        if (typeof(IJurisdictionScoped).IsAssignableFrom(type))
        {
            if (originalPath is not null && !scope.Covers(originalPath)) throw OutsideScope(type);
            if (!scope.Covers(path!)) throw OutsideScope(type);
        }
        else if (!scope.SeesAll) // unscoped rows (roles, role claims, ...) are system configuration: only the root scope writes them
            throw new ScopeViolationException($"无权修改 {type.Name} (system data)");
        CheckEnterprise(scope, type, owner, originalOwner);
    }

    /// <summary>The path of every jurisdiction by id: a province-wide insert checks a million rows against them, not a query per batch.</summary>
    public static async Task<Dictionary<Guid, string>> AllPathsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Jurisdictions.IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking().ToDictionaryAsync(j => j.Id, j => j.JurisdictionPath, ct);

    /// <summary>The rules of <see cref="CheckBulkAsync{T}"/> for new rows, against the known <paramref name="paths"/>: each row's path is set from its jurisdiction, and each must lie in the scope.</summary>
    public static void CheckInserts<T>(UserScope scope, IReadOnlyList<T> rows, IReadOnlyDictionary<Guid, string> paths) where T : Entity
    {
        if (typeof(T) == typeof(AuditEntry) || typeof(T) == typeof(Modules.Jurisdictions.Jurisdiction))
            throw new NotSupportedException($"{typeof(T).Name} rows are not bulk-saved");
        foreach (var row in rows)
            if (row is IJurisdictionScoped scoped)
                scoped.JurisdictionPath = paths.TryGetValue(scoped.JurisdictionId, out var path)
                    ? path
                    : throw new Api.NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdiction not found)");
        if (scope.SeesAll && scope.EnterpriseId is null && !scope.ReadOnly) return;
        if (scope.ReadOnly && rows.Count > 0) throw new ScopeViolationException("只读账号不能修改数据 (read-only account)");
        foreach (var row in rows)
            CheckRow(scope, typeof(T), (row as IJurisdictionScoped)?.JurisdictionPath, null, (row as IEnterpriseOwned)?.EnterpriseId, (row as IEnterpriseOwned)?.EnterpriseId);
    }

    /// <summary>
    /// The caller's own account may change (password, lockout counters, stamps) — but never where it belongs: a
    /// change of jurisdiction or enterprise goes through the ordinary checks.
    /// </summary>
    private static bool IsOwnAccount(EntityEntry entry, UserScope scope) =>
        entry.Entity is Auth.AppUser user && scope.UserId is { } id && user.Id == id && entry.State == EntityState.Modified
        && !entry.Property(nameof(Auth.AppUser.JurisdictionId)).IsModified
        && !entry.Property(nameof(Auth.AppUser.JurisdictionPath)).IsModified
        && !entry.Property(nameof(Auth.AppUser.EnterpriseId)).IsModified;

    /// <summary>
    /// A row that belongs to the caller's account alone (<see cref="IUserOwned"/>: a message marked read, the channels
    /// chosen) may be added or changed by that account — a read-only leader and an enterprise user included — inside the
    /// caller's own subtree, never moved to another account.
    /// </summary>
    private static bool IsOwnRecord(EntityEntry entry, UserScope scope) =>
        entry.Entity is IUserOwned own && scope.UserId is { } id && own.UserId == id
        && entry.State is EntityState.Added or EntityState.Modified
        && !(entry.State == EntityState.Modified && entry.Property(nameof(IUserOwned.UserId)).IsModified)
        && entry.Entity is IJurisdictionScoped scoped && scope.Covers(scoped.JurisdictionPath)
        && (entry.State == EntityState.Added || scope.Covers((string)entry.Property(nameof(IJurisdictionScoped.JurisdictionPath)).OriginalValue!));

    private static async Task CheckAsync(AppDbContext db, EntityEntry entry, UserScope scope, CancellationToken ct)
    {
        if (entry.Entity is IdentityUserRole<Guid> or IdentityUserClaim<Guid> or IdentityUserLogin<Guid> or IdentityUserToken<Guid>)
        {
            // An account's roles, claims, logins and tokens are scoped like the account itself.
            var userId = (Guid)entry.Property("UserId").CurrentValue!;
            var path = db.ChangeTracker.Entries<Auth.AppUser>().FirstOrDefault(u => u.Entity.Id == userId)?.Entity.JurisdictionPath
                       ?? await db.Users.IgnoreQueryFilters([ScopeFilters.Jurisdiction]).Where(u => u.Id == userId).Select(u => u.JurisdictionPath).FirstOrDefaultAsync(ct);
            if (path is null || !scope.Covers(path)) throw OutsideScope(entry.Metadata.ClrType);
            CheckEnterprise(scope, entry.Metadata.ClrType, null, null);
            return;
        }
        var type = entry.Metadata.ClrType;
        var original = entry.State == EntityState.Added || entry.Entity is not IJurisdictionScoped
            ? null
            : (string?)entry.Property(nameof(IJurisdictionScoped.JurisdictionPath)).OriginalValue;
        var owned = entry.Entity as IEnterpriseOwned;
        var originalOwner = owned is null || entry.State == EntityState.Added
            ? owned?.EnterpriseId
            : (Guid?)entry.Property(OwnedByAttribute.PropertyOf(type)).OriginalValue;
        CheckRow(scope, type, (entry.Entity as IJurisdictionScoped)?.JurisdictionPath, original, owned?.EnterpriseId, originalOwner);
    }

    private static void CheckEnterprise(UserScope scope, Type type, Guid? owner, Guid? originalOwner)
    {
        if (scope.EnterpriseId is not { } own) return;
        if (!typeof(IEnterpriseOwned).IsAssignableFrom(type))
            throw new ScopeViolationException($"企业用户不能修改 {type.Name} (enterprise users change only their enterprise's records)");
        if (owner != own || originalOwner != own)
            throw new ScopeViolationException("只能修改本企业的数据 (only your own enterprise's records)");
    }

    private static ScopeViolationException OutsideScope(Type type) =>
        new($"无权修改本辖区以外的数据：{type.Name} (outside your jurisdiction)");
}
