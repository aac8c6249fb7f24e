namespace Qianglian.Web.Auth;

/// <summary>An account as shown and returned by the API (never the password hash or stamps).</summary>
public sealed record UserView(
    Guid Id, string UserName, string DisplayName, Guid JurisdictionId, string JurisdictionPath, Guid? UnitId,
    Guid? EnterpriseId, IReadOnlyList<string> Roles, bool LockedOut, bool MustChangePassword, string Version);
