using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>
/// Puts a message in each recipient's message centre and queues its deliveries over the channels the recipient chose
/// (and the platform has configured). Adds to the context it is given, so the message, its deliveries and whatever
/// caused them (a reminder record) are saved — and audited — together; the delivery job sends them afterwards.
/// </summary>
public sealed class Notifier(IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <param name="WebhookUrl">The user's own robot, used instead of the platform's when set and allowed.</param>
    public sealed record Recipient(Guid UserId, Guid JurisdictionId, string? Email, bool ByEmail, bool ByWebhook, bool Digest, string? WebhookUrl = null);

    /// <summary>The accounts with their channel choices, read through the context given (the system's, for jobs).</summary>
    public static async Task<Dictionary<Guid, Recipient>> RecipientsAsync(AppDbContext db, IEnumerable<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.JurisdictionId, u.Email }).ToListAsync(ct);
        var prefs = await db.Set<NotificationPreference>().AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        return users.ToDictionary(u => u.Id, u =>
        {
            var p = prefs.GetValueOrDefault(u.Id);
            return new Recipient(u.Id, u.JurisdictionId, u.Email, p?.Email ?? false, p?.Webhook ?? false, p?.DailyDigest ?? false, p?.WebhookUrl);
        });
    }

    public Message Add(AppDbContext db, Recipient to, MessageKind kind, string title, string body, string link)
    {
        var now = clock.GetUtcNow();
        var message = new Message
        {
            JurisdictionId = to.JurisdictionId, UserId = to.UserId, Kind = kind, CreatedAt = now,
            Title = Clip(title, 200), Body = Clip(body, 4000), Link = Clip(link, 500),
        };
        db.Add(message);
        var o = options.Value;
        if (to.ByEmail && o.Smtp.Enabled && !string.IsNullOrWhiteSpace(to.Email))
            db.Add(Queue(message, DeliveryChannel.Email, to.Email!, now));
        // The user's own robot when set, else the platform's; the log names its host (the path carries the robot's key).
        if (to.ByWebhook && o.Webhook.UrlFor(to.WebhookUrl) is { } robot)
            db.Add(Queue(message, DeliveryChannel.Webhook, new Uri(robot).Host, now));
        return message;
    }

    private static Delivery Queue(Message message, DeliveryChannel channel, string target, DateTimeOffset now) => new()
    {
        JurisdictionId = message.JurisdictionId, MessageId = message.Id, UserId = message.UserId, Channel = channel,
        Target = Clip(target, 256), CreatedAt = now, NextAttemptAt = now,
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
