namespace Qianglian.Web.Auth;

/// <summary>The roles of Qianglian. Names are stable identifiers; the UI shows the localised title.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";       // 系统管理员: users, units, configuration
    /// <summary>安全管理员 (三员分立): roles, lockouts, password resets, authenticator resets, ending sessions, login history.</summary>
    public const string SecurityAdministrator = "SecurityAdministrator";
    /// <summary>安全审计员 (三员分立): reads and exports the audit log, nothing else.</summary>
    public const string AuditAdministrator = "AuditAdministrator";
    public const string CoordinationOffice = "CoordinationOffice"; // 融圈强链办
    public const string ChainChief = "ChainChief";             // 链长
    public const string LeadDepartment = "LeadDepartment";     // 牵头部门
    public const string LocalOperator = "LocalOperator";       // 县区/园区经办人
    public const string EnterpriseUser = "EnterpriseUser";     // 企业用户
    public const string Leader = "Leader";                     // 领导（只读）

    public static readonly IReadOnlyList<string> All =
        [Administrator, SecurityAdministrator, AuditAdministrator, CoordinationOffice, ChainChief, LeadDepartment, LocalOperator, EnterpriseUser, Leader];

    /// <summary>
    /// The three administrators of 三员分立 (GB/T 22239-2019 8.1.4.2 c): no account holds two of them
    /// (<see cref="Core.Security.SeparationOfDuties"/>), and each must sign in with a second factor (8.1.4.1 d).
    /// </summary>
    public static readonly IReadOnlyList<string> Administrators = [Administrator, SecurityAdministrator, AuditAdministrator];

    /// <summary>Whether an account with these roles must present a second factor (a time-based code) at sign-in.</summary>
    public static bool NeedSecondFactor(IEnumerable<string> roles) => roles.Any(Administrators.Contains);
}
