using Qianglian.Web.Api;
using Qianglian.Web.Auth;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>The message centre, the reminders from the inbox, the outbound channels (e-mail, webhook) and their delivery log.</summary>
public static class NotificationsModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration("Notifications");
        services.AddScoped<ReadMessages>();
        services.AddScoped<ChooseChannels>();
        services.AddScoped<ReadDeliveries>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotifyUnit>();
        services.AddScoped<SendReminders>();
        services.AddScoped<DeliverMessages>();
        services.AddSingleton<JobLock>();
        services.AddScoped<IMessageChannel, EmailChannel>();
        services.AddScoped<IMessageChannel, WebhookChannel>();
        // No redirects: a robot's address must not bounce the platform to another host (the allow-list is checked on the configured URL).
        services.AddHttpClient(WebhookChannel.Client, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        services.AddHostedService<NotificationJobs>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var m = api.MapGroup("/messages").WithTags("Notifications");
        m.MapGet("", (bool? unreadOnly, int? page, ReadMessages h, CancellationToken ct) => h.Mine(unreadOnly ?? false, page, ct))
            .Access<Message>(Permission.ViewJurisdictions, ApiOperation.List);
        m.MapGet("/unread-count", async (ReadMessages h, CancellationToken ct) => new { unread = await h.UnreadCount(ct) })
            .Access<Message>(Permission.ViewJurisdictions, ApiOperation.Get);
        m.MapPost("/{id:guid}/read", async (Guid id, ReadMessages h, CancellationToken ct) =>
            {
                await h.MarkRead(id, ct);
                return TypedResults.NoContent();
            })
            .Access<Message>(Permission.ViewJurisdictions, ApiOperation.Action);
        m.MapPost("/read-all", async (ReadMessages h, CancellationToken ct) => new { marked = await h.MarkAllRead(ct) })
            .Access<Message>(Permission.ViewJurisdictions, ApiOperation.Action);
        var s = api.MapGroup("/notification-settings").WithTags("Notifications");
        s.MapGet("", (ChooseChannels h, CancellationToken ct) => h.Mine(ct))
            .Access<NotificationPreference>(Permission.ViewJurisdictions, ApiOperation.Get);
        s.MapPut("", async (ChooseChannels.Request r, ChooseChannels h, CancellationToken ct) =>
            {
                await h.Save(r, ct);
                return TypedResults.NoContent();
            })
            .Access<NotificationPreference>(Permission.ViewJurisdictions, ApiOperation.Update);
        api.MapGet("/deliveries", (DeliveryStatus? status, int? page, ReadDeliveries h, CancellationToken ct) => h.List(status, page, ct))
            .WithTags("Notifications").Access<Delivery>(Permission.ManageUsers, ApiOperation.List);
    }
}
