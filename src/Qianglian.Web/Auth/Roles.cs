namespace Qianglian.Web.Auth;

/// <summary>The seven roles of Qianglian. Names are stable identifiers; the UI shows the localised title.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";       // 系统管理员
    public const string CoordinationOffice = "CoordinationOffice"; // 融圈强链办
    public const string ChainChief = "ChainChief";             // 链长
    public const string LeadDepartment = "LeadDepartment";     // 牵头部门
    public const string LocalOperator = "LocalOperator";       // 县区/园区经办人
    public const string EnterpriseUser = "EnterpriseUser";     // 企业用户
    public const string Leader = "Leader";                     // 领导（只读）

    public static readonly IReadOnlyList<string> All =
        [Administrator, CoordinationOffice, ChainChief, LeadDepartment, LocalOperator, EnterpriseUser, Leader];
}
