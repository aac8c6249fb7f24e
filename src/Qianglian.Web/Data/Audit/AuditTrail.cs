using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Qianglian.Core.Audit;

namespace Qianglian.Web.Data;

/// <summary>
/// A property the audit log records only as present or absent ("***"): file contents, whose hash is kept in another,
/// audited property. The log stays small and still proves what was stored.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditMaskedAttribute : Attribute;

/// <summary>
/// Turns the pending changes of a save into audit entries appended to the hash chain, inside the save's
/// transaction. Entries are captured before the save (afterwards the original values are gone).
/// </summary>
internal static class AuditTrail
{
    private static readonly HashSet<string> Masked = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Chinese readable in the log
    };

    public sealed record Pending(string EntityType, string EntityKey, string Action, string Changes, string JurisdictionPath);

    public static List<Pending> Capture(ChangeTracker tracker) =>
        tracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(Describe)
            .Where(p => p is not null)
            .Select(p => p!)
            .ToList();

    private static Pending? Describe(EntityEntry entry)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(before, after))) continue;
            changes[name] = Masked.Contains(name) || property.Metadata.PropertyInfo?.IsDefined(typeof(AuditMaskedAttribute), inherit: false) == true
                ? new { before = before is null ? null : "***", after = after is null ? null : "***" }
                : new { before, after };
        }
        if (entry.State == EntityState.Modified && changes.Count == 0) return null;

        var key = entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture));
        var path = entry.Entity is IJurisdictionScoped scoped
            ? (entry.State == EntityState.Deleted ? (string)entry.Property(nameof(IJurisdictionScoped.JurisdictionPath)).OriginalValue! : scoped.JurisdictionPath)
            : UserScope.Root;
        return new Pending(entry.Metadata.ClrType.Name, string.Join(",", key), entry.State.ToString(),
            JsonSerializer.Serialize(changes, Json), path);
    }

    /// <summary>Appends the captured changes after the current head of the chain. Call inside the transaction
    /// that holds the audit lock, so no concurrent save reads the same head.</summary>
    public static async Task AppendAsync(AppDbContext db, IReadOnlyList<Pending> pending, UserScope scope, DateTimeOffset now, CancellationToken ct)
    {
        if (pending.Count == 0) return;
        var head = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? AuditChain.Genesis;
        // Millisecond precision survives a round trip through both SQLite and PostgreSQL unchanged.
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        foreach (var p in pending)
        {
            var record = new AuditRecord(++sequence, at, scope.UserName, p.EntityType, p.EntityKey, p.Action, p.Changes, p.JurisdictionPath, previousHash);
            var hash = AuditChain.Hash(record);
            db.AuditEntries.Add(new AuditEntry
            {
                Sequence = record.Sequence, At = at, UserId = scope.UserId, UserName = scope.UserName,
                EntityType = p.EntityType, EntityKey = p.EntityKey, Action = p.Action, Changes = p.Changes,
                JurisdictionPath = p.JurisdictionPath, PreviousHash = previousHash, Hash = hash,
            });
            previousHash = hash;
        }
    }
}
