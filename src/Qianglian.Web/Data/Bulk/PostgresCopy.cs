using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using System.Linq.Expressions;
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
    private sealed record Column(IProperty Property, string Name, ColumnWriter Writer);

    /// <summary>The columns of each entity type with their writers, built once: a bulk save writes a million values.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, Column[]> ColumnsByType = new();

    private static Column[] Columns(IEntityType type) => ColumnsByType.GetOrAdd(type, t =>
    {
        var table = StoreObjectIdentifier.Table(t.GetTableName()!, t.GetSchema());
        return t.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!, ColumnWriter.For(p))).ToArray();
    });

    private static string Table(IEntityType type) => Quote(type.GetTableName()!);

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";

    public static Task InsertAsync(NpgsqlConnection connection, IEntityType type, IEnumerable<object> rows, CancellationToken ct) =>
        CopyAsync(connection, Table(type), Columns(type), rows.ToAsyncEnumerable(), ct);

    /// <summary>Rows as they are produced, in one COPY: the database takes them in while the rest are still being made.</summary>
    public static Task InsertAsync(NpgsqlConnection connection, IEntityType type, IAsyncEnumerable<object> rows, CancellationToken ct) =>
        CopyAsync(connection, Table(type), Columns(type), rows, ct);

    private static async Task CopyAsync(NpgsqlConnection connection, string table, Column[] columns, IAsyncEnumerable<object> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await copy.StartRowAsync(ct);
            foreach (var column in columns) await column.Writer.WriteAsync(copy, row, ct);
        }
        await copy.CompleteAsync(ct);
    }

    public static async Task UpdateAsync<T>(NpgsqlConnection connection, BulkBatch<T> batch, CancellationToken ct) where T : Entity
    {
        if (batch.Modified.Count == 0) return;
        var columns = Columns(batch.Type);
        var table = Table(batch.Type);
        var staging = Quote("bulk_" + batch.Type.GetTableName());
        await ExecuteAsync(connection, $"CREATE TEMPORARY TABLE IF NOT EXISTS {staging} (LIKE {table}) ON COMMIT DROP; TRUNCATE {staging}", ct);
        await CopyAsync(connection, staging, columns, batch.Modified.Select(m => (object)m.Row).ToAsyncEnumerable(), ct);
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

/// <summary>
/// Writes one column of a row: the property read by a compiled getter and converted to its provider type as EF maps it,
/// then written typed under its store type — no boxing, and no per-value type resolution in Npgsql.
/// </summary>
internal abstract class ColumnWriter
{
    public abstract Task WriteAsync(NpgsqlBinaryImporter copy, object row, CancellationToken ct);

    public static ColumnWriter For(IProperty property)
    {
        var mapping = property.GetRelationalTypeMapping();
        var row = Expression.Parameter(typeof(object), "row");
        Expression value = Expression.Property(Expression.Convert(row, property.DeclaringType.ClrType), property.PropertyInfo!);
        if (mapping.Converter?.ConvertToProviderExpression is { } toProvider)
        {
            // EF converts non-null values only: a nullable model value stays null, or its value is converted.
            var modelIsNullable = !value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null;
            var model = Nullable.GetUnderlyingType(value.Type) is not null ? Expression.Property(value, "Value") : value;
            Expression converted = Expression.Invoke(toProvider, Expression.Convert(model, toProvider.Parameters[0].Type));
            if (modelIsNullable)
            {
                var nullableType = converted.Type.IsValueType ? typeof(Nullable<>).MakeGenericType(converted.Type) : converted.Type;
                converted = Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)),
                    Expression.Constant(null, nullableType), Expression.Convert(converted, nullableType));
            }
            value = converted;
        }
        var underlying = Nullable.GetUnderlyingType(value.Type);
        var writerType = underlying is not null
            ? typeof(NullableColumnWriter<>).MakeGenericType(underlying)
            : value.Type.IsValueType ? typeof(ValueColumnWriter<>).MakeGenericType(value.Type) : typeof(ReferenceColumnWriter<>).MakeGenericType(value.Type);
        var getter = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(object), value.Type), value, row).Compile();
        return (ColumnWriter)Activator.CreateInstance(writerType, getter, mapping.StoreTypeNameBase)!;
    }
}

internal sealed class ValueColumnWriter<T>(Func<object, T> get, string storeType) : ColumnWriter where T : struct
{
    public override Task WriteAsync(NpgsqlBinaryImporter copy, object row, CancellationToken ct) => copy.WriteAsync(get(row), storeType, ct);
}

internal sealed class NullableColumnWriter<T>(Func<object, T?> get, string storeType) : ColumnWriter where T : struct
{
    public override Task WriteAsync(NpgsqlBinaryImporter copy, object row, CancellationToken ct) =>
        get(row) is { } value ? copy.WriteAsync(value, storeType, ct) : copy.WriteNullAsync(ct);
}

internal sealed class ReferenceColumnWriter<T>(Func<object, T> get, string storeType) : ColumnWriter where T : class
{
    public override Task WriteAsync(NpgsqlBinaryImporter copy, object row, CancellationToken ct) =>
        get(row) is { } value ? copy.WriteAsync(value, storeType, ct) : copy.WriteNullAsync(ct);
}
