using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Inbox;

/// <summary>
/// One source of to-do items (an application stage, a problem, a task…). A source runs one query through the user's
/// own scoped context — the central filters decide what it may see, never the source — and applies the module's own
/// rules (deadlines, overdue, who may act) from Core. An item is computed from the row's state, so it leaves the inbox
/// the moment anyone does the work.
/// </summary>
public interface IInboxSource
{
    /// <summary>The kinds of item this source gives (the reminders are configured per kind).</summary>
    IReadOnlyList<InboxKind> Kinds { get; }

    Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct);
}

/// <summary>
/// The user a source computes the inbox of: the context scoped to that user, the roles, the account as the
/// acting-caller door reads it (unit, enterprise, chains led) and the business date. Built by <see cref="ReadInbox"/>
/// for the signed-in user, or for any account (the reminders), never by a source.
/// </summary>
public sealed record InboxCaller(AppDbContext Db, IReadOnlyList<string> Roles, ActingCaller Acting, DateTimeOffset Now, DateOnly Today)
{
    public bool Can(Permission permission) => RolePermissions.Allows(Roles, permission);

    public bool Is(string role) => Roles.Contains(role);
}
