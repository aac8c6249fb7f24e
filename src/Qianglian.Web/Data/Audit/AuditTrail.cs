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
        var changes = entry.Properties
            .Where(p => entry.State != EntityState.Modified || p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => (p.Metadata.Name, entry.State == EntityState.Added ? null : p.OriginalValue, entry.State == EntityState.Deleted ? null : p.CurrentValue))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        if (entry.State == EntityState.Modified && changes.Count == 0) return null;

        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue);
        var path = entry.Entity is IJurisdictionScoped scoped
            ? (entry.State == EntityState.Deleted ? (string)entry.Property(nameof(IJurisdictionScoped.JurisdictionPath)).OriginalValue! : scoped.JurisdictionPath)
            : UserScope.Root;
        return Describe(entry.Metadata.ClrType, key, entry.State, changes, path);
    }

    /// <summary>The rows of a bulk save, described exactly as a tracked save of the same rows would be.</summary>
    public static List<Pending> Capture<T>(BulkBatch<T> batch) where T : Entity
    {
        var key = batch.Type.FindPrimaryKey()!.Properties;
        var byName = Enumerable.Range(0, batch.Properties.Count).OrderBy(i => batch.Properties[i].Name, StringComparer.Ordinal).ToArray();
        var pending = new List<Pending>(batch.Count);
        foreach (var row in batch.Added)
            pending.Add(Describe(typeof(T), key.Select(k => BulkRow.Value(k, row)), EntityState.Added,
                byName.Select(i => (batch.Properties[i].Name, (object?)null, BulkRow.Value(batch.Properties[i], row))), PathOf(row)));
        foreach (var update in batch.Modified)
        {
            var changed = batch.Changed(update).ToHashSet();
            pending.Add(Describe(typeof(T), key.Select(k => BulkRow.Value(k, update.Row)), EntityState.Modified,
                byName.Where(changed.Contains).Select(i => (batch.Properties[i].Name, update.Before[i], BulkRow.Value(batch.Properties[i], update.Row))), PathOf(update.Row)));
        }
        return pending;
    }

    private static string PathOf(object row) => row is IJurisdictionScoped scoped ? scoped.JurisdictionPath : UserScope.Root;

    private static Pending Describe(Type entityType, IEnumerable<object?> key, EntityState action, IEnumerable<(string Name, object? Before, object? After)> values, string path) =>
        new(entityType.Name, KeyText(key), action.ToString(),
            ChangesJson(values, MaskedOf(entityType), action), path);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, HashSet<string>> MaskedByType = new();

    /// <summary>The fields whose values the log must not hold: credentials by name, personal contact data
    /// (<see cref="Protection.PersonalDataFields"/>: the log is not encrypted) and any property marked [AuditMasked].</summary>
    private static HashSet<string> MaskedOf(Type type) => MaskedByType.GetOrAdd(type, t => new HashSet<string>(
        Masked.Concat(Protection.PersonalDataFields.PropertiesOf(t)).Concat(t.GetProperties().Where(p => p.IsDefined(typeof(AuditMaskedAttribute), inherit: false)).Select(p => p.Name))
            // An account's tokens are its authenticator key and recovery codes: the log records that they changed, not what they are.
            .Concat(typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>).IsAssignableFrom(t) ? ["Value"] : []), StringComparer.Ordinal));

    /// <summary>
    /// Each changed field as <c>{"Field":{"before":…,"after":…}}</c>, fields in ordinal order (as given), Chinese unescaped —
    /// the JSON the audit page shows. A new row records the value of each field it was given (<c>{"after":…}</c>; a field
    /// left empty is not listed), a deleted row the value each field had (<c>{"before":…}</c>): the other side would be
    /// null throughout, and an import logs a hundred thousand new rows at once. Written directly with one reused writer
    /// per thread; any value type without a fast path goes through the serializer, so the text is what serializing the
    /// same values would give.
    /// </summary>
    private static string ChangesJson(IEnumerable<(string Name, object? Before, object? After)> values, HashSet<string> maskedFields, EntityState action)
    {
        var buffer = jsonBuffer ??= new System.Buffers.ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = jsonWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder });
        json.Reset(buffer);
        json.WriteStartObject();
        foreach (var (name, before, after) in values)
        {
            if (action == EntityState.Added && after is null || action == EntityState.Deleted && before is null) continue;
            var masked = maskedFields.Contains(name);
            json.WritePropertyName(name);
            json.WriteStartObject();
            if (action != EntityState.Added)
            {
                json.WritePropertyName("before");
                WriteValue(json, masked && before is not null ? "***" : before);
            }
            if (action != EntityState.Deleted)
            {
                json.WritePropertyName("after");
                WriteValue(json, masked && after is not null ? "***" : after);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.Flush();
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Whether the log records this field of this type only as "***".</summary>
    internal static bool IsMasked(Type entityType, string field) => MaskedOf(entityType).Contains(field);

    /// <summary>A value as the log writes it (the drift report compares stored rows with the log through it).</summary>
    internal static string ValueJson(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder })) WriteValue(json, value);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The log's key text of a row: its key values joined by commas, invariant.</summary>
    internal static string KeyText(IEnumerable<object?> key) =>
        string.Join(",", key.Select(k => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture)));

    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? jsonBuffer;
    [ThreadStatic] private static Utf8JsonWriter? jsonWriter;

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case Guid id: json.WriteStringValue(id); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case int number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case decimal amount: json.WriteNumberValue(amount); break;
            case Enum when Type.GetTypeCode(value.GetType()) == TypeCode.Int32: json.WriteNumberValue((int)value); break;
            default: JsonSerializer.Serialize(json, value, value.GetType(), Json); break;
        }
    }

    /// <summary>Appends the captured changes after the current head of the chain. Call inside the transaction
    /// that holds the audit lock, so no concurrent save reads the same head.</summary>
    public static async Task AppendAsync(AppDbContext db, IReadOnlyList<Pending> pending, UserScope scope, DateTimeOffset now, CancellationToken ct)
    {
        if (pending.Count == 0) return;
        var head = await HeadAsync(db, ct);
        db.AuditEntries.AddRange(Link(pending, head, scope, now, db.AuditKeys.Current(head.Sequence)));
    }

    /// <summary>The sequence number and hash of the newest entry (zero and the genesis hash for an empty log).</summary>
    public static async Task<(long Sequence, string Hash)> HeadAsync(AppDbContext db, CancellationToken ct)
    {
        var head = await db.AuditEntries.IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        return head is null ? (0, AuditChain.Genesis) : (head.Sequence, head.Hash);
    }

    /// <summary>The entries of the captured changes, each linked to the one before, starting after <paramref name="head"/>,
    /// each signed with <paramref name="key"/>.</summary>
    public static List<AuditEntry> Link(IReadOnlyList<Pending> pending, (long Sequence, string Hash) head, UserScope scope, DateTimeOffset now, IAuditKey key)
    {
        var entries = new List<AuditEntry>(pending.Count);
        var (sequence, previousHash) = head;
        // Millisecond precision survives a round trip through both SQLite and PostgreSQL unchanged.
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        foreach (var p in pending)
        {
            var record = new AuditRecord(++sequence, at, scope.UserName, p.EntityType, p.EntityKey, p.Action, p.Changes, p.JurisdictionPath, previousHash,
                scope.UserId, key.Id);
            var hash = AuditChain.Mac(record, key);
            entries.Add(new AuditEntry
            {
                Sequence = record.Sequence, At = at, UserId = scope.UserId, UserName = scope.UserName,
                EntityType = p.EntityType, EntityKey = p.EntityKey, Action = p.Action, Changes = p.Changes,
                JurisdictionPath = p.JurisdictionPath, KeyId = key.Id, PreviousHash = previousHash, Hash = hash,
            });
            previousHash = hash;
        }
        return entries;
    }
}
