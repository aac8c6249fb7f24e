using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qianglian.Core.Chains;
using Qianglian.Bench;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Shared.Excel;

// Province-scale measurements on PostgreSQL, each against a baseline measured in the same run:
//   dotnet run -c Release --project bench/Qianglian.Bench -- "Host=127.0.0.1;Port=5432;Username=postgres" [enterprises=1000000] [importRows=100000] [runs=200]
//     [maps=0: skip (a)–(c)] [cultivation=0: skip (e), (f)] [inbox=PERCENT of the inbox's province-scale volumes, 0 skips (g), (h); default 100] [inboxRuns=50]
var server = args.ElementAtOrDefault(0) ?? Environment.GetEnvironmentVariable("QIANGLIAN_BENCH_POSTGRES")
             ?? throw new InvalidOperationException("Give a PostgreSQL server connection string (or QIANGLIAN_BENCH_POSTGRES).");
int Arg(string name, int fallback) => args.Skip(1).Select(a => a.Split('=')).Where(p => p[0] == name).Select(p => int.Parse(p[1])).DefaultIfEmpty(fallback).First();
var (enterprises, importRows, runs) = (Arg("enterprises", 1_000_000), Arg("importRows", 100_000), Arg("runs", 200));

// database=NAME measures again on a province kept by an earlier run (keep=1): only (e) and (f), or with cultivation=0
// only (a)–(c), importing codes not used before.
var reused = args.Skip(1).Select(a => a.Split('=')).Where(p => p[0] == "database").Select(p => p[1]).FirstOrDefault();
var database = reused ?? $"qlbench_{DateTime.UtcNow:yyyyMMddHHmmss}";
if (reused is null)
{
    await using var admin = new NpgsqlConnection(server);
    await admin.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
}
// The baselines run under the server settings the application's own sessions use (no JIT compiler).
var connection = DatabaseOptions.WithoutJit(new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 600 }.ConnectionString);

var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(["--Database:Provider=Postgres", $"--ConnectionStrings:Main={connection}"]);
builder.AddQianglian(LaunchOptions.Parse([]));
var app = builder.Build();
await Bootstrap.MigrateAsync(app);
var options = app.Services.GetRequiredService<DatabaseOptions>();

var province = new SyntheticProvince(connection, enterprises, years: 5, supplyLinks: enterprises * 3, chains: 60, nodesPerChain: 40);
var clock = Stopwatch.StartNew();
if (reused is not null)
{
    await using var db = options.Create(UserScope.System, TimeProvider.System);
    await province.OpenAsync(db);
}
else
{
    await using (var db = options.Create(UserScope.System, TimeProvider.System)) await province.BuildAsync(db);
    Console.WriteLine($"synthetic province: {enterprises:N0} enterprises, 5 years of facts, {enterprises * 3:N0} supply links, 60×40 nodes — built in {clock.Elapsed.TotalSeconds:F0} s");
    // The rows were copied behind the application's back: its per-node statistics are built once from them.
    clock.Restart();
    await using (var db = options.Create(UserScope.System, TimeProvider.System)) await ChainStatistics.RebuildAsync(db, CancellationToken.None);
    Console.WriteLine($"per-node statistics of all chains built in {clock.Elapsed.TotalSeconds:F1} s");
    await using (var db = options.Create(UserScope.System, TimeProvider.System)) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
}

// A province-level official, as the handlers see one.
await using var scope = app.Services.CreateAsyncScope();
scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
[
    new Claim(ClaimTypes.NameIdentifier, Guid.CreateVersion7().ToString()), new Claim(ClaimTypes.Name, "bench"),
    new Claim(ClaimTypes.Role, Roles.Administrator), new Claim(ScopeClaims.HomePath, province.ProvincePath),
], "bench")));

var lines = new List<string>();
static string PeakMemory() => $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB";
if (Arg("maps", 1) == 1 && (Arg("cultivation", 1) == 0 || reused is null))
{
    lines.AddRange(await MeasureImportAndMaps());
    // The peak working set only grows: read here, it is the peak of building the province, the imports and the maps.
    lines.Add($"| (d) peak memory of the process through the imports and the maps | {PeakMemory()} | | |");
}
if (Arg("cultivation", 1) == 1)
{
    lines.AddRange(await CultivationBench.RunAsync(scope.ServiceProvider, options, connection, province));
    lines.Add($"| (d) peak memory of the process through the grading and the tier review | {PeakMemory()} | | |");
}
// (g) and (h) seed what the inbox reads into a fresh province, so they run once per province.
if (Arg("inbox", 100) > 0 && reused is null)
    lines.AddRange(await InboxBench.RunAsync(app.Services, options, connection, province, Arg("inbox", 100), Arg("inboxRuns", 50)));

