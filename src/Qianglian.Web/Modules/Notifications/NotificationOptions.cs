using Qianglian.Web.Modules.Inbox;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>
/// The <c>Notifications</c> section of the configuration. No document gives these numbers: every default here is a
/// platform default, shown as such on the settings screen and in docs/operations.md.
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>Minutes between reminder runs (0: off — tests run the job themselves on a fake clock).</summary>
    public int ReminderMinutes { get; set; } = 15;

    /// <summary>Minutes between delivery runs (retries of e-mail and webhook deliveries); 0: off.</summary>
    public int DeliveryMinutes { get; set; } = 1;

    /// <summary>Working days before the due date of the early reminder, per inbox kind; a kind not listed uses <see cref="DefaultDaysBefore"/>.</summary>
    public Dictionary<InboxKind, int> DaysBefore { get; set; } = new();

    /// <summary>Platform default: 3 working days, the warning window most of the seeds' documents use for reports.</summary>
    public int DefaultDaysBefore { get; set; } = 3;

    /// <summary>The platform's public address (https://…), to make the links of e-mails and robot messages absolute.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Platform defaults: 6 attempts, waits doubling from 1 minute up to 1 hour.</summary>
    public int MaxAttempts { get; set; } = 6;
    public int FirstRetrySeconds { get; set; } = 60;
    public int MaxRetrySeconds { get; set; } = 3600;

    public SmtpOptions Smtp { get; set; } = new();
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>The early-reminder window of a kind, and whether it is the platform default or configured.</summary>
    public (int Days, bool PlatformDefault) WindowOf(InboxKind kind) =>
        DaysBefore.TryGetValue(kind, out var days) ? (days, false) : (DefaultDaysBefore, true);
}

/// <summary>E-mail over SMTP (MailKit). No host: the channel is off and users cannot choose it.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "qianglian@localhost";
    public string FromName { get; set; } = "融圈强链";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// A generic JSON webhook (企业微信 / 浙政钉 group robots): messages are posted to the configured URL — or to the robot
/// URL a user set for themselves — and only if its host is on <see cref="AllowedHosts"/>: whatever a user types, the
/// platform cannot be made to call a host inside the network.
/// </summary>
public sealed class WebhookOptions
{
    public string? Url { get; set; }
    public List<string> AllowedHosts { get; set; } = [];
    /// <summary>The JSON shape: "wecom" (企业微信 {msgtype:text,text:{content}}) or "generic" ({title,body,link,user}).</summary>
    public string Format { get; set; } = "generic";

    /// <summary>The platform's robot is configured and allowed.</summary>
    public bool Enabled => Allows(Url);

    /// <summary>Users may set their own robot: some host is allowed.</summary>
    public bool PersonalAllowed => AllowedHosts.Count > 0;

    /// <summary>
    /// The one rule for any robot URL, the platform's or a user's: absolute, http(s), no user name or password in it,
    /// and its host on the allow-list.
    /// </summary>
    public bool Allows(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri)
                                       && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                                       && string.IsNullOrEmpty(uri.UserInfo)
                                       && AllowedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);

    /// <summary>Where a user's robot messages go: their own allowed robot, else the platform's, else nowhere.</summary>
    public string? UrlFor(string? personal) => Allows(personal) ? personal : Enabled ? Url : null;
}
