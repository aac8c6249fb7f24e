using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data.Protection;

namespace Qianglian.Web.Data;

/// <summary>
/// Opens data contexts bound to the current user's scope: one context per operation (Blazor circuits live long).
/// The only way application code gets a context; <see cref="OpenSystem"/> is for start-up and command-line jobs.
/// </summary>
public sealed class AppDb(DatabaseOptions database, CurrentUser user, TimeProvider clock)
{
    public AppDbContext Open() => database.Create(user.Scope, clock);

    /// <summary>For the user's own account and Identity's store: the home scope, not a narrowed view.</summary>
    public AppDbContext OpenHome() => database.Create(user.IsAuthenticated ? user.HomeScope : UserScope.System, clock);

    public AppDbContext OpenSystem() => database.Create(UserScope.System, clock);
}

/// <summary>The chosen provider and its connection, from configuration. Options are built once and shared.</summary>
public sealed class DatabaseOptions
{
    private readonly Lazy<DbContextOptions<SqliteAppDbContext>> sqlite;
    private readonly Lazy<DbContextOptions<PostgresAppDbContext>> postgres;

    /// <param name="derivedRows">The modules' maintainers of derived rows, recomputed as each transaction commits.</param>
    /// <param name="auditKeys">The keys every save signs its audit entries with.</param>
    /// <param name="cipher">Seals the personal-data fields (<see cref="Protection.PersonalDataModel"/>); null only for tools that never read them.</param>
    public DatabaseOptions(DatabaseProvider provider, string connectionString, IEnumerable<IDerivedRows> derivedRows, AuditKeyRing auditKeys, Protection.PersonalDataCipher? cipher = null)
    {
        Cipher = cipher;
        Provider = provider;
        ConnectionString = connectionString;
        AuditKeys = auditKeys;
        var onCommit = new DerivedRowsOnCommit(derivedRows.ToList());
        sqlite = new(() => new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).AddInterceptors(onCommit, auditKeys).UsePersonalDataCipher(cipher).Options);
        postgres = new(() => new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(WithoutJit(connectionString)).AddInterceptors(onCommit, auditKeys).UsePersonalDataCipher(cipher).Options);
    }

    public AuditKeyRing AuditKeys { get; }

    /// <summary>
    /// The application's PostgreSQL sessions run without the server's JIT compiler: for the queries of a province-wide
    /// run it spent 0.3–3.4 s compiling (measured, docs/performance.md), more than it could save, and for the small
    /// queries of the pages it is never worth its start-up.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit=", StringComparison.Ordinal) == true) return connectionString; // set by the operator
        builder.Options = string.Join(' ', new[] { builder.Options, "-c jit=off" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        return builder.ConnectionString;
    }

    public DatabaseProvider Provider { get; }
    public Protection.PersonalDataCipher? Cipher { get; }
    public string ConnectionString { get; }

    public AppDbContext Create(UserScope scope, TimeProvider clock) => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteAppDbContext(sqlite.Value, scope, clock),
        DatabaseProvider.Postgres => new PostgresAppDbContext(postgres.Value, scope, clock),
        _ => throw new InvalidOperationException($"Unknown database provider {Provider}"),
    };
}

public enum DatabaseProvider { Sqlite, Postgres }
