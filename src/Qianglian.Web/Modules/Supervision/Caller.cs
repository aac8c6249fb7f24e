using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>Who is acting, as the supervision rules need it: the account, its unit (a department) and its enterprise.</summary>
public sealed record Caller(Guid? UserId, string Name, Guid? UnitId, Guid? EnterpriseId, IReadOnlyList<string> Roles)
{
    /// <summary>The unit is read from the account at each operation (not the sign-in token), so a changed posting applies at once.</summary>
    public static async Task<Caller> OfAsync(CurrentUser user, AppDbContext db, CancellationToken ct)
    {
        var account = user.Id is { } id
            ? await db.Users.IgnoreQueryFilters().Where(u => u.Id == id).Select(u => new { u.DisplayName, u.UnitId, u.EnterpriseId }).FirstOrDefaultAsync(ct)
            : null;
        return new Caller(user.Id, account?.DisplayName is { Length: > 0 } d ? d : user.Name, account?.UnitId, account?.EnterpriseId, user.Roles);
    }

    public bool Is(string role) => Roles.Contains(role);

    /// <summary>The coordination office (and the administrator) supervise every level: they may re-route any problem.</summary>
    public bool Supervises => Is(Auth.Roles.CoordinationOffice) || Is(Auth.Roles.Administrator);
}

/// <summary>Names of units and people for display: they may sit above the caller's subtree (a city's lead department).</summary>
public static class DisplayNames
{
    public static async Task<Dictionary<Guid, string>> UnitsAsync(AppDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Units.IgnoreQueryFilters().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public static async Task<Dictionary<Guid, string>> UsersAsync(AppDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Users.IgnoreQueryFilters().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    public static async Task<Dictionary<Guid, string>> ChainsAsync(AppDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Chains.IgnoreQueryFilters().Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }
}
