using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qianglian.Core.Audit;

/// <summary>
/// A digest that seals a set of rows written together (a run's million results): one audit entry records it instead
/// of an entry per row, and re-computing it from the rows as stored shows whether any was changed, added or removed.
/// Each row is hashed from its fields (SHA-256 over their UTF-8 text joined by a unit separator, null distinct from
/// empty); the seal is SHA-256 over the count and the row hashes in byte order, so it does not depend on the order
/// rows are read in.
/// </summary>
public static class RowSeal
{
    internal const byte Separator = 0x1f;
    internal const byte Null = 0x00;

    /// <summary>The hash of one row's fields, in a fixed order.</summary>
    public static byte[] Row(ReadOnlySpan<string?> fields)
    {
        var row = new RowSealBuilder();
        foreach (var field in fields) row.Add(field);
        return row.Hash();
    }

    /// <summary>The seal of rows given by their row hashes, in any order (the list is sorted in place).</summary>
    public static string Of(List<byte[]> rowHashes)
    {
        rowHashes.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(rowHashes.Count.ToString(CultureInfo.InvariantCulture)));
        foreach (var hash in rowHashes) sha.AppendData(hash);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>
/// One row's fields written for <see cref="RowSeal"/> straight into a buffer, in the canonical text of each type — ids
/// as 32 lower-case hex digits, amounts with two decimals, numbers invariant — without a string per field: a province's
/// run seals a million rows. <see cref="RowSeal.Row"/> over the same fields as text gives the same hash.
/// </summary>
public sealed class RowSealBuilder
{
    private byte[] buffer = new byte[512];
    private int length;
    private bool first = true;

    public RowSealBuilder Add(string? text)
    {
        if (text is null) return Null();
        Separate(Encoding.UTF8.GetMaxByteCount(text.Length));
        length += Encoding.UTF8.GetBytes(text, buffer.AsSpan(length));
        return this;
    }

    public RowSealBuilder Add(Guid? id)
    {
        if (id is not { } value) return Null();
        Separate(32);
        value.TryFormat(buffer.AsSpan(length), out var written, "N");
        length += written;
        return this;
    }

    /// <summary>An amount as stored with two decimals.</summary>
    public RowSealBuilder Add(decimal? amount)
    {
        if (amount is not { } value) return Null();
        Separate(40);
        value.TryFormat(buffer.AsSpan(length), out var written, "0.00", CultureInfo.InvariantCulture);
        length += written;
        return this;
    }

    public RowSealBuilder Add(int? number)
    {
        if (number is not { } value) return Null();
        Separate(11);
        value.TryFormat(buffer.AsSpan(length), out var written, default, CultureInfo.InvariantCulture);
        length += written;
        return this;
    }

    public RowSealBuilder Add(bool flag) => Add(flag ? "1" : "0");

    /// <summary>The row's hash; the builder is then empty for the next row.</summary>
    public byte[] Hash()
    {
        var hash = SHA256.HashData(buffer.AsSpan(0, length));
        (length, first) = (0, true);
        return hash;
    }

    private RowSealBuilder Null()
    {
        Separate(1);
        buffer[length++] = RowSeal.Null;
        return this;
    }

    private void Separate(int room)
    {
        if (length + room + 1 > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + room + 1));
        if (!first) buffer[length++] = RowSeal.Separator;
        first = false;
    }
}
