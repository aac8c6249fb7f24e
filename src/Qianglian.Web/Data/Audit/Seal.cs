using Qianglian.Core.Audit;

namespace Qianglian.Web.Data;

/// <summary>
/// A row written in bulk under a seal instead of an audit entry of its own (see
/// <see cref="AppDbContext.BulkInsertSealedAsync{T}"/>): a run's million results, which the run's audit entry proves.
/// </summary>
public interface ISealedRow
{
    /// <summary>
    /// Adds the fields the seal covers, in a fixed order: those fixed when the row is written — not those later saves
    /// may change, which are audited change by change as usual.
    /// </summary>
    void AddSealedFields(RowSealBuilder row);
}

/// <summary>
/// The row hashes of one sealed write, gathered batch by batch. Its <see cref="Digest"/> goes into an audited column of
/// the record that owns the rows; <c>verify-audit</c> recomputes it from the rows as stored.
/// </summary>
public sealed class Seal
{
    private readonly List<byte[]> rows = [];

    public int Count => rows.Count;

    /// <summary>Hashes the rows (on every core) and adds them.</summary>
    internal void Add<T>(IReadOnlyList<T> batch) where T : ISealedRow
    {
        var hashes = batch.AsParallel().AsOrdered().WithDegreeOfParallelism(batch.Count < 1000 ? 1 : Environment.ProcessorCount).Select(r => HashOf(r)).ToList();
        lock (rows) rows.AddRange(hashes);
    }

    [ThreadStatic] private static RowSealBuilder? builder;

    /// <summary>One row's hash.</summary>
    public static byte[] HashOf(ISealedRow row)
    {
        var b = builder ??= new RowSealBuilder();
        row.AddSealedFields(b);
        return b.Hash();
    }

    public string Digest()
    {
        lock (rows) return RowSeal.Of(rows);
    }

    /// <summary>The digest of rows as read back (verification).</summary>
    public static string Of<T>(IEnumerable<T> stored) where T : ISealedRow => RowSeal.Of([.. stored.Select(r => HashOf(r))]);
}
