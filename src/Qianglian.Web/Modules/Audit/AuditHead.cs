using System.Text.Json;

namespace Qianglian.Web.Modules.Audit;

/// <summary>
/// The head of the chain — the newest entry's sequence and MAC — kept outside the database (written by
/// <c>audit-head FILE</c>, e.g. daily to a write-once store). Whoever deletes the newest entries leaves a shorter chain
/// that is valid in itself; <c>verify-audit --head FILE</c> finds it, because the kept entry is gone or differs.
/// </summary>
public sealed record AuditHead(long Sequence, string Hash, DateTimeOffset WrittenAt)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static AuditHead Read(string file) =>
        JsonSerializer.Deserialize<AuditHead>(File.ReadAllText(file), Json) ?? throw new InvalidOperationException($"{file} holds no audit head");

    public void Write(string file) => File.WriteAllText(file, JsonSerializer.Serialize(this, Json));
}
