using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qianglian.Bench;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Shared.Excel;

// Province-scale measurements on PostgreSQL, each against a baseline measured in the same run:
//   dotnet run -c Release --project bench/Qianglian.Bench -- "Host=127.0.0.1;Port=5432;Username=postgres" [enterprises=1000000] [importRows=100000] [runs=200]
var server = args.ElementAtOrDefault(0) ?? Environment.GetEnvironmentVariable("QIANGLIAN_BENCH_POSTGRES")
             ?? throw new InvalidOperationException("Give a PostgreSQL server connection string (or QIANGLIAN_BENCH_POSTGRES).");
int Arg(string name, int fallback) => args.Skip(1).Select(a => a.Split('=')).Where(p => p[0] == name).Select(p => int.Parse(p[1])).DefaultIfEmpty(fallback).First();
var (enterprises, importRows, runs) = (Arg("enterprises", 1_000_000), Arg("importRows", 100_000), Arg("runs", 200));

var database = $"qlbench_{DateTime.UtcNow:yyyyMMddHHmmss}";
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
}
var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 600 }.ConnectionString;

var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(["--Database:Provider=Postgres", $"--ConnectionStrings:Main={connection}"]);
builder.AddQianglian(LaunchOptions.Parse([]));
var app = builder.Build();
await Bootstrap.MigrateAsync(app);
var options = app.Services.GetRequiredService<DatabaseOptions>();

var province = new SyntheticProvince(connection, enterprises, years: 5, supplyLinks: enterprises * 3, chains: 60, nodesPerChain: 40);
var clock = Stopwatch.StartNew();
await using (var db = options.Create(UserScope.System, TimeProvider.System)) await province.BuildAsync(db);
Console.WriteLine($"synthetic province: {enterprises:N0} enterprises, 5 years of facts, {enterprises * 3:N0} supply links, 60×40 nodes — built in {clock.Elapsed.TotalSeconds:F0} s");
await using (var db = options.Create(UserScope.System, TimeProvider.System)) await db.Database.ExecuteSqlRawAsync("ANALYZE");

// A province-level official, as the handlers see one.
await using var scope = app.Services.CreateAsyncScope();
scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
[
    new Claim(ClaimTypes.NameIdentifier, Guid.CreateVersion7().ToString()), new Claim(ClaimTypes.Name, "bench"),
    new Claim(ClaimTypes.Role, Roles.Administrator), new Claim(ScopeClaims.HomePath, province.ProvincePath),
], "bench")));

// (a) Import through the application against a raw binary COPY of the same number of rows.
var file = Workbooks.Rows(EnterpriseExcel.SheetName, province.EnterpriseRows(importRows, "91520000C", 0).Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
{
    [EnterpriseExcel.Uscc] = r.Uscc, [EnterpriseExcel.Name] = r.Name, [EnterpriseExcel.Jurisdiction] = province.Counties.Count > 0 ? CodeOf(r.Path) : "", [EnterpriseExcel.Industry] = r.Industry,
}));
clock.Restart();
var report = await scope.ServiceProvider.GetRequiredService<ImportEnterprises>().Handle(new MemoryStream(file), ImportMode.AllOrNothing, null, CancellationToken.None);
var importSeconds = clock.Elapsed.TotalSeconds;
if (!report.Applied) throw new InvalidOperationException("bench import refused: " + report.Errors.FirstOrDefault());
clock.Restart();
await using (var raw = new NpgsqlConnection(connection))
{
    await raw.OpenAsync();
    await province.CopyEnterprises(raw, importRows, "91520000D", 0);
}
var copySeconds = clock.Elapsed.TotalSeconds;

// (b) The panorama map of one chain against the hand-written SQL aggregate it boils down to.
var maps = scope.ServiceProvider.GetRequiredService<ReadChainMap>();
var chain = province.ChainIds[0];
var mapTimes = await Time(runs, () => maps.Handle(chain, 2024, CancellationToken.None));
const string Aggregate = """
    SELECT l."NodeId", count(*), count(*) FILTER (WHERE f."Revenue" >= 20000000), coalesce(sum(f."OutputValue"), 0)
    FROM "EnterpriseNodeLinks" l JOIN "Enterprises" e ON e."Id" = l."EnterpriseId"
    LEFT JOIN "EnterpriseYearFacts" f ON f."EnterpriseId" = e."Id" AND f."Year" = 2024
    WHERE l."ChainId" = @chain AND l."Evidence" <> 3 GROUP BY l."NodeId"
    """;
await using var sql = new NpgsqlConnection(connection);
await sql.OpenAsync();
var sqlTimes = await Time(runs, async () =>
{
    await using var command = new NpgsqlCommand(Aggregate, sql);
    command.Parameters.AddWithValue("chain", chain);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync()) { }
});

// (c) Gap analysis of every chain: the one-query report, and chain by chain through the map for comparison.
clock.Restart();
var gaps = await scope.ServiceProvider.GetRequiredService<ReadChainGaps>().Handle(2024, CancellationToken.None);
var gapSeconds = clock.Elapsed.TotalSeconds;
clock.Restart();
foreach (var id in province.ChainIds) await maps.Handle(id, 2024, CancellationToken.None);
var mapLoopSeconds = clock.Elapsed.TotalSeconds;

var cultivation = await CultivationBench.RunAsync(scope.ServiceProvider, options, connection, province);

Console.WriteLine();
Console.WriteLine("| measurement | result | baseline (same run) | ratio |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| (a) import {importRows:N0} enterprises | {importSeconds:F1} s ({importRows / importSeconds:N0} rows/s) | raw binary COPY {copySeconds:F1} s | {copySeconds / importSeconds:F3} of COPY speed |");
Console.WriteLine($"| (b) panorama map, one chain (~{enterprises / 60:N0} enterprises) | p50 {P(mapTimes, 50):F1} ms, p99 {P(mapTimes, 99):F1} ms | SQL aggregate p50 {P(sqlTimes, 50):F1} ms, p99 {P(sqlTimes, 99):F1} ms | p99 {P(mapTimes, 99) / P(sqlTimes, 99):F1}× |");
Console.WriteLine($"| (c) gap analysis, all 60 chains ({gaps.Count:N0} gap nodes) | {gapSeconds:F1} s (one grouped query) | every chain's map in turn: {mapLoopSeconds:F1} s | {mapLoopSeconds / gapSeconds:F1}× faster |");
foreach (var line in cultivation) Console.WriteLine(line);
Console.WriteLine($"| (d) peak memory of the process | {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB | | |");

await using (var db = new NpgsqlConnection(server))
{
    NpgsqlConnection.ClearAllPools();
    await db.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", db).ExecuteNonQueryAsync();
}
return;

string CodeOf(string path) => path.TrimEnd('/').Split('/')[^1];

static double P(List<double> times, int percentile) => times.Order().ElementAt(Math.Min(times.Count - 1, (int)Math.Ceiling(percentile / 100.0 * times.Count) - 1));

static async Task<List<double>> Time(int runs, Func<Task> work)
{
    for (var i = 0; i < 3; i++) await work(); // warm up
    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    return times;
}
