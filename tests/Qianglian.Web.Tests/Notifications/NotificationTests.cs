using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Qianglian.Core.Notifications;
using Qianglian.Core.Supervision;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Inbox;
using Qianglian.Web.Modules.Notifications;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Incentives;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Notifications;

/// <summary>
/// Reminders from the inbox on a fake clock (before, on the day, overdue; a digest), delivered in the message centre, by
/// e-mail to a real SMTP server and to a local webhook, with retries and the delivery log; the message centre's API; and
/// the office's levers (改派, 督办, 催办) telling the unit's staff. Each test uses its own accounts, so the shared clock
/// only moves forward.
/// </summary>
public abstract class NotificationTests<THost>(THost host) : IClassFixture<THost> where THost : NotificationHost
{
    protected readonly THost Host = host;
    private readonly IncentiveApi api = new(host);

    protected DateOnly Today => BusinessDate.Of(Host.Clock.GetUtcNow());

    protected void Advance(TimeSpan by)
    {
        Host.Clock.Advance(by);
        api.SignOutAll();   // tokens are dated by the clock
    }

    protected static async Task<int> Run<TJob>(IServiceProvider services) where TJob : class
    {
        await using var scope = services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<TJob>() switch
        {
            SendReminders r => await r.RunAsync(CancellationToken.None),
            DeliverMessages d => await d.RunAsync(CancellationToken.None),
            EscalateOverdueProblems e => await e.RunAsync(CancellationToken.None),
            _ => throw new InvalidOperationException(),
        };
    }

