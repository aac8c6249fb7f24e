using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Qianglian.Web.Api;

namespace Qianglian.Web.Data;

/// <summary>
/// A save refused by a unique index (issue 15, item 7): two requests that both checked a name was free and both
/// inserted it. The index keeps one; the other is answered as a conflict naming the field, whichever database said
/// no — PostgreSQL names the index (23505), SQLite lists the columns (SQLITE_CONSTRAINT_UNIQUE).
/// </summary>
public static class UniqueViolations
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const string PostgresUniqueViolation = "23505";

    public static ConflictException? Describe(Exception e, IModel model)
    {
        var properties = (e is DbUpdateException ? e.InnerException : e) switch
        {
            PostgresException { SqlState: PostgresUniqueViolation } p => PostgresIndex(model, p.ConstraintName),
            SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique } s => SqliteColumns(model, s.Message),
            _ => null,
        };
        if (properties is null) return null;
        var field = InputBounds.FieldOf(properties.LastOrDefault(p => !p.IsForeignKey() && !p.Name.EndsWith("Id", StringComparison.Ordinal)) ?? properties[^1]);
        return new ConflictException($"已有相同取值的记录，不能重复（字段 {field}）(this {field} is already taken)", field);
    }

    private static IReadOnlyList<IProperty>? PostgresIndex(IModel model, string? constraint) =>
        constraint is null ? null : model.GetEntityTypes().SelectMany(t => t.GetIndexes())
            .FirstOrDefault(i => i.IsUnique && i.GetDatabaseName() == constraint)?.Properties;

    /// <summary>"SQLite Error 19: 'UNIQUE constraint failed: ChainNodes.ChainId, ChainNodes.Name'."</summary>
    private static IReadOnlyList<IProperty>? SqliteColumns(IModel model, string message)
    {
        const string marker = "UNIQUE constraint failed: ";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) return null;
        var columns = message[(start + marker.Length)..].TrimEnd('.', '\'').Split(", ");
        var table = columns[0].Split('.')[0];
        var type = model.GetEntityTypes().FirstOrDefault(t => t.GetTableName() == table);
        if (type is null) return null;
        var properties = columns.Select(c => type.GetProperties().FirstOrDefault(p => p.GetColumnName() == c.Split('.')[^1])).ToList();
        return properties.Any(p => p is null) ? null : properties.OfType<IProperty>().ToList();
    }
}
