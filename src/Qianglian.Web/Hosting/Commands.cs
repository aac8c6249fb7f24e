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
            default:
                Console.Error.WriteLine($"Unknown command '{command}'. Commands: {string.Join(", ", LaunchOptions.Commands)}");
                return 2;
        }
    }
}