    protected async Task<Guid> UserId(string userName)
    {
        await using var db = Host.OpenSystem();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    protected async Task SetEmail(string userName, string email)
    {
        await using var db = Host.OpenSystem();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.Email = email;
        await db.SaveChangesAsync();
    }

    protected async Task Choose(string userName, bool email, bool webhook, bool digest)
    {
        var client = await api.As(userName);
        var id = await UserId(userName);
        var current = await Json(await client.GetAsync($"/api/v1/users/{id}/notification-settings"), HttpStatusCode.OK);
        await Json(await client.PutAsJsonAsync($"/api/v1/users/{id}/notification-settings",
            new { email, webhook, dailyDigest = digest, version = current.GetProperty("version").GetInt32() }), HttpStatusCode.NoContent);
    }

    /// <summary>An open problem of the demo enterprise (西区) handled by a unit, due at 18:00 Beijing time on a day.</summary>
    protected async Task<Problem> ProblemFor(string unitKey, DateOnly dueOn, string title, bool onChain = false)
    {
        await using var db = Host.OpenSystem();
        Guid? chain = onChain ? await db.Chains.Where(c => c.Name == DemoChain.Name).Select(c => (Guid?)c.Id).SingleAsync() : null;
        var enterprise = await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91510403MA6DEM001"));
        var unit = await db.Units.Where(u => u.Key == unitKey).Select(u => u.Id).SingleAsync();
        var now = Host.Clock.GetUtcNow();
        var problem = new Problem
        {
            JurisdictionId = enterprise.JurisdictionId, EnterpriseId = enterprise.Id, Category = ProblemCategory.Land, Title = title, Description = "用地指标不足",
            Source = ProblemSource.Other, FiledBy = "测试", FiledAt = now, Level = EscalationLevel.Local, AssignedUnitId = unit, FirstUnitId = unit,
            LevelReachedAt = now, DueAt = new DateTimeOffset(dueOn.ToDateTime(new TimeOnly(18, 0)), BusinessDate.Offset), ChainId = chain,
        };
        db.Add(problem);
        await db.SaveChangesAsync();
        return problem;
    }

    protected async Task<List<ReminderRecord>> RecordsOf(Guid userId, Guid row)
    {
        await using var db = Host.OpenSystem();
        return await db.Set<ReminderRecord>().Where(r => r.UserId == userId && r.RowId == row).ToListAsync();
    }

    protected async Task<List<Message>> MessagesOf(Guid userId)
    {
        await using var db = Host.OpenSystem();
        return await db.Set<Message>().Where(m => m.UserId == userId).ToListAsync();
    }

    /// <summary>The next given weekday at least <paramref name="days"/> days from today.</summary>
    protected DateOnly NextWeekday(int days, DayOfWeek day)
    {
        var d = Today.AddDays(days);
        while (d.DayOfWeek != day) d = d.AddDays(1);
        return d;
    }

    /// <summary>The day <paramref name="n"/> weekdays after today.</summary>
    protected DateOnly WeekdaysAhead(int n)
    {
        var d = Today;
        while (n > 0)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) n--;
        }
        return d;
    }

    protected static string TextOf(LocalSmtpServer.Received mail) => MimeMessage.Load(new MemoryStream(mail.Raw)).TextBody ?? "";

    [Fact]
    public async Task A_problem_is_reminded_once_before_once_on_the_day_and_once_overdue_in_app_by_email_and_by_webhook()
    {
        const string user = "xiqu.czj", address = "czj@xiqu.test";
        await SetEmail(user, address);
        await Choose(user, email: true, webhook: true, digest: false);
        var me = await UserId(user);
        // Due on a Wednesday about two weeks ahead: Friday, Monday and Tuesday before it lie in the 3-working-day window.
        var due = NextWeekday(12, DayOfWeek.Wednesday);
        var problem = await ProblemFor("xiqu.czj", due, $"提醒测试用地{Guid.NewGuid():N}"[..14]);

        await Run<SendReminders>(Host.Services);
        Assert.Empty(await RecordsOf(me, problem.Id));   // outside the window: nothing yet

        // Day by day until two days after the due date; the job runs every day (twice on the due day).
        while (Today <= due.AddDays(2))
        {
            Advance(TimeSpan.FromDays(1));
            await Run<SendReminders>(Host.Services);
            if (Today == due) await Run<SendReminders>(Host.Services);
            await Run<DeliverMessages>(Host.Services);
        }

        var records = await RecordsOf(me, problem.Id);
        Assert.Equal([ReminderMoment.Before, ReminderMoment.OnDay, ReminderMoment.Overdue], records.Select(r => r.Moment).Order());
        Assert.All(records, r => Assert.Equal(due, r.DueOn));
        var link = $"/supervision/problems/{problem.Id}";
        var messages = (await MessagesOf(me)).Where(m => m.Link == link).ToList();
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal(MessageKind.Reminder, m.Kind));
        Assert.Equal(records.Select(r => r.MessageId).Order(), messages.Select(m => m.Id).Order());
        // One e-mail and one robot message per reminder, each carrying the link.
        Assert.Equal(3, Host.Smtp.To(address).Count(m => TextOf(m).Contains(link)));
        Assert.Equal(3, Host.Webhook.Bodies.Count(b => b.GetProperty("user").GetString() == user && b.GetProperty("link").GetString() == link));
    }

    [Fact]
    public async Task A_daily_digest_puts_the_days_reminders_in_one_message_and_records_each_item()
    {
        const string user = "xiqu.fgj";
        await Choose(user, email: false, webhook: false, digest: true);
        var me = await UserId(user);
        await Run<SendReminders>(Host.Services);   // whatever the demo had due is sent first
        var before = (await MessagesOf(me)).Count;
        var first = await ProblemFor("xiqu.fgj", WeekdaysAhead(2), $"汇总测试一{Guid.NewGuid():N}"[..12]);
        var second = await ProblemFor("xiqu.fgj", WeekdaysAhead(2), $"汇总测试二{Guid.NewGuid():N}"[..12]);

        await Run<SendReminders>(Host.Services);
        await Run<SendReminders>(Host.Services);

        var fresh = (await MessagesOf(me)).OrderBy(m => m.CreatedAt).Skip(before).ToList();
        var digest = Assert.Single(fresh);
        Assert.Equal(MessageKind.Digest, digest.Kind);
        Assert.Contains(first.Title, digest.Body);
        Assert.Contains(second.Title, digest.Body);
        Assert.Equal("/inbox", digest.Link);
        foreach (var p in new[] { first, second })
            Assert.Equal(digest.Id, Assert.Single(await RecordsOf(me, p.Id)).MessageId);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_back_off_and_the_administrators_log_shows_its_attempts_and_error()
    {
        const string user = "xiqu.lead";
        await Choose(user, email: false, webhook: true, digest: false);
        var me = await UserId(user);
        await Run<DeliverMessages>(Host.Services);   // what earlier tests queued goes first: the robot's failures below are this delivery's
        Guid delivery;
        await using (var scope = Host.Services.CreateAsyncScope())
        await using (var db = Host.OpenSystem())
        {
            var to = (await Notifier.RecipientsAsync(db, [me], CancellationToken.None))[me];
            var message = scope.ServiceProvider.GetRequiredService<Notifier>().Add(db, to, MessageKind.Urged, "重试测试", "机器人暂时不可用", "/inbox");
            await db.SaveChangesAsync();
            delivery = await db.Set<Delivery>().Where(d => d.MessageId == message.Id).Select(d => d.Id).SingleAsync();
        }
        Host.Webhook.FailNext(2);

        await Run<DeliverMessages>(Host.Services);
        var row = await Delivery(delivery);
        Assert.Equal((DeliveryStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Contains("500", row.LastError);
        Assert.Equal(Host.Clock.GetUtcNow().AddSeconds(60).ToUnixTimeMilliseconds(), row.NextAttemptAt.ToUnixTimeMilliseconds());

        await Run<DeliverMessages>(Host.Services);   // not due yet: no attempt
        Assert.Equal(1, (await Delivery(delivery)).Attempts);

        Advance(TimeSpan.FromSeconds(61));
        await Run<DeliverMessages>(Host.Services);
        row = await Delivery(delivery);
        Assert.Equal((DeliveryStatus.Pending, 2), (row.Status, row.Attempts));
        Assert.Equal(Host.Clock.GetUtcNow().AddSeconds(120).ToUnixTimeMilliseconds(), row.NextAttemptAt.ToUnixTimeMilliseconds());

        Advance(TimeSpan.FromSeconds(121));
        await Run<DeliverMessages>(Host.Services);
        row = await Delivery(delivery);
        Assert.Equal((DeliveryStatus.Sent, 3), (row.Status, row.Attempts));
        Assert.Contains(Host.Webhook.Bodies, b => b.GetProperty("title").GetString() == "重试测试" && b.GetProperty("user").GetString() == user);

        var log = await Json(await (await api.As("admin")).GetAsync("/api/v1/deliveries?status=Sent"), HttpStatusCode.OK);
        var entry = log.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == delivery);
        Assert.Equal(3, entry.GetProperty("attempts").GetInt32());
        Assert.Contains("500", entry.GetProperty("lastError").GetString());
        Assert.Equal("127.0.0.1", entry.GetProperty("target").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("xiqu.office")).GetAsync("/api/v1/deliveries")).StatusCode);
    }

    private async Task<Delivery> Delivery(Guid id)
    {
        await using var db = Host.OpenSystem();
        return await db.Set<Delivery>().AsNoTracking().SingleAsync(d => d.Id == id);
    }

    [Fact]
    public async Task The_message_centre_shows_the_users_own_messages_marks_them_read_and_keeps_the_settings_per_account()
    {
        const string user = "xiqu.operator";
        var me = await UserId(user);
        var other = await UserId("xiqu.chief");
        Guid mine, theirs;
        await using (var scope = Host.Services.CreateAsyncScope())
        await using (var db = Host.OpenSystem())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            var to = await Notifier.RecipientsAsync(db, [me, other], CancellationToken.None);
            mine = notifier.Add(db, to[me], MessageKind.Urged, "消息中心测试", "请处理", "/inbox").Id;
            theirs = notifier.Add(db, to[other], MessageKind.Urged, "他人的消息", "请处理", "/inbox").Id;
            await db.SaveChangesAsync();
        }
        var client = await api.As(user);
        var page = await Json(await client.GetAsync("/api/v1/messages?unreadOnly=true"), HttpStatusCode.OK);
        var unread = page.GetProperty("unread").GetInt32();
        Assert.Contains(page.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == mine);
        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == theirs);

        await Json(await client.PostAsync($"/api/v1/messages/{mine}/read", null), HttpStatusCode.NoContent);
        page = await Json(await client.GetAsync("/api/v1/messages"), HttpStatusCode.OK);
        Assert.Equal(unread - 1, page.GetProperty("unread").GetInt32());
        Assert.True(page.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == mine).GetProperty("read").GetBoolean());
        // Another account's message does not exist for the caller, and stays unread.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/messages/{theirs}/read", null)).StatusCode);
        Assert.Null((await MessagesOf(other)).Single(m => m.Id == theirs).ReadAt);

        // The windows: configured for task deadlines (5), platform defaults elsewhere (3).
        var settings = await Json(await client.GetAsync($"/api/v1/users/{me}/notification-settings"), HttpStatusCode.OK);
        var windows = settings.GetProperty("windows").EnumerateArray().ToDictionary(w => w.GetProperty("kind").GetString()!);
        Assert.Equal((5, false), (windows["TaskDeadline"].GetProperty("daysBefore").GetInt32(), windows["TaskDeadline"].GetProperty("platformDefault").GetBoolean()));
        Assert.Equal((3, true), (windows["Problem"].GetProperty("daysBefore").GetInt32(), windows["Problem"].GetProperty("platformDefault").GetBoolean()));
        // E-mail needs an address on the account: refused naming the field, nothing stored.
        var refused = await client.PutAsJsonAsync($"/api/v1/users/{me}/notification-settings", new { email = true, webhook = false, dailyDigest = false, version = 0 });
        Assert.Contains("邮箱", await Error(refused, HttpStatusCode.BadRequest, "email"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/users/{other}/notification-settings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/users/{other}/notification-settings",
            new { email = false, webhook = false, dailyDigest = true, version = 0 })).StatusCode);
    }

    [Fact]
    public async Task The_office_reassigns_and_supervises_a_problem_and_urges_a_late_task_and_the_units_staff_are_told()
    {
        var jxj = await UserId("xiqu.jxj");
        var czj = await UserId("xiqu.czj");
        var problem = await ProblemFor("xiqu.jxj", WeekdaysAhead(10), $"改派测试{Guid.NewGuid():N}"[..12]);
        var office = await api.As("xiqu.office");
        var url = $"/api/v1/problems/{problem.Id}";
        await using (var db = Host.OpenSystem())
        {
            var czjUnit = await db.Units.Where(u => u.Key == "xiqu.czj").Select(u => u.Id).SingleAsync();

            // Not the office, and not the chief of a chain the problem is on: refused.
            Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("xiqu.operator")).PostAsJsonAsync($"{url}/reassign", new { unitId = czjUnit, reason = "x", version = problem.Version })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("xiqu.chief")).PostAsJsonAsync($"{url}/reassign", new { unitId = czjUnit, reason = "x", version = problem.Version })).StatusCode);
            Assert.Contains("改派理由", await Error(await office.PostAsJsonAsync($"{url}/reassign", new { unitId = czjUnit, reason = " ", version = problem.Version }), HttpStatusCode.BadRequest, "reason"));
            Assert.Equal("unitId", (await Json(await office.PostAsJsonAsync($"{url}/reassign", new { unitId = Guid.NewGuid(), reason = "属地", version = problem.Version }), HttpStatusCode.NotFound))
                .GetProperty("field").GetString());

            await Json(await office.PostAsJsonAsync($"{url}/reassign", new { unitId = czjUnit, reason = "涉及财政资金，由财政局牵头", version = problem.Version }), HttpStatusCode.NoContent);
            var moved = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem.Id);
            Assert.Equal(czjUnit, moved.AssignedUnitId);
            var told = Assert.Single(await MessagesOf(czj), m => m.Kind == MessageKind.Reassigned && m.Link == $"/supervision/problems/{problem.Id}");
            Assert.Contains("涉及财政资金", told.Body);
            Assert.DoesNotContain(await MessagesOf(jxj), m => m.Kind == MessageKind.Reassigned && m.Link == told.Link);
            var lever = await db.Set<OfficeLever>().SingleAsync(l => l.TargetId == problem.Id && l.Kind == LeverKind.Reassign);
            Assert.True(lever.NotifiedCount >= 1);
            Assert.Contains(await db.AuditEntries.Where(a => a.EntityKey == lever.Id.ToString()).ToListAsync(), a => a.UserName == "xiqu.office");

            // 督办: a new deadline, not in the past; the handling unit is told.
            Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"{url}/supervise",
                new { dueOn = Today.AddDays(-1).ToString("yyyy-MM-dd"), reason = "限期", version = moved.Version })).StatusCode);
            Assert.Contains("dueOn", await (await office.PostAsJsonAsync($"{url}/supervise", new { reason = "限期", version = moved.Version })).Content.ReadAsStringAsync());
            var newDue = WeekdaysAhead(3);
            await Json(await office.PostAsJsonAsync($"{url}/supervise", new { dueOn = newDue.ToString("yyyy-MM-dd"), reason = "三个工作日内办结", version = moved.Version }), HttpStatusCode.NoContent);
            Assert.Equal(newDue, BusinessDate.Of((await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem.Id)).DueAt.AddMinutes(-1)));
            Assert.Single(await MessagesOf(czj), m => m.Kind == MessageKind.Supervised && m.Body.Contains("三个工作日内办结"));
            var steps = await db.ProblemSteps.Where(s => s.ProblemId == problem.Id).Select(s => s.Kind).ToListAsync();
            Assert.Contains(ProblemStepKind.Supervised, steps);
        }

        // 催办: only a late task; the task's unit is told.
        var late = await TaskOf("xiqu.jxj", Today.AddDays(-2));
        var onTime = await TaskOf("xiqu.jxj", Today.AddDays(60));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/tasks/{onTime}/urge", new { reason = "请加快" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("xiqu.jxj")).PostAsJsonAsync($"/api/v1/tasks/{late}/urge", new { reason = "请加快" })).StatusCode);
        await Json(await office.PostAsJsonAsync($"/api/v1/tasks/{late}/urge", new { reason = "请于本周内完成" }), HttpStatusCode.NoContent);
        Assert.Single(await MessagesOf(jxj), m => m.Kind == MessageKind.Urged && m.Link == $"/supervision/tasks/{late}" && m.Body.Contains("请于本周内完成"));
    }

    [Fact]
    public async Task A_project_over_its_approval_limit_is_reminded_to_its_responsible_unit_once_through_the_same_machinery()
    {
        const string lead = "ankang.lead";   // 安康市发改委, the project's responsible unit; 安康's pack sets 70 working days
        var me = await UserId(lead);
        Guid project;
        await using (var db = Host.OpenSystem())
        {
            var place = await db.Jurisdictions.SingleAsync(j => j.Code == "610900");
            var p = new Web.Modules.Projects.Project
            {
                JurisdictionId = place.Id, Name = $"审批超时提醒{Guid.NewGuid():N}"[..14], ListedOn = Today.AddDays(-200), Stage = Core.Projects.ProjectStage.Signed,
                TotalInvestment = 100_000_000m, ResponsibleUnitId = await db.Units.Where(u => u.Key == "ankang.fgw").Select(u => u.Id).SingleAsync(),
            };
            db.Add(p);
            db.Add(new Web.Modules.Projects.ProjectApproval { Kind = Core.Projects.ApprovalKind.Land, Status = Core.Projects.ApprovalStatus.InProgress, SubmittedOn = Today.AddDays(-200) }
                .For<Web.Modules.Projects.ProjectApproval>(p));
            await db.SaveChangesAsync();
            project = p.Id;
        }

        await Run<SendReminders>(Host.Services);
        await Run<SendReminders>(Host.Services);

        var record = Assert.Single(await RecordsOf(me, project));
        Assert.Equal((InboxKind.ApprovalLimit, ReminderMoment.Overdue), (record.ItemKind, record.Moment));
        Assert.True(record.DueOn < Today);
        var message = Assert.Single(await MessagesOf(me), m => m.Id == record.MessageId);
        Assert.Equal($"/projects/{project}", message.Link);
        Assert.Contains("用地", message.Title);
    }

    [Fact]
    public async Task The_overdue_sweep_tells_the_new_handler_at_once_over_their_channels_and_only_once_per_escalation()
    {
        const string lead = "xiqu.lead";
        await Choose(lead, email: false, webhook: true, digest: false);
        var (leadId, chiefId, czj) = (await UserId(lead), await UserId("xiqu.chief"), await UserId("xiqu.czj"));
        var title = $"上报通知测试{Guid.NewGuid():N}"[..14];
        var problem = await ProblemFor("xiqu.czj", Today.AddDays(-1), title, onChain: true);
        var link = $"/supervision/problems/{problem.Id}";
        bool Escalated(Message m) => m.Kind == MessageKind.Escalated && m.Link == link;

        await Run<EscalateOverdueProblems>(Host.Services);
        await Run<EscalateOverdueProblems>(Host.Services);   // a rerun within the new deadline moves and tells nothing

        await using var db = Host.OpenSystem();
        var moved = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem.Id);
        Assert.Equal(EscalationLevel.LeadDepartment, moved.Level);
        var handlers = await db.Users.Where(u => u.UnitId == moved.AssignedUnitId).Select(u => u.Id).ToListAsync();
        Assert.Contains(leadId, handlers);
        foreach (var handler in handlers) Assert.Single(await MessagesOf(handler), Escalated);
        var told = Assert.Single(await MessagesOf(leadId), Escalated);
        Assert.Contains(title, told.Body);
        Assert.Contains(BusinessDate.Of(moved.DueAt).ToString("yyyy-MM-dd"), told.Body);
        Assert.Contains("牵头部门", told.Title);
        Assert.DoesNotContain(await MessagesOf(czj), Escalated);   // the unit it left
        Assert.DoesNotContain(await MessagesOf(chiefId), Escalated);
        // Over the channel the lead chose, at once.
        Assert.Single(await db.Set<Delivery>().Where(d => d.MessageId == told.Id && d.Channel == DeliveryChannel.Webhook).ToListAsync());
        await Run<DeliverMessages>(Host.Services);
        Assert.Single(Host.Webhook.Bodies, b => b.GetProperty("link").GetString() == link && b.GetProperty("user").GetString() == lead);

        // Past the lead department's deadline: on to the chief, who is told once; the lead is not told again.
        Advance(moved.DueAt - Host.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Run<EscalateOverdueProblems>(Host.Services);
        await Run<EscalateOverdueProblems>(Host.Services);
        Assert.Equal(EscalationLevel.ChainChief, (await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem.Id)).Level);
        Assert.Contains("链长", Assert.Single(await MessagesOf(chiefId), Escalated).Title);
        Assert.Single(await MessagesOf(leadId), Escalated);
    }

    [Fact]
    public async Task A_user_sets_their_own_group_robot_on_the_allowed_hosts_and_their_messages_go_there_instead_of_the_platforms()
    {
        const string user = "xiqu.office";
        using var own = new LocalWebhook();
        var robot = own.Url + "?key=personal-robot-key-1";
        var client = await api.As(user);
        var me = await UserId(user);
        async Task<int> Version() => (await Json(await client.GetAsync($"/api/v1/users/{me}/notification-settings"), HttpStatusCode.OK)).GetProperty("version").GetInt32();
        Task<HttpResponseMessage> Put(string? url) => Version().ContinueWith(v =>
            client.PutAsJsonAsync($"/api/v1/users/{me}/notification-settings", new { email = false, webhook = true, dailyDigest = false, version = v.Result, webhookUrl = url })).Unwrap();

        // The same rules as the platform's robot: http(s), and a host on the allow-list; refused naming the field, nothing stored.
        foreach (var bad in new[] { "ftp://127.0.0.1/robot", "http://robot.example.com/send?key=1", "不是地址", "http://user:pw@127.0.0.1/robot" })
            Assert.Contains("群机器人地址", await Error(await Put(bad), HttpStatusCode.BadRequest, "webhookUrl"));
        Assert.Equal(JsonValueKind.Null, (await Json(await client.GetAsync($"/api/v1/users/{me}/notification-settings"), HttpStatusCode.OK)).GetProperty("webhookUrl").ValueKind);

        await Json(await Put(robot), HttpStatusCode.NoContent);
        var settings = await Json(await client.GetAsync($"/api/v1/users/{me}/notification-settings"), HttpStatusCode.OK);
        Assert.Equal(robot, settings.GetProperty("webhookUrl").GetString());
        Assert.True(settings.GetProperty("personalWebhookAvailable").GetBoolean());

        async Task<Guid> Send(string title)
        {
            await using var scope = Host.Services.CreateAsyncScope();
            await using var db = Host.OpenSystem();
            var to = (await Notifier.RecipientsAsync(db, [me], CancellationToken.None))[me];
            var message = scope.ServiceProvider.GetRequiredService<Notifier>().Add(db, to, MessageKind.Urged, title, "本人机器人", "/inbox");
            await db.SaveChangesAsync();
            return message.Id;
        }
        var first = $"本人机器人{Guid.NewGuid():N}"[..12];
        var id = await Send(first);
        await Run<DeliverMessages>(Host.Services);
        Assert.Single(own.Bodies, b => b.GetProperty("title").GetString() == first);
        Assert.DoesNotContain(Host.Webhook.Bodies, b => b.GetProperty("title").GetString() == first);
        await using (var db = Host.OpenSystem())
        {
            var delivery = await db.Set<Delivery>().SingleAsync(d => d.MessageId == id);
            Assert.Equal((DeliveryStatus.Sent, "127.0.0.1"), (delivery.Status, delivery.Target));   // the host, never the key
            // The audit log records that the robot changed, not its key.
            var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(NotificationPreference)).Select(a => a.Changes).ToListAsync();
            Assert.Contains(audited, c => c.Contains("WebhookUrl"));
            Assert.DoesNotContain(audited, c => c.Contains("personal-robot-key-1"));
        }

        // Cleared: back to the platform's robot.
        await Json(await Put(" "), HttpStatusCode.NoContent);
        var second = $"平台机器人{Guid.NewGuid():N}"[..12];
        await Send(second);
        await Run<DeliverMessages>(Host.Services);
        Assert.Single(Host.Webhook.Bodies, b => b.GetProperty("title").GetString() == second);
        Assert.DoesNotContain(own.Bodies, b => b.GetProperty("title").GetString() == second);
    }

    private async Task<Guid> TaskOf(string unitKey, DateOnly dueOn)
    {
        await using var db = Host.OpenSystem();
        var unit = await db.Units.SingleAsync(u => u.Key == unitKey);
        var document = await db.PolicyDocuments.FirstAsync(d => d.JurisdictionId == unit.JurisdictionId);
        var ordinal = Random.Shared.Next(10_000, 99_999);
        var measure = new Web.Modules.Policies.Measure { JurisdictionId = document.JurisdictionId, DocumentId = document.Id, Number = $"{ordinal}", Ordinal = ordinal, Title = "催办测试措施" };
        var task = new MeasureTask
        {
            JurisdictionId = unit.JurisdictionId, DocumentId = document.Id, MeasureId = measure.Id, UnitId = unit.Id, Role = Web.Modules.Policies.MeasureRole.Lead,
            Title = $"催办测试任务{ordinal}", StartOn = Today, DueOn = dueOn, Status = MeasureTaskStatus.InProgress,
        };
        db.AddRange(measure, task);
        await db.SaveChangesAsync();
        return task.Id;
    }
}

