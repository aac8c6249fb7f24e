using System.Security.Cryptography;
using System.Text;

namespace Qianglian.Core.Audit;

/// <summary>The fields of one audit entry that its hash covers, in a fixed order.</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    string UserName,
    string EntityType,
    string EntityKey,
    string Action,
    string Changes,
    string JurisdictionPath,
    string PreviousHash);

/// <summary>
/// The append-only audit log is a hash chain: each entry stores SHA-256 over its own fields and the previous
/// entry's hash, so editing or deleting any entry breaks every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>Hash of the (non-existent) entry before the first one.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256 over the UTF-8 of the fields joined by unit separators (which cannot occur in the fields' text, so no two
    /// field lists serialise alike), in the order of <see cref="AuditRecord"/>. Encoded field by field into one pooled
    /// buffer rather than through a joined string: imports hash a hundred thousand entries at once.
    /// </summary>
    public static string Hash(AuditRecord r)
    {
        Span<char> sequence = stackalloc char[20];
        r.Sequence.TryFormat(sequence, out var sequenceLength, default, System.Globalization.CultureInfo.InvariantCulture);
        Span<char> at = stackalloc char[24];
        r.At.UtcDateTime.TryFormat(at, out var atLength, "yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        ReadOnlySpan<string> text = [r.UserName, r.EntityType, r.EntityKey, r.Action, r.Changes, r.JurisdictionPath, r.PreviousHash];
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
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const byte Separator = 0x1f;

    /// <summary>Checks a whole chain in sequence order; returns the first broken link, or null when intact.</summary>
    public static AuditBreak? Verify(IEnumerable<(AuditRecord Record, string StoredHash)> entries)
    {
        var verifier = new AuditChainVerifier();
        foreach (var (record, storedHash) in entries)
            if (verifier.Next(record, storedHash) is { } broken) return broken;
        return null;
    }
}

/// <summary>
/// Checks entries one at a time, in sequence order, so a long log can be streamed. Detects edited fields, edited
/// hashes, deleted entries (a gap in the sequence or a previous-hash mismatch) and reordered entries.
/// </summary>
public sealed class AuditChainVerifier
{
    private string previousHash = AuditChain.Genesis;
    private long? previousSequence;

    public AuditBreak? Next(AuditRecord record, string storedHash)
    {
        if (previousSequence is { } p && record.Sequence != p + 1)
            return new AuditBreak(record.Sequence, $"序号不连续：{p} 之后是 {record.Sequence}，有记录被删除 (sequence gap: entries deleted)");
        if (previousSequence is null && record.Sequence != 1)
            return new AuditBreak(record.Sequence, $"日志不是从第1条开始，前面的记录被删除 (log does not start at 1: entries deleted)");
        if (record.PreviousHash != previousHash)
            return new AuditBreak(record.Sequence, "前序哈希与上一条记录不符 (previous-hash link broken)");
        if (AuditChain.Hash(record) != storedHash)
            return new AuditBreak(record.Sequence, "记录内容与其哈希不符，记录已被篡改 (entry content does not match its hash)");
        previousHash = storedHash;
        previousSequence = record.Sequence;
        return null;
    }
}

public sealed record AuditBreak(long Sequence, string Reason);
