using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qianglian.Core.Notifications;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>
/// The delivery job: sends every queued delivery whose time has come over its channel; a failure is counted, its error
/// kept (the delivery log), and the next attempt put off by exponential back-off (<see cref="RetryBackoff"/>) until
/// <see cref="NotificationOptions.MaxAttempts"/>, when it is given up. Each outcome is saved as soon as it is known, so
/// a crash re-sends at most the one in flight. Runs on one host at a time (<see cref="JobLock"/>).
/// </summary>
public sealed class DeliverMessages(AppDb dbs, IEnumerable<IMessageChannel> channels, JobLock locks, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<DeliverMessages> log)
{
    public const string LockName = "deliveries";
    private const int Batch = 200;

    /// <summary>One run; returns the number of deliveries attempted (0 when another host holds the turn).</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var turn = await locks.TryAcquireAsync(LockName, ct);
        if (turn is null) return 0;
        var o = options.Value;
        var byChannel = channels.ToDictionary(c => c.Channel);
        var now = clock.GetUtcNow();
        await using var db = dbs.OpenSystem();
        var due = await db.Set<Delivery>().Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var messageIds = due.Select(d => d.MessageId).Distinct().ToList();
        var messages = await db.Set<Message>().AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var userIds = due.Select(d => d.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (Name: u.UserName ?? "", u.Email), ct);
        // Read at sending: a robot the user changed or removed since the message was queued is not posted to.
        var robots = await db.Set<NotificationPreference>().AsNoTracking().Where(p => userIds.Contains(p.UserId) && p.WebhookUrl != null)
            .ToDictionaryAsync(p => p.UserId, p => p.WebhookUrl, ct);
        foreach (var delivery in due)
        {
            delivery.Attempts++;
            try
            {
                var message = messages[delivery.MessageId];
                var user = users.GetValueOrDefault(delivery.UserId);
                var link = string.IsNullOrWhiteSpace(o.PublicUrl) ? message.Link : new Uri(new Uri(o.PublicUrl), message.Link).ToString();
                await byChannel[delivery.Channel].SendAsync(new Outgoing(user.Name, user.Email, message.Title, message.Body, link, robots.GetValueOrDefault(delivery.UserId)), ct);
                // The last error stays: the log shows a delivery that got through only after failures.
                (delivery.Status, delivery.SentAt) = (DeliveryStatus.Sent, clock.GetUtcNow());
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                delivery.LastError = e.Message.Length <= 1000 ? e.Message : e.Message[..1000];
                if (RetryBackoff.GiveUp(delivery.Attempts, o.MaxAttempts)) delivery.Status = DeliveryStatus.Failed;
                else delivery.NextAttemptAt = clock.GetUtcNow() + RetryBackoff.After(delivery.Attempts,
                    TimeSpan.FromSeconds(o.FirstRetrySeconds), TimeSpan.FromSeconds(o.MaxRetrySeconds));
                log.LogWarning("Delivery {Id} over {Channel} failed (attempt {Attempt}): {Error}", delivery.Id, delivery.Channel, delivery.Attempts, e.Message);
            }
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }
}
