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

            if (scope.ReadOnly)
                throw new ScopeViolationException("只读账号不能修改数据 (read-only account)");
            await CheckJurisdictionAsync(db, entry, scope, ct);
            CheckEnterprise(entry, scope);
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
            .Where(id => !tracked.ContainsKey(id)).Distinct().ToList();
        if (wanted.Count > 0)
            foreach (var row in await db.Jurisdictions.IgnoreQueryFilters().Where(j => wanted.Contains(j.Id)).Select(j => new { j.Id, j.JurisdictionPath }).ToListAsync(ct))
                tracked[row.Id] = row.JurisdictionPath;
        return tracked;
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

    private static async Task CheckJurisdictionAsync(AppDbContext db, EntityEntry entry, UserScope scope, CancellationToken ct)
    {
        if (entry.Entity is IdentityUserRole<Guid> or IdentityUserClaim<Guid> or IdentityUserLogin<Guid> or IdentityUserToken<Guid>)
        {
            // An account's roles, claims, logins and tokens are scoped like the account itself.
            var userId = (Guid)entry.Property("UserId").CurrentValue!;
            var path = db.ChangeTracker.Entries<Auth.AppUser>().FirstOrDefault(u => u.Entity.Id == userId)?.Entity.JurisdictionPath
                       ?? await db.Users.IgnoreQueryFilters().Where(u => u.Id == userId).Select(u => u.JurisdictionPath).FirstOrDefaultAsync(ct);
            if (path is null || !scope.Covers(path)) throw OutsideScope(entry);
            return;
        }
        if (entry.Entity is not IJurisdictionScoped scoped)
        {
            // Unscoped rows (roles, role claims, ...) are system configuration: only the root scope writes them.
            if (!scope.SeesAll)
                throw new ScopeViolationException($"无权修改 {entry.Metadata.ClrType.Name} (system data)");
            return;
        }
        var pathProperty = entry.Property(nameof(IJurisdictionScoped.JurisdictionPath));
        var original = (string?)pathProperty.OriginalValue;
        if (entry.State != EntityState.Added && original is not null && !scope.Covers(original))
            throw OutsideScope(entry);
        if (!scope.Covers(scoped.JurisdictionPath))
            throw OutsideScope(entry);
    }

    private static void CheckEnterprise(EntityEntry entry, UserScope scope)
    {
        if (scope.EnterpriseId is not { } own) return;
        if (entry.Entity is not IEnterpriseOwned owned)
            throw new ScopeViolationException($"企业用户不能修改 {entry.Metadata.ClrType.Name} (enterprise users change only their enterprise's records)");
        var ownerProperty = OwnedByAttribute.PropertyOf(entry.Metadata.ClrType);
        var original = entry.State == EntityState.Added
            ? owned.EnterpriseId
            : (Guid?)entry.Property(ownerProperty).OriginalValue;
        if (owned.EnterpriseId != own || original != own)
            throw new ScopeViolationException("只能修改本企业的数据 (only your own enterprise's records)");
    }

    private static ScopeViolationException OutsideScope(EntityEntry entry) =>
        new($"无权修改本辖区以外的数据：{entry.Metadata.ClrType.Name} (outside your jurisdiction)");
}