Console.WriteLine();
Console.WriteLine("| measurement | result | baseline (same run) | ratio |");
Console.WriteLine("|---|---|---|---|");
foreach (var line in lines) Console.WriteLine(line);

if (Arg("keep", 0) == 1 || reused is not null) { Console.WriteLine("kept " + database); return; }
await using (var db = new NpgsqlConnection(server))
{
    NpgsqlConnection.ClearAllPools();
    await db.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", db).ExecuteNonQueryAsync();
}
return;

async Task<List<string>> MeasureImportAndMaps()
{
    // (a) Import through the application against a raw binary COPY of the same number of rows. A small import first, so
    // the measured one runs warm, as the COPY path (warmed by building the province) does.
    var offset = reused is null ? 0 : Random.Shared.Next(1, 900) * 100_000;
    byte[] ImportFile(int rows, string prefix) => Workbooks.Rows(EnterpriseExcel.SheetName, province.EnterpriseRows(rows, prefix, offset).Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
    {
        [EnterpriseExcel.Uscc] = r.Uscc, [EnterpriseExcel.Name] = r.Name, [EnterpriseExcel.Jurisdiction] = CodeOf(r.Path), [EnterpriseExcel.Industry] = r.Industry,
    }));
    var importer = scope.ServiceProvider.GetRequiredService<ImportEnterprises>();
    // Warm, as a running server is: the runtime recompiles a method at its final tier after 30 calls, in the background,
    // and much of an import's code runs once per batch. Warm-up imports go on until one of them leaves the compiler
    // thread (almost) idle — otherwise the measured import pays seconds of JIT work a running server has long done.
    static long CompilerTicks() => Directory.GetDirectories("/proc/self/task").Select(d => File.ReadAllText(d + "/stat"))
        .Where(st => st.Contains("(.NET Tiered Com)")).Sum(st => st[(st.LastIndexOf(')') + 2)..].Split(' ') is var f ? long.Parse(f[11]) + long.Parse(f[12]) : 0);
    for (var round = 0; round < 12; round++)
    {
        var compiling = CompilerTicks();
        await importer.Handle(new MemoryStream(ImportFile(20_000, $"915200W{round:D2}")), ImportMode.AllOrNothing, null, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        if (CompilerTicks() - compiling < 5) break; // under 50 ms of compiling during the last warm-up import
    }
    // Rounds of one import and one raw COPY of as many new rows, in alternating order, so the machine's other work weighs
    // on both alike; the ratio is that of the medians.
    var (importTimes, copyTimes, importCpuTimes, copyCpuTimes) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
    for (var round = 0; round < Arg("importRounds", 3); round++)
    {
        var file = ImportFile(importRows, $"9152000C{round}");
        async Task Import()
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var report = await importer.Handle(new MemoryStream(file), ImportMode.AllOrNothing, null, CancellationToken.None);
            importTimes.Add(clock.Elapsed.TotalSeconds);
            importCpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            if (!report.Applied) throw new InvalidOperationException("bench import refused: " + report.Errors.FirstOrDefault());
        }
        async Task Copy()
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            await using var raw = new NpgsqlConnection(connection);
            await raw.OpenAsync();
            await province.CopyEnterprises(raw, importRows, $"9152000D{round}", offset);
            copyTimes.Add(clock.Elapsed.TotalSeconds);
            copyCpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
        if (round % 2 == 0) { await Import(); await Copy(); }
        else { await Copy(); await Import(); }
        Console.WriteLine($"(a) round {round + 1}: import {importTimes[^1]:F1} s (CPU {importCpuTimes[^1]:F1} s), COPY {copyTimes[^1]:F1} s: {copyTimes[^1] / importTimes[^1]:F3}");
    }
    var (importSeconds, copySeconds) = (Median(importTimes), Median(copyTimes));
    // The spread of the rounds, not only the median: on a shared machine one round can sit well away from the others.
    var roundRatios = copyTimes.Zip(importTimes, (c, i) => c / i).ToList();

    // (b) The panorama map of one chain as the page asks for it (the latest year), against two hand-written baselines on
    // one connection: the same reads as the application issues (chain, thresholds, year, nodes with their statistics,
    // 链主, their purchases) — the application's own overhead — and, for scale, the aggregate over every link that the map
    // computed before it read per-node statistics.
    var maps = scope.ServiceProvider.GetRequiredService<ReadChainMap>();
    var chain = province.ChainIds[0];
    await using var sql = new NpgsqlConnection(connection);
    await sql.OpenAsync();
    // Alternating runs, so the machine's other work weighs on both sides alike.
    var (mapTimes, sameReadsTimes) = await TimeSideBySide(runs, () => maps.Handle(chain, null, CancellationToken.None), () => SameReads(sql, chain, province.ProvincePath));
    const string Aggregate = """
        SELECT l."NodeId", count(*), count(*) FILTER (WHERE f."Revenue" >= 20000000), coalesce(sum(f."OutputValue"), 0)
        FROM "EnterpriseNodeLinks" l JOIN "Enterprises" e ON e."Id" = l."EnterpriseId"
        LEFT JOIN "EnterpriseYearFacts" f ON f."EnterpriseId" = e."Id" AND f."Year" = 2024
        WHERE l."ChainId" = @chain AND l."Evidence" <> 3 GROUP BY l."NodeId"
        """;
    var aggregateTimes = await Time(runs, () => Read(sql, Aggregate, ("chain", chain)));
    var node = await maps.Handle(chain, null, CancellationToken.None);
    var nodeTimes = await Time(runs, () => scope.ServiceProvider.GetRequiredService<ReadNodeEnterprises>().Handle(node.Nodes[0].Id, node.Year, CancellationToken.None));

    // (c) Gap analysis of every chain: the one-query report, and chain by chain through the map for comparison.
    clock.Restart();
    var gaps = await scope.ServiceProvider.GetRequiredService<ReadChainGaps>().Handle(2024, CancellationToken.None);
    var gapSeconds = clock.Elapsed.TotalSeconds;
    clock.Restart();
    foreach (var id in province.ChainIds) await maps.Handle(id, 2024, CancellationToken.None);
    var mapLoopSeconds = clock.Elapsed.TotalSeconds;
    int Found(GapKind kind) => gaps.Count(g => g.Gap.Kind == kind);
    int Built(GapKind kind) => province.GapsBuilt.GetValueOrDefault(kind);
    return
    [
        $"| (a) import {importRows:N0} enterprises, median of {importTimes.Count} rounds | {importSeconds:F1} s ({importRows / importSeconds:N0} rows/s; this process's CPU {Median(importCpuTimes):F1} s) | raw binary COPY {copySeconds:F1} s (CPU {Median(copyCpuTimes):F1} s) | {copySeconds / importSeconds:F3} of COPY speed (rounds {roundRatios.Min():F3}–{roundRatios.Max():F3}) |",
        $"| (b) panorama map, one chain (~{enterprises / 60:N0} enterprises) | p50 {P(mapTimes, 50):F1} ms, p99 {P(mapTimes, 99):F1} ms | same reads by hand p50 {P(sameReadsTimes, 50):F1} ms, p99 {P(sameReadsTimes, 99):F1} ms | p99 {P(mapTimes, 99) / P(sameReadsTimes, 99):F1}× |",
        $"| (b) for scale: aggregate over every link of the chain | | p50 {P(aggregateTimes, 50):F1} ms, p99 {P(aggregateTimes, 99):F1} ms | map p99 {P(mapTimes, 99) / P(aggregateTimes, 99):F2}× |",
        $"| (b) a node opened: its ~{enterprises / 60 / 40:N0} enterprises | p50 {P(nodeTimes, 50):F1} ms, p99 {P(nodeTimes, 99):F1} ms | | |",
        $"| (c) gap analysis, all 60 chains: {gaps.Count:N0} gap nodes found ({Found(GapKind.Missing)} missing, {Found(GapKind.Short)} short, {Found(GapKind.Weak)} weak; built {Built(GapKind.Missing)}, {Built(GapKind.Short)}, {Built(GapKind.Weak)}) | {gapSeconds:F2} s (one grouped query) | every chain's map in turn: {mapLoopSeconds:F1} s | {mapLoopSeconds / gapSeconds:F1}× faster |",
    ];
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

