using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Qianglian.Web.Data.Protection;

/// <summary>
/// The start-up step that brings every stored personal-data value under the current key: plaintext rows (written
/// before encryption, or by hand) are sealed, rows sealed with an older key are re-sealed (rotation), the rest are
/// left alone — so running it again changes nothing. Every value is opened on the way, so a wrong or missing key stops
/// the start with <see cref="PersonalDataKeyException"/> naming the key and the directory, before any page shows a
/// garbled number. Works on the raw columns (the converter would hide what is stored) in one transaction per field,
/// and outside the audit chain: the values do not change, only their sealing (docs/security.md).
/// </summary>
public static class PersonalDataSealing
{
    public sealed record Result(int Sealed, int Resealed, int Unchanged);

    public static async Task<Result> RunAsync(AppDbContext db, PersonalDataCipher cipher, CancellationToken ct)
    {
        int sealedCount = 0, resealed = 0, unchanged = 0;
        foreach (var field in PersonalDataFields.All)
        {
            var entity = db.Model.FindEntityType(field.Entity)!;
            var table = entity.GetTableName()!;
            var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
            var column = entity.FindProperty(field.Property)!.GetColumnName();
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var rows = new List<(object Key, string Stored)>();
            await using (var read = Command(connection, transaction, $"SELECT \"{key}\", \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL AND \"{column}\" <> ''"))
            await using (var reader = await read.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    rows.Add((reader.GetValue(0), reader.GetString(1)));
            foreach (var (rowKey, stored) in rows)
            {
                var plain = cipher.Open(stored, field.Name); // throws on a wrong or missing key
                if (PersonalDataCipher.KeyIdOf(stored) == cipher.Keys.CurrentId) { unchanged++; continue; }
                if (PersonalDataCipher.IsSealed(stored)) resealed++; else sealedCount++;
                await using var write = Command(connection, transaction, $"UPDATE \"{table}\" SET \"{column}\" = @value WHERE \"{key}\" = @key");
                Parameter(write, "@value", cipher.Seal(plain, field.Name));
                Parameter(write, "@key", rowKey);
                await write.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        return new Result(sealedCount, resealed, unchanged);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
