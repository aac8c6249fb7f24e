using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Inbox.Sources;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Inbox;

/// <summary>The 待办 inbox across the modules, and the enterprise's own home.</summary>
public static class InboxModule
{
    public static void Add(IServiceCollection services)
    {
        // Each module's work, one source each; the reminders read the same sources through ReadInbox.EveryoneAsync.
        services.AddScoped<IInboxSource, ApplicationsInbox>();
        services.AddScoped<IInboxSource, ProblemsInbox>();
        services.AddScoped<IInboxSource, TasksInbox>();
        services.AddScoped<IInboxSource, MattersInbox>();
        services.AddScoped<IInboxSource, TargetPushesInbox>();
        services.AddScoped<IInboxSource, CultivationInbox>();
        services.AddScoped<IInboxSource, ProjectsInbox>();
        services.AddScoped<IInboxSource, ApprovalsInbox>();
        services.AddScoped<IInboxSource, QuotaRequestsInbox>();
        services.AddScoped<IInboxSource, ArrearsInbox>();
        services.AddScoped<ReadInbox>();
        services.AddScoped<EnterpriseHome>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inbox").WithTags("Inbox");
        // A computation over the caller's own scope, not a list of rows of one type: declared Download like the dashboards.
        g.MapGet("", (InboxKind? kind, bool? overdueOnly, ReadInbox h, CancellationToken ct) => h.Mine(kind, overdueOnly ?? false, ct))
            .AccessForAnyUser<Jurisdiction>(ApiOperation.Download);
        g.MapGet("/enterprise", (EnterpriseHome h, CancellationToken ct) => h.Mine(ct))
            .Access<Enterprises.Enterprise>(Permission.ViewEnterprises, ApiOperation.Download);
    }
}
