using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// Who is acting, as the supervision rules need it: the account, its unit (a department), its enterprise, the chains it
/// serves as deputy chief (副链长) on, and its roles.
/// </summary>
public sealed record Caller(Guid? UserId, string Name, Guid? UnitId, Guid? EnterpriseId, IReadOnlyList<Guid> DeputyOf, IReadOnlyList<string> Roles)
{
    /// <summary>Read through the acting-caller door at each operation (not the sign-in token), so a changed posting applies at once.</summary>
    public static async Task<Caller> OfAsync(CurrentUser user, AppDbContext db, CancellationToken ct)
    {
        var acting = await db.ActingCallerAsync(user.Name, ct);
        return new Caller(acting.UserId, acting.Name, acting.UnitId, acting.EnterpriseId, acting.DeputyOf, user.Roles);
    }

    public bool Is(string role) => Roles.Contains(role);

    /// <summary>The coordination office (and the administrator) supervise every level: they may re-route any problem.</summary>
    public bool Supervises => Is(Auth.Roles.CoordinationOffice) || Is(Auth.Roles.Administrator);
}