public sealed class NotificationsOnSqlite(NotificationSqliteHost host) : NotificationTests<NotificationSqliteHost>(host);

public sealed class NotificationsOnPostgres(NotificationPostgresHost host) : NotificationTests<NotificationPostgresHost>(host)
{
    /// <summary>
    /// Two hosts on one PostgreSQL database run the jobs at the same moments: each reminder is recorded once and e-mailed
    /// once; after downtime the next run sends the moment the item is in (overdue), not the ones it missed, and no duplicate.
    /// </summary>
    [Fact]
    public async Task Two_hosts_on_one_database_send_each_reminder_once_and_catch_up_after_downtime_without_duplicates()
    {
        const string user = "xiqu.approver", address = "approver@xiqu.test";
        await SetEmail(user, address);
        await Choose(user, email: true, webhook: false, digest: false);
        var me = await UserId(user);
        var earlier = (await MessagesOf(me)).Select(m => m.Id).ToHashSet();   // reminders of earlier tests, before e-mail was chosen
        await using var second = Host.SecondHost();
        var due = WeekdaysAhead(2);
        var problems = new List<Problem>();
        for (var i = 0; i < 3; i++) problems.Add(await ProblemFor("xiqu.qzf", due, $"双机测试{i}{Guid.NewGuid():N}"[..12]));

        async Task BothAtOnce<TJob>() where TJob : class => await Task.WhenAll(Run<TJob>(Host.Services), Run<TJob>(second.Services), Run<TJob>(Host.Services), Run<TJob>(second.Services));

        await BothAtOnce<SendReminders>();
        await BothAtOnce<SendReminders>();
        // Downtime: no host runs for a week; then both come back at once.
        Advance(TimeSpan.FromDays(7));
        await BothAtOnce<SendReminders>();
        await BothAtOnce<DeliverMessages>();
        await BothAtOnce<DeliverMessages>();

        foreach (var p in problems)
            Assert.Equal([ReminderMoment.Before, ReminderMoment.Overdue], (await RecordsOf(me, p.Id)).Select(r => r.Moment).Order());
        var reminders = (await MessagesOf(me)).Where(m => m.Kind == MessageKind.Reminder && !earlier.Contains(m.Id)).ToList();
        var links = problems.Select(p => $"/supervision/problems/{p.Id}").ToHashSet();
        Assert.Equal(6, reminders.Count(m => links.Contains(m.Link)));
        // Every reminder of the account (the demo's items too) went out exactly once.
        var mails = Host.Smtp.To(address);
        Assert.Equal(reminders.Count, mails.Count);
        foreach (var link in links) Assert.Equal(2, mails.Count(m => TextOf(m).Contains(link)));
    }
}
