using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Qianglian.Web.Data;

/// <summary>
/// SQLite flavour. BeginTransaction on Microsoft.Data.Sqlite is BEGIN IMMEDIATE, which already takes the
/// database's single write lock, so the audit chain needs no extra lock.
/// </summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, UserScope scope, TimeProvider clock)
    : AppDbContext(options, scope, clock)
{
    protected override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;

    public override AppDbContext Twin() => new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)this.GetService<IDbContextOptions>(), Scope, Clock);

    protected override AppDbContext SystemTwin() => new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)this.GetService<IDbContextOptions>(), UserScope.System, Clock);
}

/// <summary>
/// PostgreSQL flavour: a transaction-scoped advisory lock serialises appends to the audit chain; bulk saves are
/// binary COPYs.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, UserScope scope, TimeProvider clock)
    : AppDbContext(options, scope, clock)
{
    private const long AuditChainLock = 0x5147_4C41_5544_4954; // "QGLAUDIT"

    protected override Task LockAuditChainAsync(CancellationToken ct) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", ct);

    public override bool CopiesInBulk => true;

    public override AppDbContext Twin() => new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)this.GetService<IDbContextOptions>(), Scope, Clock);

    protected override AppDbContext SystemTwin() => new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)this.GetService<IDbContextOptions>(), UserScope.System, Clock);

    /// <summary>
    /// Columns that hold identifiers, not words: jurisdiction paths (searched by prefix on every scoped read), the
    /// credit code, and the audit log's user, entity and key. They compare byte for byte (collation "C"): their
    /// indexes then serve <c>LIKE 'path%'</c> as a range, and every comparison skips the locale's rules. (Names and
    /// other text keep the database's collation.)
    /// </summary>
    private static readonly Dictionary<Type, string[]> Identifiers = new()
    {
        [typeof(AuditEntry)] = [nameof(AuditEntry.UserName), nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityKey)],
        [typeof(Modules.Enterprises.Enterprise)] = [nameof(Modules.Enterprises.Enterprise.Uscc)],
    };

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var type in builder.Model.GetEntityTypes())
            foreach (var property in type.GetProperties())
                if (property.Name is nameof(IJurisdictionScoped.JurisdictionPath) or nameof(ISharedWith.SharedWithPath)
                    || Identifiers.TryGetValue(type.ClrType, out var names) && names.Contains(property.Name))
                    property.SetCollation("C");
    }

    protected override async Task CopyAsync<T>(BulkBatch<T> batch, Task<List<AuditEntry>> audit, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)Database.GetDbConnection();
        await PostgresCopy.InsertAsync(connection, batch.Type, batch.Added, ct);
        await PostgresCopy.UpdateAsync(connection, batch, ct);
        await PostgresCopy.InsertAsync(connection, Model.FindEntityType(typeof(AuditEntry))!, await audit, ct);
    }

    public override Task RefreshStatisticsAsync<T>(CancellationToken ct)
    {
        var analyze = $"ANALYZE \"{Model.FindEntityType(typeof(T))!.GetTableName()}\""; // a name from the model, not input
        return Database.ExecuteSqlRawAsync(analyze, ct);
    }

    protected override Task InsertInBulkAsync(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, IAsyncEnumerable<object> rows, CancellationToken ct) =>
        PostgresCopy.InsertAsync((NpgsqlConnection)Database.GetDbConnection(), type, rows, ct);
}
