using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Data;

namespace Qianglian.Web.Auth;

/// <summary>
/// The login history (time, address, result): every user reads their own; whoever manages accounts (the system
/// administrator, until the security administrator of 三员分立 exists) reads any account of their subtree
/// (GB/T 22239-2019 8.1.4.3 安全审计).
/// </summary>
public sealed class SignInHistory(AppDb dbs, CurrentUser user)
{
    public const int Shown = 200;

    public sealed record Entry(DateTimeOffset At, string UserName, string Address, SignInResult Result, string Channel, string JurisdictionPath);

    public async Task<IReadOnlyList<Entry>> Mine(CancellationToken ct)
    {
        var id = user.Id ?? throw new ForbiddenException("未登录 (not signed in)");
        await using var db = dbs.OpenHome();
        return await Read(db, id, ct);
    }

    public async Task<IReadOnlyList<Entry>> Of(Guid userId, CancellationToken ct)
    {
        user.Require(Permission.ManageSecurity);
        await using var db = dbs.Open();
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            throw new NotFoundException("user", "用户不存在 (user not found)");
        return await Read(db, userId, ct);
    }

    /// <summary>The newest <see cref="Shown"/> entries (Guid v7 keys are time-ordered; SQLite cannot sort DateTimeOffset).</summary>
    private static async Task<IReadOnlyList<Entry>> Read(AppDbContext db, Guid userId, CancellationToken ct) =>
        await db.Set<SignInRecord>().AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.Id).Take(Shown)
            .Select(r => new Entry(r.At, r.UserName, r.Address, r.Result, r.Channel, r.JurisdictionPath)).ToListAsync(ct);
}
