using Qianglian.Web.Data;
using Qianglian.Web.Modules.Audit;

namespace Qianglian.Web.Hosting;

/// <summary>
/// Command-line jobs run by the same host: <c>dotnet run --project src/Qianglian.Web -- verify-audit</c>. Each answers
/// 0 when done and sound, 1 when it found a fault (a broken chain, drift) or failed, 2 on a wrong command line.
/// </summary>
public static class Commands
{
    public static async Task<int> RunAsync(WebApplication app, string command, IReadOnlyList<string> args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var ct = CancellationToken.None;
        try
        {
            switch (command)
            {
                case "verify-audit":
                    var options = new VerifyAudit.Options(Option(args, "--head"), args.Contains("--drift"));
                    var verify = services.GetRequiredService<VerifyAudit>();
                    return Report(Option(args, "--archive") is { } archive ? await verify.HandleArchive(archive, options, ct) : await verify.Handle(options, ct));
                case "audit-head":
                    var file = Argument(args);
                    var intact = await services.GetRequiredService<VerifyAudit>().Handle(ct);
                    if (Report(intact) != 0) return 1; // never keep the head of a broken chain as the reference
                    new AuditHead(intact.HeadSequence, intact.HeadHash ?? Core.Audit.AuditChain.Genesis, DateTimeOffset.UtcNow).Write(file);
                    Console.WriteLine($"链头已写入 {file}：第 {intact.HeadSequence} 条 (head written: entry {intact.HeadSequence})");
                    return 0;
                case "audit-export":
                    var (count, last) = await services.GetRequiredService<ExportAudit>().Handle(Argument(args), ct);
                    Console.WriteLine($"已导出 {count} 条审计记录 (exported {count} entries), 最新 head: {last?.Sequence} {last?.Hash}");
                    return 0;
                case "audit-rotate-key":
                    await using (var db = services.GetRequiredService<AppDb>().OpenSystem())
                    {
                        var key = db.AuditKeys.Rotate((await AuditTrail.HeadAsync(db, ct)).Sequence);
                        Console.WriteLine($"新密钥 {key.Id} 已生成，新记录将使用它 (new audit key {key.Id}: new entries are signed with it)");
                    }
                    return 0;
                case "backup":
                    var target = Argument(args);
                    await services.GetRequiredService<DatabaseBackup>().BackupAsync(target, ct);
                    Console.WriteLine($"备份完成：{target} (backup written)");
                    return 0;
                case "restore":
                    await services.GetRequiredService<DatabaseBackup>().RestoreAsync(Argument(args), ct);
                    Console.WriteLine("恢复完成，校验审计链 (restored; verifying the audit chain)");
                    return Report(await services.GetRequiredService<VerifyAudit>().Handle(ct));
                case "import":
                    await Bootstrap.MigrateAsync(app);
                    return await ImportCommand.RunAsync(services, app.Configuration, args);
                case "rotate-personal-data-key":
                    return await RotatePersonalDataKeyAsync(app);
                default:
                    Console.Error.WriteLine($"Unknown command '{command}'. Commands: {string.Join(", ", LaunchOptions.Commands)}");
                    return 2;
            }
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException
                                       or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"{command} 失败 (failed): {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Adds a new personal-data key, makes it current and re-seals every stored value with it (docs/operations.md, 个人信息密钥).
    /// The old key files stay: a backup taken before still needs them. Run with the service stopped (a running instance
    /// holds the old key ring and could not open the re-sealed values until restarted).
    /// </summary>
    private static async Task<int> RotatePersonalDataKeyAsync(WebApplication app)
    {
        await Bootstrap.MigrateAsync(app); // seals any plaintext with the current key first; a wrong key stops here
        var directory = app.Services.GetRequiredService<Data.Protection.PersonalDataKeys>().Directory;
        var id = Data.Protection.PersonalDataKeys.Rotate(directory, TimeProvider.System);
        var cipher = new Data.Protection.PersonalDataCipher(Data.Protection.PersonalDataKeys.Load(directory));
        await using var db = app.Services.GetRequiredService<Data.DatabaseOptions>().Create(Data.UserScope.System, TimeProvider.System);
        var result = await Data.Protection.PersonalDataSealing.RunAsync(db, cipher, CancellationToken.None);
        Console.WriteLine($"个人信息新密钥 {id}（{directory}），已重新加密 {result.Resealed} 个值 (new personal-data key {id}; {result.Resealed} values re-sealed)");
        return 0;
    }

    private static int Report(VerifyAudit.Result result)
    {
        if (result.FirstBreak is { } broken)
        {
            Console.WriteLine($"审计链断裂于第 {broken.Sequence} 条：{broken.Reason}");
            Console.WriteLine($"AUDIT CHAIN BROKEN at entry {broken.Sequence}");
            return 1;
        }
        foreach (var seal in result.SealBreaks ?? [])
            Console.WriteLine($"评价“{seal.Title}”（{seal.RunId}）：{seal.Reason}");
        foreach (var drift in result.Drift ?? [])
            Console.WriteLine($"{drift.EntityType} {drift.EntityKey}{(drift.Field is null ? "" : "." + drift.Field)}：{drift.Reason}");
        if (result.SealBreaks is { Count: > 0 } sealBreaks) Console.WriteLine($"SEALED RESULTS CHANGED in {sealBreaks.Count} run(s)");
        if (result.Drift is { Count: > 0 } drifted) Console.WriteLine($"DRIFT: {drifted.Count} difference(s) from the audited state");
        if (!result.Intact) return 1;
        Console.WriteLine($"审计链完整，共 {result.Checked} 条 (audit chain intact: {result.Checked} entries)");
        if (result.Unkeyed > 0)
            Console.WriteLine($"其中 {result.Unkeyed} 条写于启用密钥之前，仅受哈希链保护 ({result.Unkeyed} entries predate the keyed chain: hash-chained only)");
        if (result.Drift is not null) Console.WriteLine("业务数据与审计记录一致 (no drift from the audited state)");
        Console.WriteLine($"最新哈希 head hash: {result.HeadHash}");
        return 0;
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        var at = args.ToList().IndexOf(name);
        if (at < 0) return null;
        return at + 1 < args.Count ? args[at + 1] : throw new UsageException($"{name} needs a file");
    }

    private static string Argument(IReadOnlyList<string> args) =>
        args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : throw new UsageException("needs a file");

    private sealed class UsageException(string message) : Exception(message);
}
