using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Audit;

/// <summary>
/// The drift report (<c>verify-audit --drift</c>): the last audited state of every row of <see cref="Checked"/> is
/// rebuilt from the log (an insert gives the fields it was given, each update its "after" values, a delete removes the
/// row), then each stored row is compared with it field by field. A row edited, inserted or deleted by SQL behind the
/// application's back — an enterprise renamed in the database — differs from its audited state and is reported. The
/// cost is one pass over the whole log (already made by <c>verify-audit</c>) plus one over each checked table, and the
/// audited fields of the checked rows held in memory; so it covers the registers people are judged by, not every table
/// (see docs/security.md, 安全审计).
/// </summary>
public sealed class AuditDrift
{
    /// <summary>The checked entity types: the master registers (places, units, enterprises) and the chain and project
    /// records. Derived rows (statistics), sealed rows (a run's results) and high-volume detail rows are left out.</summary>
    public static readonly IReadOnlyList<Type> Checked =
    [
        typeof(Jurisdictions.Jurisdiction), typeof(Jurisdictions.GovernmentUnit), typeof(Enterprises.Enterprise),
        typeof(Chains.Chain), typeof(Chains.ChainNode), typeof(Projects.Project), typeof(Policies.PolicyDocument),
    ];

    private static readonly HashSet<string> CheckedNames = [.. Checked.Select(t => t.Name)];

    /// <summary>Per type name, per row key: each audited field's last value as the log wrote it (JSON).</summary>
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> audited = new(StringComparer.Ordinal);

    public sealed record Difference(string EntityType, string EntityKey, string? Field, string Reason);

    /// <summary>Applies one entry of the log (in sequence order).</summary>
    public void Apply(AuditEntry entry)
    {
        if (!CheckedNames.Contains(entry.EntityType)) return;
        if (!audited.TryGetValue(entry.EntityType, out var rows)) audited[entry.EntityType] = rows = new(StringComparer.Ordinal);
        if (entry.Action == "Deleted")
        {
            rows.Remove(entry.EntityKey);
            return;
        }
        if (entry.Action == "Added" || !rows.TryGetValue(entry.EntityKey, out var fields))
            rows[entry.EntityKey] = fields = new(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(entry.Changes);
        foreach (var field in json.RootElement.EnumerateObject())
            if (field.Value.TryGetProperty("after", out var after)) fields[field.Name] = after.GetRawText();
    }

    /// <summary>Compares every stored row of the checked types with its audited state.</summary>
    public async Task<List<Difference>> CompareAsync(AppDbContext db, CancellationToken ct)
    {
        var differences = new List<Difference>();
        foreach (var type in Checked)
        {
            var compare = typeof(AuditDrift).GetMethod(nameof(CompareTypeAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type);
            await (Task)compare.Invoke(this, [db, differences, ct])!;
        }
        return differences;
    }

    private async Task CompareTypeAsync<T>(AppDbContext db, List<Difference> differences, CancellationToken ct) where T : class
    {
        var rows = audited.GetValueOrDefault(typeof(T).Name) ?? new(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var key = entityType.FindPrimaryKey()!.Properties;
        // Tracked, one row at a time and detached after: shadow properties are read too, and memory stays flat.
        await foreach (var row in db.Set<T>().AsTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var entry = db.Entry(row);
            var keyText = AuditTrail.KeyText(key.Select(k => entry.Property(k.Name).CurrentValue));
            seen.Add(keyText);
            if (!rows.TryGetValue(keyText, out var fields))
                differences.Add(new(typeof(T).Name, keyText, null, "数据库中有此记录，审计日志中没有 (row not in the audit log: inserted outside the application)"));
            else
                foreach (var property in entityType.GetProperties())
                {
                    if (AuditTrail.IsMasked(typeof(T), property.Name)) continue;
                    if (!Same(property, fields.GetValueOrDefault(property.Name), entry.Property(property.Name).CurrentValue))
                        differences.Add(new(typeof(T).Name, keyText, property.Name, "字段值与最后一次审计记录不符 (value differs from its last audited value: edited outside the application)"));
                }
            entry.State = EntityState.Detached;
        }
        foreach (var missing in rows.Keys.Where(k => !seen.Contains(k)).Order(StringComparer.Ordinal))
            differences.Add(new(typeof(T).Name, missing, null, "审计日志中有此记录，数据库中已没有 (row deleted outside the application)"));
    }

    /// <summary>
    /// Whether a stored value is the audited one. The log's text is compared first; failing that, the value it means:
    /// amounts by value (SQLite gives back 12.5 for 12.50), times to the microsecond (what PostgreSQL keeps).
    /// </summary>
    private static bool Same(IProperty property, string? auditedJson, object? stored)
    {
        if (auditedJson is null or "null") return stored is null; // an insert lists only the fields it was given
        if (stored is null) return false;
        if (AuditTrail.ValueJson(stored) == auditedJson) return true;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        try
        {
            return stored switch
            {
                decimal amount => JsonSerializer.Deserialize<decimal>(auditedJson) == amount,
                DateTimeOffset time => JsonSerializer.Deserialize<DateTimeOffset>(auditedJson).UtcTicks / 10 == time.UtcTicks / 10,
                DateTime time => JsonSerializer.Deserialize<DateTime>(auditedJson).Ticks / 10 == time.Ticks / 10,
                double number => JsonSerializer.Deserialize<double>(auditedJson).Equals(number),
                _ => type.IsEnum && JsonSerializer.Deserialize<long>(auditedJson) == Convert.ToInt64(stored, System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
