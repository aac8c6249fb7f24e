using Qianglian.Web.Modules.Audit;

namespace Qianglian.Web.Hosting;

/// <summary>Command-line jobs run by the same host: <c>dotnet run --project src/Qianglian.Web -- verify-audit</c>.</summary>
public static class Commands
{
    public static async Task<int> RunAsync(WebApplication app, string command, IReadOnlyList<string> args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        switch (command)
        {
            case "verify-audit":
                var result = await scope.ServiceProvider.GetRequiredService<VerifyAudit>().Handle(CancellationToken.None);
                if (result.FirstBreak is { } broken)
                {
                    Console.WriteLine($"审计链断裂于第 {broken.Sequence} 条：{broken.Reason}");
                    Console.WriteLine($"AUDIT CHAIN BROKEN at entry {broken.Sequence}");
                    return 1;
                }
                foreach (var seal in result.SealBreaks ?? [])
                    Console.WriteLine($"评价“{seal.Title}”（{seal.RunId}）：{seal.Reason}");
                if (result.SealBreaks is { Count: > 0 } sealBreaks)
                {
                    Console.WriteLine($"SEALED RESULTS CHANGED in {sealBreaks.Count} run(s)");
                    return 1;
                }
                Console.WriteLine($"审计链完整，共 {result.Checked} 条 (audit chain intact: {result.Checked} entries)");
                Console.WriteLine($"最新哈希 head hash: {result.HeadHash}");
                return 0;
            case "import":
                await Bootstrap.MigrateAsync(app);
                return await ImportCommand.RunAsync(scope.ServiceProvider, app.Configuration, args);
            case "rotate-personal-data-key":
                return await RotatePersonalDataKeyAsync(app);
            default:
                Console.Error.WriteLine($"Unknown command '{command}'. Commands: {string.Join(", ", LaunchOptions.Commands)}");
                return 2;
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
}
