using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Inbox;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Modules.Notifications;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Bench;

/// <summary>
/// (g) The 待办 inbox as the services read it (<see cref="ReadInbox.Mine"/>, in a request scope signed in as the account,
/// its claims made by the application's own factory) for five accounts — the province office, a county office, a
/// lead department that approves (财政局: consulted, pays), a chain chief, the enterprise account with the most
/// applications — each alternating run by run with the same rows read by hand in SQL on one connection. (h) The
/// reminder job run once over every account, then again (nothing new to send: what every later run costs), against
/// the rows it looks at read by hand once for the whole province.
/// </summary>
public static class InboxBench
{
    public static async Task<IReadOnlyList<string>> RunAsync(IServiceProvider services, DatabaseOptions options, string connection, SyntheticProvince province,
        int percent, int runs)
    {
        var inbox = new InboxProvince(province, connection, percent);
        var clock = Stopwatch.StartNew();
        await using (var db = options.Create(UserScope.System, TimeProvider.System)) await inbox.BuildAsync(db, default);
        Console.WriteLine($"inbox province at {percent} %: {inbox.OfficialAccounts:N0} officials, {inbox.EnterpriseAccounts:N0} enterprise accounts, "
                          + string.Join(", ", inbox.Volumes.Select(v => $"{v.Value:N0} {v.Key}")) + $" — built in {clock.Elapsed.TotalSeconds:F0} s");
        var lines = new List<string>
        {
            $"| (g) inbox province at {percent} %: {inbox.OfficialAccounts:N0} officials, {inbox.EnterpriseAccounts:N0} enterprise accounts; "
            + string.Join(", ", inbox.Volumes.Select(v => $"{v.Value:N0} {v.Key}")) + " | | | |",
        };
        await using var sql = new NpgsqlConnection(connection);
        await sql.OpenAsync();
        var county = inbox.FirstCountyCode;
        var code = province.ProvincePath.TrimEnd('/').Split('/')[^1];
        foreach (var (label, account) in new[]
                 {
                     ("province office", $"bench.{code}.office"), ("county office", $"bench.{county}.office"), ("lead department (财政局, consulted and paying)", $"bench.{county}.czj"),
                     ("chain chief (a province chain)", "bench.chief01"), ("enterprise (most applications)", inbox.BusiestEnterpriseAccount!),
                 })
        {
            var (read, who) = await SignedIn(services, account);
            var items = (await read.Mine(null, false, default)).Items.Count;
            var (times, hand) = await SideBySide(runs, () => read.Mine(null, false, default), () => HandReads(sql, who));
            var statements = await Statements(connection, () => read.Mine(null, false, default));
            lines.Add($"| (g) inbox of the {label}: {items:N0} items, {statements} statements | p50 {P(times, 50):F1} ms, p95 {P(times, 95):F1} ms | same rows by hand p50 {P(hand, 50):F1} ms, p95 {P(hand, 95):F1} ms | p95 {P(times, 95) / P(hand, 95):F1}× |");
            Console.WriteLine(lines[^1]);
        }

        // (h) The reminder job over every account.
        var accounts = inbox.OfficialAccounts + inbox.EnterpriseAccounts;
        async Task<(int Sent, double Seconds, double Cpu, long Statements)> Remind(int? parallelism = null)
        {
            await using var scope = services.CreateAsyncScope();
            var read = scope.ServiceProvider.GetRequiredService<ReadInbox>();
            if (parallelism is { } p) read.Parallelism = p;
            var job = scope.ServiceProvider.GetRequiredService<SendReminders>();
            var (sent, seconds, cpu) = (0, 0.0, 0.0);
            var statements = await Statements(connection, async () =>
            {
                var used = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                sent = await job.RunAsync(default);
                (seconds, cpu) = (watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - used).TotalSeconds);
            });
            return (sent, seconds, cpu, statements);
        }
        var first = await Remind();
        int messages;
        await using (var db = options.Create(UserScope.System, TimeProvider.System)) messages = await db.Set<Message>().CountAsync();
        // Every later run finds nothing new to send but reads every inbox again: one account at a time, then as the job does.
        var alone = await Remind(1);
        var again = await Remind();
        var handWatch = Stopwatch.StartNew();
        await ProvinceRows(sql);
        var handSeconds = handWatch.Elapsed.TotalSeconds;
        lines.Add($"| (h) reminder job, first run over {accounts:N0} accounts: {first.Sent:N0} reminders, {messages:N0} messages; {first.Statements:N0} statements ({(double)first.Statements / accounts:F1} per account) | {first.Seconds:F1} s (CPU of the process {first.Cpu:F1} s) | the rows it looks at, by hand for the whole province: {handSeconds:F2} s | {first.Seconds / handSeconds:F0}× |");
        lines.Add($"| (h) reminder job again, nothing new to send, one account at a time: {alone.Statements:N0} statements | {alone.Seconds:F1} s (CPU {alone.Cpu:F1} s) | | {alone.Seconds / handSeconds:F0}× |");
        lines.Add($"| (h) reminder job again, nothing new to send, as the job runs ({new ReadInboxParallelism(services).Value} accounts at a time): {again.Statements:N0} statements | {again.Seconds:F1} s (CPU {again.Cpu:F1} s) | | {again.Seconds / handSeconds:F0}× |");
        foreach (var line in lines.TakeLast(3)) Console.WriteLine(line);
        return lines;
    }

    private sealed class ReadInboxParallelism(IServiceProvider services)
    {
        public int Value { get; } = services.CreateScope().ServiceProvider.GetRequiredService<ReadInbox>().Parallelism;
    }

    /// <summary>Who an account is, for the hand-written reads.</summary>
    private sealed record Who(Guid UserId, string Path, Guid? Unit, Guid? Enterprise, bool Review, bool Assign, bool Office);

    private static async Task<(ReadInbox Read, Who Who)> SignedIn(IServiceProvider services, string name)
    {
        var scope = services.CreateAsyncScope(); // kept for the measurements (the bench's process ends with them)
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(name) ?? throw new InvalidOperationException("no account " + name);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        var roles = await users.GetRolesAsync(user);
        return (scope.ServiceProvider.GetRequiredService<ReadInbox>(), new Who(user.Id, user.JurisdictionPath, user.UnitId, user.EnterpriseId,
            RolePermissions.Allows(roles.ToList(), Permission.ReviewIncentives), RolePermissions.Allows(roles.ToList(), Permission.ManageTasks),
            RolePermissions.Allows(roles.ToList(), Permission.ManageCultivation)));
    }

    /// <summary>
    /// The rows the inbox sources read for the account, written by hand: the account, its unit and chains; the open
    /// applications in its scope with their measures, workflows and enterprises' names; the problems it handles or
    /// rates; its unit's tasks with their reports; its projects with the last two months' reports and tolerated
    /// approvals; the office's open tier proposals (counted) and objections. No names of units, settings or calendars.
    /// </summary>
    private static async Task HandReads(NpgsqlConnection c, Who w)
    {
        var enterprise = w.Enterprise is { } e ? " AND \"EnterpriseId\" = @e" : "";
        var p = new (string, object?)[] { ("p", w.Path), ("u", (object?)w.Unit ?? DBNull.Value), ("me", w.UserId), ("e", (object?)w.Enterprise ?? DBNull.Value) };
        await Read(c, """SELECT "DisplayName", "JurisdictionId", "UnitId", "EnterpriseId" FROM "AspNetUsers" WHERE "Id" = @me""", p);
        if (w.Unit is not null) await Read(c, """SELECT "Key", "Name" FROM "Units" WHERE "Id" = @u""", p);
        await Read(c, """SELECT "Id" FROM "Chains" WHERE "ChiefUserId" = @me OR @me = ANY("DeputyUserIds") OR "LeadUnitId" = @u""", p);
        if (w.Review || w.Enterprise is not null)
        {
            var states = w.Review ? "\"State\" NOT IN ('draft', 'returned')" : "(\"State\" = 'returned' OR (\"State\" = 'draft' AND \"Origin\" = 3))";
            var apps = await Ids(c, $"""SELECT "Id", "MeasureId", "EnterpriseId" FROM "IncentiveApplications" WHERE "JurisdictionPath" LIKE @p || '%'{enterprise} AND "State" NOT IN ('rejected', 'archived') AND {states}""", p, 3);
            if (apps.Count > 0)
            {
                var measures = apps.Select(a => a[1]).Distinct().ToArray();
                await Read(c, """SELECT "Id", "Title", "WorkflowId" FROM "IncentiveMeasures" WHERE "Id" = ANY(@m)""", [("m", measures)]);
                await Read(c, """SELECT "Id", "StagesJson" FROM "IncentiveWorkflows" WHERE "Id" IN (SELECT "WorkflowId" FROM "IncentiveMeasures" WHERE "Id" = ANY(@m))""", [("m", measures)]);
                await Read(c, """SELECT "Id", "Name" FROM "Enterprises" WHERE "Id" = ANY(@ids)""", [("ids", apps.Select(a => a[2]).Distinct().ToArray())]);
            }
        }
        await Read(c, $"""
            SELECT * FROM "Problems" WHERE "JurisdictionPath" LIKE @p || '%'{enterprise}
              AND (("Status" = 1 AND ("AssignedUnitId" = @u OR "AssignedUserId" = @me)) OR ("Status" = 2 AND "EnterpriseId" = @e))
            """, p);
        if (w.Unit is not null || w.Assign)
        {
            var tasks = await Ids(c, $"""SELECT "Id" FROM "MeasureTasks" WHERE "JurisdictionPath" LIKE @p || '%' AND (("UnitId" = @u AND "Status" = 0) OR ({(w.Assign ? "true" : "false")} AND "Status" = 2))""", p, 1);
            if (tasks.Count > 0) await Read(c, """SELECT "TaskId", "Period", "SubmittedOn" FROM "TaskReports" WHERE "TaskId" = ANY(@ids)""", [("ids", tasks.Select(t => t[0]).ToArray())]);
        }
        if (w.Unit is not null || w.Enterprise is not null)
        {
            var mine = w.Enterprise is not null ? "\"EnterpriseId\" = @e" : "\"ResponsibleUnitId\" = @u";
            var projects = await Ids(c, $"""SELECT "Id" FROM "Projects" WHERE "JurisdictionPath" LIKE @p || '%'{enterprise} AND "TerminatedOn" IS NULL AND {mine}""", p, 1);
            if (projects.Count > 0)
            {
                var ids = projects.Select(x => x[0]).ToArray();
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                var keys = new[] { today.AddMonths(-2), today.AddMonths(-1) }.Select(d => d.Year * 100 + d.Month).ToArray();
                await Read(c, """SELECT "ProjectId", "Year", "Month", "FiledOn" FROM "MonthlyReport" WHERE "ProjectId" = ANY(@ids) AND "Year" * 100 + "Month" = ANY(@keys)""", [("ids", ids), ("keys", keys)]);
                await Read(c, """SELECT * FROM "ProjectApproval" WHERE "ProjectId" = ANY(@ids) AND "Status" = 3 AND "CommitmentDeadline" IS NOT NULL""", [("ids", ids)]);
            }
        }
        if (w.Office)
        {
            await Read(c, """
                SELECT r."Id", (SELECT count(*) FROM "EvaluationResults" x WHERE x."RunId" = r."Id" AND x."Decision" = 1) FROM "EvaluationRuns" r
                WHERE r."JurisdictionPath" LIKE @p || '%' AND r."Kind" = 1 AND r."Status" = 4
                """, p);
            await Read(c, """
                SELECT o."Id", o."EnterpriseId", o."Reason", r."Title", r."ObjectionDeadline" FROM "Objections" o JOIN "EvaluationRuns" r ON r."Id" = o."RunId"
                WHERE o."JurisdictionPath" LIKE @p || '%' AND o."Status" = 1 AND r."Status" = 2
                """, p);
        }
    }

    /// <summary>What every account's inbox looks at, once for the whole province.</summary>
    private static async Task ProvinceRows(NpgsqlConnection c)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var keys = new[] { today.AddMonths(-2), today.AddMonths(-1) }.Select(d => d.Year * 100 + d.Month).ToArray();
        await Read(c, """SELECT "Id", "UserName", "JurisdictionPath", "UnitId", "EnterpriseId" FROM "AspNetUsers" """);
        await Read(c, """SELECT "UserId", "RoleId" FROM "AspNetUserRoles" """);
        await Read(c, """SELECT * FROM "IncentiveApplications" WHERE "State" NOT IN ('rejected', 'archived')""");
        await Read(c, """SELECT "Id", "Title", "WorkflowId" FROM "IncentiveMeasures" """);
        await Read(c, """SELECT "Id", "StagesJson" FROM "IncentiveWorkflows" """);
        await Read(c, """SELECT * FROM "Problems" WHERE "Status" IN (1, 2)""");
        await Read(c, """SELECT * FROM "MeasureTasks" WHERE "Status" IN (0, 2)""");
        await Read(c, """SELECT r."TaskId", r."Period", r."SubmittedOn" FROM "TaskReports" r JOIN "MeasureTasks" t ON t."Id" = r."TaskId" WHERE t."Status" = 0""");
        await Read(c, """SELECT * FROM "Projects" WHERE "TerminatedOn" IS NULL""");
        await Read(c, """SELECT "ProjectId", "Year", "Month", "FiledOn" FROM "MonthlyReport" WHERE "Year" * 100 + "Month" = ANY(@keys)""", [("keys", keys)]);
        await Read(c, """SELECT * FROM "ProjectApproval" WHERE "Status" = 3 AND "CommitmentDeadline" IS NOT NULL""");
        await Read(c, """SELECT "RunId", count(*) FROM "EvaluationResults" WHERE "Decision" = 1 GROUP BY "RunId" """);
        await Read(c, """SELECT * FROM "Objections" WHERE "Status" = 1""");
    }

    /// <summary>Statements the database ran for the work: its committed transactions (each statement outside one is one).</summary>
    private static async Task<long> Statements(string connection, Func<Task> work)
    {
        async Task<long> Committed()
        {
            await Task.Delay(1100); // the server publishes its counters at most once a second
            await using var c = new NpgsqlConnection(connection);
            await c.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", c);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.NextResultAsync();
            await reader.ReadAsync();
            return reader.GetInt64(0);
        }
        var before = await Committed();
        await work();
        return await Committed() - before - 2; // the two readings' own
    }

    private static async Task Read(NpgsqlConnection connection, string text, params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }

    private static async Task<List<Guid[]>> Ids(NpgsqlConnection connection, string text, (string Name, object? Value)[] parameters, int columns)
    {
        await using var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Guid[]>();
        while (await reader.ReadAsync()) rows.Add(Enumerable.Range(0, columns).Select(reader.GetGuid).ToArray());
        return rows;
    }

    private static double P(List<double> times, int percentile) => times.Order().ElementAt(Math.Min(times.Count - 1, (int)Math.Ceiling(percentile / 100.0 * times.Count) - 1));

    private static async Task<(List<double>, List<double>)> SideBySide(int runs, Func<Task> work, Func<Task> baseline)
    {
        for (var i = 0; i < 3; i++) { await work(); await baseline(); }
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
}
