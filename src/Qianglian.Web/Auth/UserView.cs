namespace Qianglian.Web.Auth;

/// <summary>An account as shown and returned by the API (never the password hash or stamps). <see cref="Phone"/> is
/// masked (138****5678); the whole number only through the reveal action, with its permission (RevealPersonalData).</summary>
public sealed record UserView(
    Guid Id, string UserName, string DisplayName, Guid JurisdictionId, string JurisdictionPath, Guid? UnitId,
    Guid? EnterpriseId, IReadOnlyList<string> Roles, bool LockedOut, bool MustChangePassword, string Version, string? Phone);
