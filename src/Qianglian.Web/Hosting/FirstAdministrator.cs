using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Hosting;

/// <summary>
/// On the first start of a non-demo database: one national administrator whose one-time password is printed once
/// (never stored in clear, never printed again) and must be changed at first sign-in.
/// </summary>
public sealed class FirstAdministrator(AppDb dbs, UserManager<AppUser> users, StartupConsole console, ILogger<FirstAdministrator> log)
{
    public const string UserName = "admin";

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        if (await db.Users.AnyAsync(ct)) return; // the system scope sees every account
        var nation = await db.Jurisdictions.SingleAsync(j => j.Code == Jurisdiction.NationalCode, ct);
        var admin = new AppUser { UserName = UserName, DisplayName = "系统管理员", JurisdictionId = nation.Id, MustChangePassword = true };
        var password = OneTimePassword.Generate();
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.Administrator);
        log.LogWarning("First start: created administrator '{User}'.", UserName);
        console.WriteLine();
        console.WriteLine("==== 首次启动：已创建系统管理员 (first start: administrator created) ====");
        console.WriteLine($"  用户名 user: {UserName}");
        console.WriteLine($"  一次性密码 one-time password: {password}");
        console.WriteLine("  此密码只显示这一次，首次登录后必须修改 (shown only now; must be changed at first sign-in)");
        console.WriteLine();
    }
}
