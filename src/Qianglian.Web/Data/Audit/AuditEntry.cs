using Qianglian.Core.Audit;

namespace Qianglian.Web.Data;

/// <summary>
/// One append-only audit record: who changed which row when, and each changed field before/after (JSON).
/// Never updated or deleted through the application; <see cref="AuditChain"/> links it to its predecessor with a MAC
/// over every column.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid? UserId { get; init; }
    public string UserName { get; init; } = "";
    public string EntityType { get; init; } = "";
    public string EntityKey { get; init; } = "";
    public string Action { get; init; } = "";
    public string Changes { get; init; } = "{}";

    /// <summary>Path of the audited row's jurisdiction ("/" for unscoped rows): the audit page is scoped by it.</summary>
    public string JurisdictionPath { get; init; } = UserScope.Root;

    /// <summary>The id of the key (in the key directory, outside the database) whose MAC <see cref="Hash"/> is; null for
    /// entries written before the chain was keyed, which carry a plain SHA-256 hash (see <see cref="AuditKeyRing"/>).</summary>
    public string? KeyId { get; init; }
    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";

    public AuditRecord ToRecord() =>
        new(Sequence, At, UserName, EntityType, EntityKey, Action, Changes, JurisdictionPath, PreviousHash, UserId, KeyId);
}
