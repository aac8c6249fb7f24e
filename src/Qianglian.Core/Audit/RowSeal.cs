using System.Security.Cryptography;
using System.Text;

namespace Qianglian.Core.Audit;

/// <summary>
/// A digest that seals a set of rows written together (a run's million results): one audit entry records it instead
/// of an entry per row, and re-computing it from the rows as stored shows whether any was changed, added or removed.
/// Each row is hashed from its fields (SHA-256, fields joined by a unit separator, null distinct from empty); the seal
/// is SHA-256 over the count and the row hashes in byte order, so it does not depend on the order rows are read in.
/// </summary>
public static class RowSeal
{
    private const byte Separator = 0x1f;
    private const byte Null = 0x00;

    /// <summary>The hash of one row's fields, in a fixed order.</summary>
    public static byte[] Row(ReadOnlySpan<string?> fields)
    {
        var length = fields.Length;
        foreach (var field in fields) length += field is null ? 1 : Encoding.UTF8.GetMaxByteCount(field.Length);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            foreach (var field in fields)
            {
                if (written > 0) buffer[written++] = Separator;
                if (field is null) buffer[written++] = Null;
                else written += Encoding.UTF8.GetBytes(field, buffer.AsSpan(written));
            }
            return SHA256.HashData(buffer.AsSpan(0, written));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The seal of rows given by their <see cref="Row"/> hashes, in any order (the list is sorted in place).</summary>
    public static string Of(List<byte[]> rowHashes)
    {
        rowHashes.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(rowHashes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var hash in rowHashes) sha.AppendData(hash);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
