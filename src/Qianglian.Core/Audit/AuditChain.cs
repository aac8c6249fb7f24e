using System.Security.Cryptography;
using System.Text;

namespace Qianglian.Core.Audit;

/// <summary>
/// Every column of one audit entry except its own hash, in a fixed order. <see cref="UserId"/> and <see cref="KeyId"/>
/// are covered only by the keyed MAC (<see cref="AuditChain.Mac"/>); entries written before the chain was keyed have no
/// key id and are hashed without them (<see cref="AuditChain.Hash"/>).
/// </summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    string UserName,
    string EntityType,
    string EntityKey,
    string Action,
    string Changes,
    string JurisdictionPath,
    string PreviousHash,
    Guid? UserId = null,
    string? KeyId = null);

/// <summary>
/// A secret key of the audit chain, kept outside the database: whoever can write the database but not read the key
/// cannot make an entry that verifies. <see cref="Mac"/> writes a 32-byte message authentication code (HMAC-SHA256 or
/// HMAC-SM3, GB/T 32905-2016 with the HMAC construction of GB/T 15852.2 / RFC 2104).
/// </summary>
public interface IAuditKey
{
    string Id { get; }

    void Mac(ReadOnlySpan<byte> message, Span<byte> mac);
}

/// <summary>
/// The append-only audit log is a chain: each entry stores a MAC over all its own columns and the previous entry's
/// hash, so editing or deleting any entry breaks every link after it, and without the key nobody can recompute them.
/// </summary>
public static class AuditChain
{
    /// <summary>Hash of the (non-existent) entry before the first one.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public const int MacSize = 32;

    /// <summary>
    /// The unkeyed hash of entries written before the chain was keyed: SHA-256 over the UTF-8 of the fields joined by
    /// unit separators (which cannot occur in the fields' text, so no two field lists serialise alike), in the order of
    /// <see cref="AuditRecord"/> up to <see cref="AuditRecord.PreviousHash"/>. Kept only to verify those entries.
    /// </summary>
    public static string Hash(AuditRecord r) => Compute(r, keyed: null);

    /// <summary>
    /// The keyed MAC of an entry: <paramref name="key"/>'s MAC over every column — sequence, time, user id, user name,
    /// entity, key, action, changes, jurisdiction, key id, previous hash — encoded as for <see cref="Hash"/> (a null
    /// user id is the empty field; ids as 32 lower-case hex digits). Encoded field by field into one pooled buffer rather
    /// than through a joined string: imports sign a hundred thousand entries at once.
    /// </summary>
    public static string Mac(AuditRecord r, IAuditKey key)
    {
        if (r.KeyId != key.Id) throw new ArgumentException($"entry names key {r.KeyId}, not {key.Id}", nameof(key));
        return Compute(r, key);
    }

