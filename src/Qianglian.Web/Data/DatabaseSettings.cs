using Qianglian.Web.Hosting;

namespace Qianglian.Web.Data;

/// <summary>
/// Reads <c>Database:Provider</c> and <c>ConnectionStrings:Main</c>. Without them Qianglian runs on an embedded
/// SQLite file under <c>data/</c> — the default database, the only one demo data goes into without --demo.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool IsDefaultEmbedded)
{
    public static DatabaseSettings From(IConfiguration config)
    {
        var providerText = config["Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        var connection = config.GetConnectionString("Main");
        if (!string.IsNullOrWhiteSpace(connection))
            return new DatabaseSettings(provider, connection, IsDefaultEmbedded: false);
        if (provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Main.");
        Directory.CreateDirectory(RepositoryPaths.Data);
        var file = Path.Combine(RepositoryPaths.Data, "qianglian.db");
        return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}", IsDefaultEmbedded: true);
    }
}
