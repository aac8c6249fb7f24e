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
        // The caller's own messages and settings: every signed-in account has them (scoped to the account, not a permission).
        var m = api.MapGroup("/messages").WithTags("Notifications");
        m.MapGet("", (bool? unreadOnly, int? page, ReadMessages h, CancellationToken ct) => h.Mine(unreadOnly ?? false, page, ct))
            .AccessForAnyUser<Message>(ApiOperation.List);
        m.MapPost("/{id:guid}/read", async (Guid id, ReadMessages h, CancellationToken ct) =>
            {
                await h.MarkRead(id, ct);
                return TypedResults.NoContent();
            })
            .AccessForAnyUser<Message>(ApiOperation.Action);
        // Addressed by the account's id like the rest of /users: only one's own exists for the caller.
        var s = api.MapGroup("/users/{id:guid}/notification-settings").WithTags("Notifications");
        s.MapGet("", (Guid id, ChooseChannels h, CancellationToken ct) => h.Of(id, ct))
            .AccessForAnyUser<NotificationPreference>(ApiOperation.Get);
        s.MapPut("", async (Guid id, ChooseChannels.Request r, ChooseChannels h, CancellationToken ct) =>
            {
                await h.Save(id, r, ct);
                return TypedResults.NoContent();
            })
            .AccessForAnyUser<NotificationPreference>(ApiOperation.Update);
        api.MapGet("/deliveries", (DeliveryStatus? status, int? page, ReadDeliveries h, CancellationToken ct) => h.List(status, page, ct))
            .WithTags("Notifications").Access<Delivery>(Permission.ManageUsers, ApiOperation.List);
    }
}
