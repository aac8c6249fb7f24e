using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>What an outbound channel sends: the message, its recipient, and the link made absolute where the platform's address is configured.</summary>
/// <param name="WebhookUrl">The recipient's own robot, if they set one (else the platform's is used).</param>
public sealed record Outgoing(string UserName, string? Email, string Title, string Body, string Link, string? WebhookUrl = null);

/// <summary>
/// An outbound delivery channel. The in-app message is not one of them: it is the stored <see cref="Message"/> itself,
/// always kept; a channel carries a copy of it. A channel throws when the delivery failed, and the delivery job retries it.
/// </summary>
public interface IMessageChannel
{
    DeliveryChannel Channel { get; }

    Task SendAsync(Outgoing message, CancellationToken ct);
}

/// <summary>E-mail over SMTP with MailKit, one connection per delivery (reminders are few; a pool is not worth its state).</summary>
public sealed class EmailChannel(IOptions<NotificationOptions> options) : IMessageChannel
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task SendAsync(Outgoing message, CancellationToken ct)
    {
        var o = options.Value.Smtp;
        if (!o.Enabled) throw new InvalidOperationException("SMTP is not configured (Notifications:Smtp:Host)");
        if (string.IsNullOrWhiteSpace(message.Email)) throw new InvalidOperationException("the account has no e-mail address");
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(o.FromName, o.From));
        mail.To.Add(new MailboxAddress(message.UserName, message.Email));
        mail.Subject = message.Title;
        mail.Body = new TextPart("plain") { Text = $"{message.Body}\n\n{message.Link}" };
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(o.Host!, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>
/// A generic JSON webhook for 政务 IM group robots (企业微信, 浙政钉). Posts to the recipient's own robot when they set
/// one, else to the configured URL, and only while the host is on the allow-list (checked again at sending); redirects are not followed (the client is built without them), so a robot's address
/// cannot bounce the platform to a host inside the network.
/// </summary>
public sealed class WebhookChannel(IOptions<NotificationOptions> options, IHttpClientFactory http) : IMessageChannel
{
    public const string Client = "notifications-webhook";

    public DeliveryChannel Channel => DeliveryChannel.Webhook;

    public async Task SendAsync(Outgoing message, CancellationToken ct)
    {
        var o = options.Value.Webhook;
        var url = o.UrlFor(message.WebhookUrl)
                  ?? throw new InvalidOperationException("the webhook is not configured, or its host is not on Notifications:Webhook:AllowedHosts");
        object body = string.Equals(o.Format, "wecom", StringComparison.OrdinalIgnoreCase)
            ? new { msgtype = "text", text = new { content = $"{message.Title}\n{message.Body}\n{message.Link}\n@{message.UserName}" } }
            : new { title = message.Title, body = message.Body, link = message.Link, user = message.UserName };
        using var response = await http.CreateClient(Client).PostAsJsonAsync(url, body, ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"webhook answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }
}