    private static string Compute(AuditRecord r, IAuditKey? keyed)
    {
        Span<char> sequence = stackalloc char[20];
        r.Sequence.TryFormat(sequence, out var sequenceLength, default, System.Globalization.CultureInfo.InvariantCulture);
        Span<char> at = stackalloc char[24];
        r.At.UtcDateTime.TryFormat(at, out var atLength, "yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var userId = keyed is null ? null : r.UserId?.ToString("N") ?? "";
        ReadOnlySpan<string> text = keyed is null
            ? [r.UserName, r.EntityType, r.EntityKey, r.Action, r.Changes, r.JurisdictionPath, r.PreviousHash]
            : [userId!, r.UserName, r.EntityType, r.EntityKey, r.Action, r.Changes, r.JurisdictionPath, r.KeyId ?? "", r.PreviousHash];
        var length = sequenceLength + atLength + text.Length + 1;
        foreach (var field in text) length += field.Length;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(sequence[..sequenceLength], buffer);
            buffer[written++] = Separator;
            written += Encoding.UTF8.GetBytes(at[..atLength], buffer.AsSpan(written));
            foreach (var field in text)
            {
                buffer[written++] = Separator;
                written += Encoding.UTF8.GetBytes(field, buffer.AsSpan(written));
            }
            Span<byte> digest = stackalloc byte[MacSize];
            if (keyed is null) SHA256.HashData(buffer.AsSpan(0, written), digest);
            else keyed.Mac(buffer.AsSpan(0, written), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const byte Separator = 0x1f;

    /// <summary>Checks a whole unkeyed chain in sequence order; returns the first broken link, or null when intact.</summary>
    public static AuditBreak? Verify(IEnumerable<(AuditRecord Record, string StoredHash)> entries) =>
        Verify(entries, AuditChainVerifier.NoKeys, unkeyedUntil: long.MaxValue);

    /// <inheritdoc cref="AuditChainVerifier(Func{string, IAuditKey?}, long)"/>
    public static AuditBreak? Verify(IEnumerable<(AuditRecord Record, string StoredHash)> entries, Func<string, IAuditKey?> keys, long unkeyedUntil)
    {
        var verifier = new AuditChainVerifier(keys, unkeyedUntil);
        foreach (var (record, storedHash) in entries)
            if (verifier.Next(record, storedHash) is { } broken) return broken;
        return null;
    }
}

/// <summary>
/// Checks entries one at a time, in sequence order, so a long log can be streamed. Detects edited fields, edited
/// hashes, deleted entries (a gap in the sequence or a previous-hash mismatch), reordered entries, entries recomputed
/// without the key, and keyed entries turned back into unkeyed ones.
/// </summary>
/// <param name="keys">The keys by id (from the key directory); null when a key is missing.</param>
/// <param name="unkeyedUntil">The last sequence written before the chain was keyed (recorded with the first key,
/// outside the database): an unkeyed entry after it is a forgery that dropped the key.</param>
public sealed class AuditChainVerifier(Func<string, IAuditKey?> keys, long unkeyedUntil)
{
    public static IAuditKey? NoKeys(string id) => null;

    private string previousHash = AuditChain.Genesis;
    private long? previousSequence;

    /// <summary>How many entries were unkeyed (protected by the plain hash chain only).</summary>
    public long Unkeyed { get; private set; }

    /// <summary>Continues a chain whose earlier entries were checked elsewhere (an archive that starts later).</summary>
    public void StartAfter(long sequence, string hash) => (previousSequence, previousHash) = (sequence, hash);

    public AuditBreak? Next(AuditRecord record, string storedHash)
    {
        if (previousSequence is { } p && record.Sequence != p + 1)
            return new AuditBreak(record.Sequence, $"序号不连续：{p} 之后是 {record.Sequence}，有记录被删除 (sequence gap: entries deleted)");
        if (previousSequence is null && record.Sequence != 1)
            return new AuditBreak(record.Sequence, $"日志不是从第1条开始，前面的记录被删除 (log does not start at 1: entries deleted)");
        if (record.PreviousHash != previousHash)
            return new AuditBreak(record.Sequence, "前序哈希与上一条记录不符 (previous-hash link broken)");
        if (record.KeyId is null)
        {
            if (record.Sequence > unkeyedUntil)
                return new AuditBreak(record.Sequence, "启用密钥后出现未加密钥的记录，记录被伪造 (unkeyed entry after the chain was keyed: forged)");
            if (AuditChain.Hash(record) != storedHash)
                return new AuditBreak(record.Sequence, "记录内容与其哈希不符，记录已被篡改 (entry content does not match its hash)");
            Unkeyed++;
        }
        else
        {
            if (keys(record.KeyId) is not { } key)
                return new AuditBreak(record.Sequence, $"找不到密钥 {record.KeyId}，无法验证 (key {record.KeyId} not in the key directory)");
            if (AuditChain.Mac(record, key) != storedHash)
                return new AuditBreak(record.Sequence, "记录内容与其消息鉴别码不符，记录已被篡改或未用密钥重算 (entry does not match its keyed MAC: edited, or recomputed without the key)");
        }
        previousHash = storedHash;
        previousSequence = record.Sequence;
        return null;
    }
}

public sealed record AuditBreak(long Sequence, string Reason);
