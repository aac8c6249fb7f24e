using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Inbox;

/// <summary>
/// The 待办 inbox: every source's items for one user, most urgent first, with the working days left on the holiday
/// calendar of each row's place. The signed-in user's inbox is computed in their home scope (their own work, whatever
/// place the jurisdiction switcher narrows the pages to); <see cref="EveryoneAsync"/> computes each account's inbox in
/// that account's own scope, for the reminders.
/// </summary>
public sealed class ReadInbox(AppDb dbs, DatabaseOptions database, CurrentUser user, TimeProvider clock, IEnumerable<IInboxSource> sources)
{
    /// <summary>The signed-in user's inbox, optionally one kind or the overdue items only.</summary>
    public async Task<InboxView> Mine(InboxKind? kind, bool overdueOnly, CancellationToken ct)
    {
        // Every account has an inbox, whatever its role (the audit administrator holds no business permission): the
        // sources pick by the caller's roles and scope, so being signed in is the permission.
        if (!user.IsAuthenticated) throw new Api.ForbiddenException("未登录 (not signed in)");
        await using var db = dbs.OpenHome();
        var items = await ComputeAsync(db, user.Roles, user.Name, kind, ct);
        var counts = Count(items);
        if (overdueOnly) items = items.Where(i => i.Overdue).ToList();
        return new InboxView(items, counts);
    }

    /// <summary>The counts of the top bar.</summary>
    public async Task<InboxCounts> Counts(CancellationToken ct) => (await Mine(null, false, ct)).Counts;

    /// <summary>
    /// For the reminders: every account's inbox, each computed in the account's own scope (as if it had signed in), so
    /// a reminder never names a row its recipient could not open. <paramref name="dueBy"/> keeps the items due by that
    /// business date (and the overdue ones); null keeps all.
    /// </summary>
    public async IAsyncEnumerable<UserInbox> EveryoneAsync(DateOnly? dueBy, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        List<(AppUser User, List<string> Roles)> accounts;
        await using (var system = dbs.OpenSystem())
        {
            var users = await system.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
            var roles = await system.UserRoles.AsNoTracking().Join(system.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
            var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
            accounts = users.Select(u => (u, byUser[u.Id].ToList())).Where(a => a.Item2.Count > 0).ToList();
        }
        // A few accounts at a time, each in its own context on its own connection, so that the host computes one
        // account's items while the database answers another's queries; they come out in the accounts' order.
        var pending = new Queue<Task<UserInbox?>>();
        try
        {
            foreach (var (account, roles) in accounts)
            {
                pending.Enqueue(InboxOfAsync(account, roles, dueBy, ct));
                if (pending.Count >= Math.Max(1, Parallelism) && await pending.Dequeue() is { } ready) yield return ready;
            }
            while (pending.Count > 0)
                if (await pending.Dequeue() is { } ready) yield return ready;
        }
        finally
        {
            // Left early (the reader stopped or failed): the accounts still being read finish before their services go.
            foreach (var left in pending) await Task.WhenAny(left);
        }
    }

    /// <summary>
    /// How many accounts <see cref="EveryoneAsync"/> reads at once: on PostgreSQL as many as there are cores (at least
    /// two); SQLite, one file behind one writer, one at a time. The bench sets it to compare with one at a time.
    /// </summary>
    internal int Parallelism { get; set; } = database.Provider == DatabaseProvider.Postgres ? Math.Max(2, Environment.ProcessorCount) : 1;

    private async Task<UserInbox?> InboxOfAsync(AppUser account, List<string> roles, DateOnly? dueBy, CancellationToken ct)
    {
        var scope = new UserScope
        {
            Path = account.JurisdictionPath, EnterpriseId = account.EnterpriseId, UserId = account.Id, UserName = account.UserName ?? "",
            ReadOnly = roles.All(r => r == Auth.Roles.Leader),
        };
        await using var db = database.Create(scope, clock);
        var items = await ComputeAsync(db, roles, account.UserName ?? "", null, ct);
        if (dueBy is { } by) items = items.Where(i => i.Overdue || i.DueOn is { } d && d <= by).ToList();
        return items.Count > 0 ? new UserInbox(account.Id, account.UserName ?? "", account.Email, items) : null;
    }

    private async Task<List<InboxItem>> ComputeAsync(AppDbContext db, IReadOnlyList<string> roles, string name, InboxKind? kind, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = BusinessDate.Of(now);
        // One connection for every source's queries: a context left to open it per query returns it to the pool after
        // each, and the pool resets it (DISCARD ALL) before the next — a round trip per query, as many as the queries.
        await db.Database.OpenConnectionAsync(ct);
        var caller = new InboxCaller(db, roles, await db.ActingCallerAsync(name, ct), now, today);
        var items = new List<InboxItem>();
        // One context runs one query at a time: the sources take turns.
        foreach (var source in sources.Where(s => kind is null || s.Kinds.Contains(kind.Value)))
            items.AddRange(await source.ForAsync(caller, ct));
        if (kind is { } k) items = items.Where(i => i.Kind == k).ToList();
        var calendars = await ProjectSettings.ForPathsAsync(db, items.Where(i => i.DueOn is not null).Select(i => i.Place).Distinct(), ct);
        return items.Select(i => i.DueOn is { } due ? i with { WorkingDaysLeft = WorkingDaysLeft(calendars.CalendarAt(i.Place), today, due) } : i)
            .OrderByDescending(i => i.Overdue).ThenByDescending(i => i.DueSoon).ThenBy(i => i.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.Kind)
            .ThenBy(i => i.What, StringComparer.Ordinal).ToList();
    }

    /// <summary>Working days from today to the due date (the due day counted, today not); negative once past it.</summary>
    internal static int WorkingDaysLeft(Core.Projects.HolidayCalendar calendar, DateOnly today, DateOnly due) =>
        due >= today ? calendar.Elapsed(today, due) : -calendar.Elapsed(due, today);

    private static InboxCounts Count(IReadOnlyList<InboxItem> items) =>
        new(items.Count, items.Count(i => i.Overdue), items.Count(i => i.DueSoon && !i.Overdue));
}

/// <summary>One account's inbox, for the reminders.</summary>
public sealed record UserInbox(Guid UserId, string UserName, string? Email, IReadOnlyList<InboxItem> Items);