string CodeOf(string path) => path.TrimEnd('/').Split('/')[^1];

static async Task Read(NpgsqlConnection connection, string text, params (string Name, object? Value)[] parameters)
{
    await using var command = new NpgsqlCommand(text, connection);
    foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync()) { }
}

// The statements ReadChainMap issues for a province-level official, written by hand.
static async Task SameReads(NpgsqlConnection c, Guid chain, string scope)
{
    string path;
    await using (var command = new NpgsqlCommand("""SELECT "JurisdictionPath" FROM "Chains" WHERE "Id" = @chain AND "JurisdictionPath" LIKE @scope || '%'""", c))
    {
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("scope", scope);
        path = (string)(await command.ExecuteScalarAsync())!;
    }
    await Read(c, """SELECT "ShortShare" FROM "GapSettings" WHERE @path LIKE "JurisdictionPath" || '%' ORDER BY length("JurisdictionPath") DESC LIMIT 1""", ("path", path));
    var years = new SortedSet<int>();
    await using (var command = new NpgsqlCommand("""
        SELECT n.*, s."LocalCount", s."ConfirmedCount", s."LeaderCount", y."Year", y."AboveScaleCount", y."LocalOutput"
        FROM "ChainNodes" n LEFT JOIN "ChainNodeStatistics" s ON s."NodeId" = n."Id" LEFT JOIN "ChainNodeYearStatistics" y ON y."NodeId" = n."Id"
        WHERE n."ChainId" = @chain AND n."JurisdictionPath" LIKE @scope || '%'
        """, c))
    {
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("scope", scope);
        await using var reader = await command.ExecuteReaderAsync();
        var yearColumn = reader.GetOrdinal("Year");
        while (await reader.ReadAsync()) if (!reader.IsDBNull(yearColumn)) years.Add(reader.GetInt32(yearColumn));
    }
    int? year = null;
    foreach (var candidate in years.Reverse())
    {
        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM "EnterpriseNodeLinks" l WHERE l."ChainId" = @chain AND l."JurisdictionPath" LIKE @scope || '%'
                           AND EXISTS (SELECT 1 FROM "EnterpriseYearFacts" f WHERE f."EnterpriseId" = l."EnterpriseId" AND f."Year" = @year AND f."JurisdictionPath" LIKE @scope || '%'))
            """, c);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("year", candidate);
        if ((bool)(await command.ExecuteScalarAsync())!)
        {
            year = candidate;
            break;
        }
    }
    var leaders = new List<Guid>();
    await using (var command = new NpgsqlCommand("""
        SELECT DISTINCT e."Id", e."Name" FROM "EnterpriseNodeLinks" l JOIN "Enterprises" e ON e."Id" = l."EnterpriseId"
        WHERE l."ChainId" = @chain AND l."Role" = 1 AND l."Evidence" <> 3 AND l."JurisdictionPath" LIKE @scope || '%' AND e."JurisdictionPath" LIKE @scope || '%'
        """, c))
    {
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("scope", scope);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) leaders.Add(reader.GetGuid(0));
    }
    if (leaders.Count > 0)
        await Read(c, """
            SELECT s."CustomerId", s."Amount", e."JurisdictionPath" FROM "SupplyLinks" s JOIN "Enterprises" e ON e."Id" = s."SupplierId"
            WHERE s."CustomerId" = ANY(@leaders) AND s."Year" = @year
            """, ("leaders", leaders.ToArray()), ("year", year));
}

static double P(List<double> times, int percentile) => times.Order().ElementAt(Math.Min(times.Count - 1, (int)Math.Ceiling(percentile / 100.0 * times.Count) - 1));

static async Task<(List<double>, List<double>)> TimeSideBySide(int runs, Func<Task> work, Func<Task> baseline)
{
    for (var i = 0; i < 3; i++) { await work(); await baseline(); } // warm up
    var (times, baselineTimes) = (new List<double>(runs), new List<double>(runs));
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await work();
        times.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await baseline();
        baselineTimes.Add(watch.Elapsed.TotalMilliseconds);
    }
    return (times, baselineTimes);
}

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
