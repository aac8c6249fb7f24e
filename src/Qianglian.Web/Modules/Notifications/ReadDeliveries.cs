using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>
/// The delivery log an administrator reads: each e-mail and webhook delivery of the administrator's subtree with its
/// status, attempts and last error (the recipients' messages themselves are theirs: only the title is shown).
/// </summary>
public sealed class ReadDeliveries(AppDb dbs, CurrentUser user)
{
    public const int PageSize = 100;

    public sealed record DeliveryView(Guid Id, DeliveryChannel Channel, string Target, string UserName, string Title, DeliveryStatus Status,
        int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string JurisdictionPath);

    public async Task<IReadOnlyList<DeliveryView>> List(DeliveryStatus? status, int? page, CancellationToken ct)
    {
        user.Require(Permission.ManageUsers);
        await using var db = dbs.Open();
        var rows = db.Set<Delivery>().AsNoTracking();
        if (status is { } s) rows = rows.Where(d => d.Status == s);
        var list = await rows.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((Math.Max(page ?? 1, 1) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var messageIds = list.Select(d => d.MessageId).Distinct().ToList();
        var titles = await db.Set<Message>().AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var userIds = list.Select(d => d.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", ct);
        return list.Select(d => new DeliveryView(d.Id, d.Channel, d.Target, names.GetValueOrDefault(d.UserId, ""), titles.GetValueOrDefault(d.MessageId, ""),
            d.Status, d.Attempts, d.LastError, d.CreatedAt, d.NextAttemptAt, d.SentAt, d.JurisdictionPath)).ToList();
    }
}
