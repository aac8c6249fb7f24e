using System.Security.Claims;
using Qianglian.Web.Data;

namespace Qianglian.Web.Auth;

/// <summary>Claims Qianglian adds to the principal at sign-in (see <see cref="ScopeClaimsFactory"/>).</summary>
public static class ScopeClaims
{
    public const string HomePath = "ql:home_path";
    public const string ViewPath = "ql:view_path";
    public const string Enterprise = "ql:enterprise";
    public const string MustChangePassword = "ql:must_change_password";
}

/// <summary>
/// The signed-in user of this request or circuit. Set by middleware for HTTP requests and by
/// <see cref="CircuitUserHandler"/> for Blazor circuits, so the same scope reaches every data context.
/// </summary>
public sealed class CurrentUser
{
    public ClaimsPrincipal Principal { get; private set; } = new(new ClaimsIdentity());

    public void Set(ClaimsPrincipal principal) => Principal = principal;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string Name => Principal.Identity?.Name ?? "";
    public IReadOnlyList<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public bool Can(Permission permission) => IsAuthenticated && RolePermissions.Allows(Roles, permission);

    /// <summary>Throws <see cref="Api.ForbiddenException"/> (HTTP 403) unless a role of the user grants the permission.</summary>
    public void Require(Permission permission)
    {
        if (!Can(permission))
            throw new Api.ForbiddenException($"当前角色无此权限：{permission} (your role does not allow {permission})");
    }

    /// <summary>The scope of business data: the jurisdiction chosen in the switcher, else the home one.</summary>
    public UserScope Scope => BuildScope(Principal.FindFirstValue(ScopeClaims.ViewPath));

    /// <summary>The user's own jurisdiction, used for their own account (which lies above a narrowed view).</summary>
    public UserScope HomeScope => BuildScope(null);

    private UserScope BuildScope(string? viewPath)
    {
        if (!IsAuthenticated) return UserScope.Nobody;
        var home = Principal.FindFirstValue(ScopeClaims.HomePath);
        if (string.IsNullOrEmpty(home)) return UserScope.Nobody;
        var roles = Roles;
        return new UserScope
        {
            Path = viewPath is { Length: > 0 } v && v.StartsWith(home, StringComparison.Ordinal) ? v : home,
            EnterpriseId = Guid.TryParse(Principal.FindFirstValue(ScopeClaims.Enterprise), out var e) ? e : null,
            // Leaders read; the audit administrator reads the audit log and may change nothing else (三员分立).
            ReadOnly = roles.Count > 0 && roles.All(r => r is Auth.Roles.Leader or Auth.Roles.AuditAdministrator),
            UserId = Id,
            UserName = Name,
        };
    }
}
