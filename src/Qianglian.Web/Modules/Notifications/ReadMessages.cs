using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>
/// The message centre: the signed-in user's own messages (newest first), the unread count of the top bar's bell, and
/// marking them read. Read in the user's home scope and filtered to the account, so a message is its recipient's alone.
/// </summary>
public sealed class ReadMessages(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const int PageSize = 50;

    public sealed record MessageView(Guid Id, MessageKind Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt, bool Read, string JurisdictionPath);

    public sealed record MessagePage(IReadOnlyList<MessageView> Items, int Unread, int Total);

    public async Task<MessagePage> Mine(bool unreadOnly, int? page, CancellationToken ct)
    {
        var me = Me();
        var skip = (Math.Max(page ?? 1, 1) - 1) * PageSize;
        await using var db = dbs.OpenHome();
        var mine = db.Set<Message>().AsNoTracking().Where(m => m.UserId == me);
        var unread = await mine.CountAsync(m => m.ReadAt == null, ct);
        var total = await mine.CountAsync(ct);
        var rows = await (unreadOnly ? mine.Where(m => m.ReadAt == null) : mine)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(skip).Take(PageSize)
            .Select(m => new MessageView(m.Id, m.Kind, m.Title, m.Body, m.Link, m.CreatedAt, m.ReadAt != null, m.JurisdictionPath)).ToListAsync(ct);
        return new MessagePage(rows, unread, total);
    }

    /// <summary>The bell's count.</summary>
    public async Task<int> UnreadCount(CancellationToken ct)
    {
        var me = Me();
        await using var db = dbs.OpenHome();
        return await db.Set<Message>().CountAsync(m => m.UserId == me && m.ReadAt == null, ct);
    }

    /// <summary>Marks one of the user's messages read (again: no change). Another account's message does not exist for the caller.</summary>
    public async Task MarkRead(Guid id, CancellationToken ct)
    {
        var me = Me();
        await using var db = dbs.OpenHome();
        var message = await db.Set<Message>().FirstOrDefaultAsync(m => m.Id == id && m.UserId == me, ct)
                      ?? throw new NotFoundException("message", "消息不存在 (message not found)");
        if (message.ReadAt is not null) return;
        message.ReadAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks every unread message of the user read; returns how many.</summary>
    public async Task<int> MarkAllRead(CancellationToken ct)
    {
        var me = Me();
        await using var db = dbs.OpenHome();
        var unread = await db.Set<Message>().Where(m => m.UserId == me && m.ReadAt == null).Take(1000).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var m in unread) m.ReadAt = now;
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }

    private Guid Me()
    {
        // Every account has a message centre, whatever its role (the audit administrator holds no business permission):
        // the rows are the caller's own, so being signed in is the permission.
        return user.IsAuthenticated && user.Id is { } id ? id : throw new ForbiddenException("未登录 (not signed in)");
    }
}
