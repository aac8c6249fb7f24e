using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Inbox;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>
/// A user's notification settings: which outbound channels the reminders and notices also go through (the in-app
/// message is always kept), and whether the day's reminders come as one digest. Shows the reminder windows per kind,
/// each labelled as configured or a platform default.
/// </summary>
public sealed class ChooseChannels(AppDb dbs, CurrentUser user, IOptions<NotificationOptions> options)
{
    public sealed record Window(InboxKind Kind, int DaysBefore, bool PlatformDefault);

    /// <param name="WebhookUrl">The user's own group robot, if set (shown to the user alone).</param>
    /// <param name="PersonalWebhookAvailable">The platform allows robot hosts, so a user may set their own robot.</param>
    public sealed record SettingsView(bool Email, bool Webhook, bool DailyDigest, int Version, bool EmailAvailable, bool WebhookAvailable,
        bool HasEmailAddress, IReadOnlyList<Window> Windows, string? WebhookUrl = null, bool PersonalWebhookAvailable = false);

    /// <param name="WebhookUrl">The user's own robot URL (empty: the platform's robot).</param>
    public sealed record Request(bool Email, bool Webhook, bool DailyDigest, int Version, string? WebhookUrl = null);

    public async Task<SettingsView> Mine(CancellationToken ct) => await Of(Me(), ct);

    /// <summary>An account's settings: the account's own only (another account's do not exist for the caller).</summary>
    public async Task<SettingsView> Of(Guid userId, CancellationToken ct)
    {
        var me = Own(userId);
        await using var db = dbs.OpenHome();
        var pref = await db.Set<NotificationPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == me, ct);
        var email = await db.Users.Where(u => u.Id == me).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var o = options.Value;
        var windows = Enum.GetValues<InboxKind>().Select(k => { var (days, platform) = o.WindowOf(k); return new Window(k, days, platform); }).ToList();
        return new SettingsView(pref?.Email ?? false, pref?.Webhook ?? false, pref?.DailyDigest ?? false, pref?.Version ?? 0,
            o.Smtp.Enabled, o.Webhook.Enabled || o.Webhook.PersonalAllowed, !string.IsNullOrWhiteSpace(email), windows, pref?.WebhookUrl, o.Webhook.PersonalAllowed);
    }

    public Task Save(Request request, CancellationToken ct) => Save(Me(), request, ct);

    public async Task Save(Guid userId, Request request, CancellationToken ct)
    {
        var me = Own(userId);
        var o = options.Value;
        if (request.Email && !o.Smtp.Enabled) throw Refused("email", "平台未配置邮件服务器，不能选择邮件提醒 (e-mail is not configured on this platform)");
        // The same rule as the platform's robot (http(s), host on the allow-list): a user's URL cannot point the platform inside the network.
        var robot = string.IsNullOrWhiteSpace(request.WebhookUrl) ? null : request.WebhookUrl.Trim();
        if (robot is not null && robot.Length > 500) throw Refused("webhookUrl", "群机器人地址不能超过500个字符 (the robot URL is at most 500 characters)");
        if (robot is not null && !o.Webhook.Allows(robot))
            throw Refused("webhookUrl", "群机器人地址须为 http(s) 地址，且其主机在平台允许的机器人主机名单内 (the robot URL must be http(s) on a host the platform allows)");
        if (request.Webhook && robot is null && !o.Webhook.Enabled)
            throw Refused("webhook", "平台未配置群机器人，请填写本人的群机器人地址 (no group robot is configured on this platform: set your own)");
        await using var db = dbs.OpenHome();
        var account = await db.Users.Where(u => u.Id == me).Select(u => new { u.JurisdictionId, u.Email }).FirstOrDefaultAsync(ct)
                      ?? throw new NotFoundException("user", "用户不存在 (user not found)");
        if (request.Email && string.IsNullOrWhiteSpace(account.Email)) throw Refused("email", "账号没有登记邮箱，不能选择邮件提醒 (the account has no e-mail address)");
        var pref = await db.Set<NotificationPreference>().FirstOrDefaultAsync(p => p.UserId == me, ct);
        if (pref is null)
        {
            pref = new NotificationPreference { UserId = me, JurisdictionId = account.JurisdictionId };
            db.Add(pref);
        }
        else db.ExpectVersion(pref, request.Version);
        (pref.Email, pref.Webhook, pref.DailyDigest, pref.WebhookUrl) = (request.Email, request.Webhook, request.DailyDigest, robot);
        await db.SaveChangesAsync(ct);
    }

    private static ValidationException Refused(string field, string message) => new(field, message);

    private Guid Own(Guid userId) =>
        userId == Me() ? userId : throw new NotFoundException("user", "用户不存在 (user not found)");

    private Guid Me()
    {
        // Every account chooses its own channels, whatever its role; being signed in is the permission.
        return user.IsAuthenticated && user.Id is { } id ? id : throw new ForbiddenException("未登录 (not signed in)");
    }
}
