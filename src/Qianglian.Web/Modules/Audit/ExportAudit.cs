using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Audit;

/// <summary>
/// <c>audit-export FILE</c>: writes the whole log, in sequence order, as JSON lines — one entry per line with every
/// column, chain fields (key id, previous hash, hash) included — for archiving. The archive verifies without the
/// database (<c>verify-audit --archive FILE</c>, with the key directory); the log itself is never deleted (retention:
/// docs/security.md, 安全审计).
/// </summary>
public sealed class ExportAudit(DatabaseOptions database, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<(long Count, AuditEntry? Last)> Handle(string file, CancellationToken ct)
    {
        await using var db = database.Create(UserScope.System, clock);
        var temporary = file + ".partial";
        long count = 0;
        AuditEntry? last = null;
        await using (var output = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
        {
            await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(entry, Json));
                (count, last) = (count + 1, entry);
            }
        }
        File.Move(temporary, file, overwrite: true); // an interrupted export leaves no file that looks complete
        return (count, last);
    }

    /// <summary>The entries of an archive, in the order written.</summary>
    public static async IAsyncEnumerable<AuditEntry> ReadAsync(string file, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var input = new StreamReader(file);
        while (await input.ReadLineAsync(ct) is { } line)
            if (line.Length > 0) yield return JsonSerializer.Deserialize<AuditEntry>(line, Json) ?? throw new InvalidDataException("empty archive line");
    }
}
