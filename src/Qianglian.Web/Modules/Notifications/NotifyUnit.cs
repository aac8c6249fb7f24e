using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>
/// Tells a unit's staff (or one account) that something needs them: a message each in the message centre and the
/// channels each chose. Written with the system scope after the caller's own change is saved, because the staff of a
/// unit the office moves work to may sit above the office's view (a city bureau); the change itself — audited with the
/// caller — records how many were told.
/// </summary>
public sealed class NotifyUnit(AppDb dbs, Notifier notifier)
{
    /// <returns>The number of accounts told.</returns>
    public async Task<int> SendAsync(Guid? unitId, Guid? userId, MessageKind kind, string title, string body, string link, CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        var ids = await db.Users.AsNoTracking()
            .Where(u => (unitId != null && u.UnitId == unitId) || (userId != null && u.Id == userId))
            .Select(u => u.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        var recipients = await Notifier.RecipientsAsync(db, ids, ct);
        foreach (var to in recipients.Values) notifier.Add(db, to, kind, title, body, link);
        await db.SaveChangesAsync(ct);
        return recipients.Count;
    }

    /// <summary>How many accounts a notice to the unit (or account) would reach, read before the change that records it.</summary>
    public async Task<int> CountAsync(Guid? unitId, Guid? userId, CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        return await db.Users.CountAsync(u => (unitId != null && u.UnitId == unitId) || (userId != null && u.Id == userId), ct);
    }
}
