using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qianglian.Core.Notifications;
using Qianglian.Web.Api;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Inbox;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>
/// The reminder job: reads every account's inbox (each in the account's own scope, <see cref="ReadInbox.EveryoneAsync"/>)
/// and sends each item's current reminder moment (<see cref="ReminderMoments"/>: the kind's window before the due date,
/// the day, overdue) that has not been sent for that due date — one message per item, or one digest per user who chose
/// it. Each reminder is a <see cref="ReminderRecord"/> under a unique index, saved with its message: a second host, or a
/// run after downtime, finds it there (or fails on the index) and sends nothing twice. Runs on one host at a time (<see cref="JobLock"/>).
/// </summary>
public sealed class SendReminders(AppDb dbs, ReadInbox inbox, Notifier notifier, JobLock locks, IOptions<NotificationOptions> options,
    TimeProvider clock, IStringLocalizer<Strings> L, ILogger<SendReminders> log)
{
    public const string LockName = "reminders";

    /// <summary>One run; returns the number of reminders recorded (0 when another host holds the turn).</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var turn = await locks.TryAcquireAsync(LockName, ct);
        if (turn is null) return 0;
        var sent = 0;
        var o = options.Value;
        await foreach (var account in inbox.EveryoneAsync(null, ct))
        {
            var owed = account.Items
                .Select(i => (Item: i, Moment: ReminderMoments.Current(i.WorkingDaysLeft, i.Overdue, o.WindowOf(i.Kind).Days)))
                .Where(x => x.Moment is not null && x.Item.DueOn is not null)
                .Select(x => (x.Item, Moment: x.Moment!.Value, DueOn: x.Item.DueOn!.Value))
                .ToList();
            if (owed.Count == 0) continue;
            sent += await SendAsync(account, owed, ct);
        }
        if (sent > 0) log.LogInformation("Sent {Count} reminders", sent);
        return sent;
    }

    private async Task<int> SendAsync(UserInbox account, List<(InboxItem Item, ReminderMoment Moment, DateOnly DueOn)> owed, CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        var rows = owed.Select(x => x.Item.RowId).Distinct().ToList();
        var done = (await db.Set<ReminderRecord>().AsNoTracking().Where(r => r.UserId == account.UserId && rows.Contains(r.RowId))
                .Select(r => new { r.ItemKind, r.RowId, r.Moment, r.DueOn }).ToListAsync(ct))
            .Select(r => (r.ItemKind, r.RowId, r.Moment, r.DueOn)).ToHashSet();
        var fresh = owed.Where(x => !done.Contains((x.Item.Kind, x.Item.RowId, x.Moment, x.DueOn)))
            .DistinctBy(x => (x.Item.Kind, x.Item.RowId, x.Moment, x.DueOn)).ToList();
        if (fresh.Count == 0) return 0;
        var recipients = await Notifier.RecipientsAsync(db, [account.UserId], ct);
        if (!recipients.TryGetValue(account.UserId, out var to)) return 0;
        var now = clock.GetUtcNow();
        if (to.Digest)
        {
            var lines = fresh.Select(x => $"· {Describe(x.Item, x.Moment)}：{x.Item.What}");
            var digest = notifier.Add(db, to, MessageKind.Digest, string.Format(L["Reminder_Digest_Title"], fresh.Count), string.Join("\n", lines), "/inbox");
            foreach (var x in fresh) Record(db, to, x, digest, now);
        }
        else
        {
            foreach (var x in fresh)
            {
                var message = notifier.Add(db, to, MessageKind.Reminder, $"{Describe(x.Item, x.Moment)}：{x.Item.What}",
                    $"{x.Item.What}\n{x.Item.Why}\n{L["InboxDue"]} {x.DueOn:yyyy-MM-dd}", x.Item.Link);
                Record(db, to, x, message, now);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Count;
        }
        catch (ConflictException)
        {
            // Another host recorded one of these reminders since we looked: it has sent them; this run sends none.
            return 0;
        }
    }

    private string Describe(InboxItem item, ReminderMoment moment) => moment switch
    {
        ReminderMoment.Before => string.Format(L["Reminder_Before"], item.WorkingDaysLeft ?? 0),
        ReminderMoment.OnDay => L["Reminder_OnDay"],
        _ => L["Reminder_Overdue"],
    };

    private static void Record(AppDbContext db, Notifier.Recipient to, (InboxItem Item, ReminderMoment Moment, DateOnly DueOn) x, Message message, DateTimeOffset now) =>
        db.Add(new ReminderRecord
        {
            JurisdictionId = to.JurisdictionId, UserId = to.UserId, ItemKind = x.Item.Kind, RowId = x.Item.RowId, Moment = x.Moment, DueOn = x.DueOn,
            MessageId = message.Id, SentAt = now,
        });
}
