using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Qianglian.Web.Data;

/// <summary>
/// Writes rows of a mapped entity type with PostgreSQL's binary COPY, column by column as EF maps them (names, store
/// types, value converters), so a bulk write stores exactly what a tracked save would. New rows are copied straight
/// into their table; changed rows are copied into a temporary staging table and updated from it, each only if its
/// version is still the one read (else the save fails as a concurrency conflict, like a tracked save).
/// </summary>
internal static class PostgresCopy
{
    private sealed record Column(IProperty Property, string Name, string StoreType, Func<object?, object?>? ToProvider);

    private static Column[] Columns(IEntityType type)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return type.GetProperties().Select(p =>
        {
            var mapping = p.GetRelationalTypeMapping();
            return new Column(p, p.GetColumnName(table)!, mapping.StoreTypeNameBase, mapping.Converter?.ConvertToProvider);
        }).ToArray();
    }

    private static string Table(IEntityType type) => Quote(type.GetTableName()!);

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";

    public static async Task InsertAsync(NpgsqlConnection connection, IEntityType type, IEnumerable<object> rows, CancellationToken ct) =>
        await CopyAsync(connection, Table(type), Columns(type), rows, ct);

    private static async Task<ulong> CopyAsync(NpgsqlConnection connection, string table, Column[] columns, IEnumerable<object> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = BulkRow.Value(column.Property, row);
                if (column.ToProvider is not null && value is not null) value = column.ToProvider(value);
                if (value is null) await copy.WriteNullAsync(ct);
                else await copy.WriteAsync(value, column.StoreType, ct);
            }
        }
        return await copy.CompleteAsync(ct);
    }

    public static async Task UpdateAsync<T>(NpgsqlConnection connection, BulkBatch<T> batch, CancellationToken ct) where T : Entity
    {
        if (batch.Modified.Count == 0) return;
        var columns = Columns(batch.Type);
        var table = Table(batch.Type);
        var staging = Quote("bulk_" + batch.Type.GetTableName());
        await ExecuteAsync(connection, $"CREATE TEMPORARY TABLE IF NOT EXISTS {staging} (LIKE {table}) ON COMMIT DROP; TRUNCATE {staging}", ct);
        await CopyAsync(connection, staging, columns, batch.Modified.Select(m => (object)m.Row), ct);
        var id = Quote(columns.Single(c => c.Property.Name == nameof(Entity.Id)).Name);
        var version = Quote(columns.Single(c => c.Property.Name == nameof(Entity.Version)).Name);
        var set = string.Join(", ", columns.Where(c => !c.Property.IsPrimaryKey()).Select(c => $"{Quote(c.Name)} = s.{Quote(c.Name)}"));
        var updated = await ExecuteAsync(connection,
            $"UPDATE {table} AS t SET {set} FROM {staging} AS s WHERE t.{id} = s.{id} AND t.{version} = s.{version} - 1", ct);
        if (updated != batch.Modified.Count)
            throw new DbUpdateConcurrencyException($"{batch.Modified.Count - updated} 行已被他人修改 (rows changed since they were read)");
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
