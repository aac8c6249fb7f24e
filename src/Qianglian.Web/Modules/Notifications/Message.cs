using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qianglian.Core.Notifications;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Inbox;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>What a message is about.</summary>
public enum MessageKind
{
    /// <summary>A deadline of one inbox item (before, on the day, overdue).</summary>
    Reminder = 1,
    /// <summary>The day's reminders in one message, for users who chose the digest.</summary>
    Digest = 2,
    /// <summary>The office (or the chain chief) moved a problem to the user's unit (改派).</summary>
    Reassigned = 3,
    /// <summary>The office put a problem under supervision with a new deadline (督办).</summary>
    Supervised = 4,
    /// <summary>The office urged a late task report or task (催办).</summary>
    Urged = 5,
    /// <summary>The overdue sweep moved a problem up the ladder to the user's unit (or to the user as chain chief or deputy).</summary>
    Escalated = 6,
}

/// <summary>
/// An in-app message to one user (the message centre). Kept at the recipient's home jurisdiction, so the central
/// filters hide it from other places; the recipient reads only their own (<see cref="ReadMessages"/>). Written by the
/// system (reminders, levers), marked read by the recipient.
/// </summary>
public sealed class Message : ScopedEntity, IUserOwned
{
    public Guid UserId { get; set; }
    public MessageKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The page where the work is done (a site-relative path).</summary>
    public string Link { get; set; } = "";
    /// <summary>Unix milliseconds (sorted and compared: SQLite cannot order DateTimeOffset columns).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// One reminder sent: a user, an inbox item (kind and row), the moment and the due date it was for. The unique index
/// makes a second host (or a second run after downtime) unable to send it twice: the insert fails and the run skips it.
/// </summary>
public sealed class ReminderRecord : ScopedEntity
{
    public Guid UserId { get; set; }
    public InboxKind ItemKind { get; set; }
    public Guid RowId { get; set; }
    public ReminderMoment Moment { get; set; }
    public DateOnly DueOn { get; set; }
    public Guid MessageId { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>The outbound channels a message can also go through (the in-app message is always kept).</summary>
public enum DeliveryChannel { Email = 1, Webhook = 2 }

public enum DeliveryStatus { Pending = 1, Sent = 2, Failed = 3 }

/// <summary>
/// A message's delivery over one outbound channel: the delivery log an administrator reads. Retried with exponential
/// back-off (<see cref="RetryBackoff"/>) until sent or given up.
/// </summary>
public sealed class Delivery : ScopedEntity
{
    public Guid MessageId { get; set; }
    public Guid UserId { get; set; }
    public DeliveryChannel Channel { get; set; }
    /// <summary>The address or the webhook's host (never the webhook's secret path).</summary>
    public string Target { get; set; } = "";
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>A user's choice of channels and of the daily digest; without a row, in-app only, one message per reminder.</summary>
public sealed class NotificationPreference : ScopedEntity, IUserOwned
{
    public Guid UserId { get; set; }
    public bool Email { get; set; }
    public bool Webhook { get; set; }
    public bool DailyDigest { get; set; }
    /// <summary>
    /// The user's own group robot (e.g. their 企业微信 group's bot), used instead of the platform's when set; its host
    /// must be on the platform's allow-list. The URL carries the robot's key: the audit log records that it changed, not its value.
    /// </summary>
    [AuditMasked] public string? WebhookUrl { get; set; }
}

internal sealed class MessageConfig : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.Link).HasMaxLength(500);
        b.Property(x => x.CreatedAt).HasConversion<UnixMilliseconds>();
        b.Property(x => x.ReadAt).HasConversion<UnixMilliseconds>();
        b.HasIndex(x => new { x.UserId, x.ReadAt });
    }
}

internal sealed class ReminderRecordConfig : IEntityTypeConfiguration<ReminderRecord>
{
    public void Configure(EntityTypeBuilder<ReminderRecord> b)
    {
        b.Property(x => x.ItemKind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Moment).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SentAt).HasConversion<UnixMilliseconds>();
        b.HasIndex(x => new { x.UserId, x.ItemKind, x.RowId, x.Moment, x.DueOn }).IsUnique();
    }
}

internal sealed class DeliveryConfig : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> b)
    {
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Target).HasMaxLength(256);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.Property(x => x.CreatedAt).HasConversion<UnixMilliseconds>();
        b.Property(x => x.NextAttemptAt).HasConversion<UnixMilliseconds>();
        b.Property(x => x.SentAt).HasConversion<UnixMilliseconds>();
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => x.MessageId);
    }
}

internal sealed class NotificationPreferenceConfig : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasIndex(x => x.UserId).IsUnique();
        b.Property(x => x.WebhookUrl).HasMaxLength(500);
    }
}
