using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qianglian.Web.Data;

/// <summary>
/// <c>backup FILE</c> and <c>restore FILE</c>. SQLite: the online backup API (a consistent copy page by page while the
/// application may keep writing; restore copies the file back the same way). PostgreSQL: the server's own tools,
/// <c>pg_dump --format=custom</c> and <c>pg_restore --clean --single-transaction</c> (all or nothing), found in
/// <c>Backup:PostgresBinDirectory</c>, on the PATH or under /usr/lib/postgresql/*/bin (the newest). A backup is written
/// under a temporary name and renamed when complete. The audit key directory is not in the database, so not in its
/// backup: back it up separately, and keep the two apart (docs/operations.md).
/// </summary>
public sealed class DatabaseBackup(DatabaseOptions database, IConfiguration config)
{
    public async Task BackupAsync(string file, CancellationToken ct)
    {
        var partial = file + ".partial";
        if (File.Exists(partial)) File.Delete(partial);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(database.ConnectionString);
            await source.OpenAsync(ct);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }
        else
            await RunAsync("pg_dump", ["--format=custom", $"--file={partial}"], ct);
        File.Move(partial, file, overwrite: true);
    }

    /// <summary>Replaces the database's contents with the backup's. Run with the application stopped.</summary>
    public async Task RestoreAsync(string file, CancellationToken ct)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"backup file {file} not found", file);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await source.OpenAsync(ct);
            await using (var check = source.CreateCommand())
            {
                // Refuse a file that is not a Qianglian database before anything of the live one is overwritten.
                check.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('__EFMigrationsHistory', 'AuditLog')";
                if (Convert.ToInt32(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) != 2)
                    throw new InvalidOperationException($"{file} is not a backup of a Qianglian database");
            }
            await using var target = new SqliteConnection(database.ConnectionString);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
            SqliteConnection.ClearAllPools();
        }
        else
        {
            await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", $"--dbname={Database.Database}", file], ct);
            NpgsqlConnection.ClearAllPools();
        }
    }

    private NpgsqlConnectionStringBuilder Database => new(database.ConnectionString);

    /// <summary>Runs a PostgreSQL client tool with the connection's settings in its environment (the password never
    /// on the command line, where other users of the machine could read it).</summary>
    private async Task RunAsync(string tool, IEnumerable<string> args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var c = Database;
        start.Environment["PGHOST"] = c.Host;
        start.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = c.Database;
        if (c.Username is { } user) start.Environment["PGUSER"] = user;
        if (c.Password is { } password) start.Environment["PGPASSWORD"] = password;
        if (c.SslMode != SslMode.Prefer) start.Environment["PGSSLMODE"] = c.SslMode.ToString().ToLowerInvariant() switch
        {
            "verifyca" => "verify-ca", "verifyfull" => "verify-full", var mode => mode,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed (exit code {process.ExitCode}): {(await error).Trim()}");
    }

    /// <summary>The tool's path: the configured directory, else the PATH, else the newest /usr/lib/postgresql/N/bin.</summary>
    private string FindTool(string tool)
    {
        var name = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        if (config["Backup:PostgresBinDirectory"] is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, name)) ? Path.Combine(configured, name)
                : throw new InvalidOperationException($"{name} not found in Backup:PostgresBinDirectory ({configured})");
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"{name} not found: install the PostgreSQL client tools (the server's major version or newer) or set Backup:PostgresBinDirectory");
    }
}
