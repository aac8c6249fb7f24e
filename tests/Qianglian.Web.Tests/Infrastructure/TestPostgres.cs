// TEMPORARY until the test infrastructure lands.
using Npgsql;
namespace Qianglian.Web.Tests.Infrastructure;
public static class TestPostgres
{
    private static string Server => Environment.GetEnvironmentVariable("QIANGLIAN_TEST_POSTGRES") ?? throw new InvalidOperationException("run ./test.sh");
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await using var c = new NpgsqlConnection(Server); await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c); await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }
    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(Server); await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c); await cmd.ExecuteNonQueryAsync();
    }
}
