using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Notifications;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>The message centre (the caller's own), the notification settings (the caller's own), the delivery log, and the office's levers.</summary>
    private static readonly ProbeSet NotificationProbes = new()
    {
        ["GET /api/v1/messages"] = (_, _, _) => Task.FromResult(Get("/api/v1/messages")),
        ["POST /api/v1/messages/{id:guid}/read"] = async (w, r, t) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/messages/{await MessageFor(w, t == Target.Own ? await CallerId(w, r) : w.Rows[typeof(Auth.AppUser)].Other)}/read"),
        ["GET /api/v1/users/{id:guid}/notification-settings"] = async (w, r, t) =>
            Get($"/api/v1/users/{(t == Target.Own ? await CallerId(w, r) : w.Rows[typeof(Auth.AppUser)].Other)}/notification-settings"),
        ["PUT /api/v1/users/{id:guid}/notification-settings"] = async (w, r, t) =>
        {
            var id = t == Target.Own ? await CallerId(w, r) : w.Rows[typeof(Auth.AppUser)].Other;
            await using var db = w.Host.OpenSystem();
            var version = await db.Set<NotificationPreference>().Where(p => p.UserId == id).Select(p => (int?)p.Version).FirstOrDefaultAsync() ?? 0;
            return Send(HttpMethod.Put, $"/api/v1/users/{id}/notification-settings", new { email = false, webhook = false, dailyDigest = true, version });
        },
        ["GET /api/v1/deliveries"] = (_, _, _) => Task.FromResult(Get("/api/v1/deliveries")),
        ["POST /api/v1/problems/{id:guid}/reassign"] = async (w, r, t) =>
        {
            var p = await SteerableProblem(w, r, t);
            return Send(HttpMethod.Post, $"/api/v1/problems/{p.Id}/reassign", new { unitId = w.Rows[typeof(GovernmentUnit)].Own, reason = "属地协调更便利", version = p.Version });
        },
        ["POST /api/v1/problems/{id:guid}/supervise"] = async (w, r, t) =>
        {
            var p = await SteerableProblem(w, r, t);
            return Send(HttpMethod.Post, $"/api/v1/problems/{p.Id}/supervise",
                new { dueOn = DateTime.UtcNow.AddHours(8).AddDays(10).ToString("yyyy-MM-dd"), reason = "限期办结", version = p.Version });
        },
        ["POST /api/v1/tasks/{id:guid}/urge"] = async (w, r, t) =>
        {
            var task = await FreshTask(w, r, t);
            await using var db = w.Host.OpenSystem();
            var row = await db.MeasureTasks.SingleAsync(x => x.Id == task.Id);
            row.DueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-3);   // past its completion date: late
            await db.SaveChangesAsync();
            return Send(HttpMethod.Post, $"/api/v1/tasks/{task.Id}/urge", new { reason = "请尽快完成" });
        },
    };

    private static async Task<Guid> CallerId(ScopingWorld w, string role)
    {
        await using var db = w.Host.OpenSystem();
        return await db.Users.Where(u => u.UserName == ScopingWorld.UserOf(role)).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A new unread message of an account, kept at the account's home jurisdiction.</summary>
    private static async Task<Guid> MessageFor(ScopingWorld w, Guid userId)
    {
        await using var db = w.Host.OpenSystem();
        var home = await db.Users.Where(u => u.Id == userId).Select(u => u.JurisdictionId).SingleAsync();
        var message = new Message { JurisdictionId = home, UserId = userId, Kind = MessageKind.Reminder, Title = "探针消息", Body = "探针", Link = "/inbox", CreatedAt = DateTimeOffset.UtcNow };
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    /// <summary>A problem the caller may steer: any problem for the office; for a chain chief, one on a chain the caller leads as chief.</summary>
    private static async Task<Problem> SteerableProblem(ScopingWorld w, string role, Target t)
    {
        var problem = await FreshProblem(w, role, t, chiefLevel: false);
        if (role != Auth.Roles.ChainChief || t != Target.Own) return problem;
        await using var db = w.Host.OpenSystem();
        var chain = new Modules.Chains.Chain { JurisdictionId = problem.JurisdictionId, Name = $"矩阵督办链{Next()}", ChiefUserId = await CallerId(w, role) };
        db.Add(chain);
        var row = await db.Problems.SingleAsync(p => p.Id == problem.Id);
        row.ChainId = chain.Id;
        await db.SaveChangesAsync();
        return row;
    }
}
