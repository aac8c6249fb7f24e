using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Hosting;

/// <summary>
/// <c>import enterprises|facts FILE.xlsx --user=NAME [--mode=GoodRowsOnly]</c>: the same imports as the page, run as a
/// named account (its role and jurisdiction apply, and the audit log names it), with progress on the console.
/// Ctrl+C cancels and rolls back. Writes FILE.errors.xlsx when rows are refused.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration config, IReadOnlyList<string> args)
    {
        if (args.Count != 2 || args[0] is not ("enterprises" or "facts") || config["user"] is not { Length: > 0 } userName)
        {
            Console.Error.WriteLine("用法 usage: import enterprises|facts FILE.xlsx --user=NAME [--mode=GoodRowsOnly]");
            return 2;
        }
        var path = args[1];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"找不到文件 (file not found): {path}");
            return 2;
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not { } account)
        {
            Console.Error.WriteLine($"没有用户 (no such user): {userName}");
            return 2;
        }
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
        services.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, "cli")));

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var mode = Enum.TryParse<ImportMode>(config["mode"], out var m) ? m : ImportMode.AllOrNothing;
        await using var stream = new MemoryStream(await File.ReadAllBytesAsync(path, cancel.Token));
        var progress = new Progress<ImportProgress>(p => Console.Write($"\r{p.Stage} {p.Done}{(p.Total > 0 ? $"/{p.Total} ({100 * p.Done / p.Total}%)" : "")}   "));
        try
        {
            var report = args[0] == "facts"
                ? await services.GetRequiredService<FactsExcel>().Import(stream, mode, cancel.Token)
                : await services.GetRequiredService<ImportEnterprises>().Handle(stream, mode, progress, cancel.Token);
            Console.WriteLine();
            Console.WriteLine(report.Applied
                ? $"已导入 imported: {report.Rows} 行 rows, 新增 inserted {report.Inserted}, 更新 updated {report.Updated}, 错误 errors {report.Errors.Count}"
                : $"未导入 nothing imported: {report.Errors.Count} 处错误 errors");
            foreach (var e in report.Errors.Take(20)) Console.WriteLine($"  第{e.Row}行 row {e.Row} [{e.Column}] {e.Message}");
            if (report.Errors.Count > 0)
            {
                var errorsPath = Path.ChangeExtension(path, ".errors.xlsx");
                await File.WriteAllBytesAsync(errorsPath, Workbooks.Errors(report.Errors));
                Console.WriteLine($"错误清单 error report: {errorsPath}");
            }
            return report.Applied && report.Errors.Count == 0 ? 0 : 1;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine();
            Console.WriteLine("已取消，未写入任何数据 (cancelled: nothing written)");
            return 1;
        }
        catch (Api.ForbiddenException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
