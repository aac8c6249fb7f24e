namespace Qianglian.Web.Auth;

/// <summary>What a role may do. Jurisdiction and enterprise scoping apply on top, centrally, to every one.</summary>
public enum Permission
{
    ViewJurisdictions,
    ManageJurisdictions,
    ManageUnits,
    ViewUsers,
    ManageUsers,
    ViewPolicies,
    ManagePolicies,
    ViewEnterprises,
    RegisterEnterprises,
    EditEnterprises,
    ViewAudit,
    ViewChains,
    ManageChains,
    ViewProjects,
    ManageProjects,
    ViewCultivation,
    /// <summary>Models, reviews and gradings: run, confirm, publish, resolve objections, lock.</summary>
    ManageCultivation,
    ScoreExperts,
    FileObjections,
    /// <summary>File a project's monthly dispatch report (the project's enterprise, or the officials who keep it).</summary>
    ReportProjects,
    /// <summary>Generate the monthly bulletin (通报) of the projects in one's jurisdiction.</summary>
    IssueBulletins,
    /// <summary>Maintain the holiday calendar approval times are counted on.</summary>
    ManageHolidays,
    ViewInvestment,
    ManageInvestment,
    /// <summary>Approve a 一事一议 package for a major investor.</summary>
    ApproveDeals,
}

/// <summary>The role → permission table: one place to read and to test.</summary>
public static class RolePermissions
{
    private static readonly Permission[] Viewing =
        [Permission.ViewJurisdictions, Permission.ViewPolicies, Permission.ViewEnterprises, Permission.ViewChains, Permission.ViewProjects,
            Permission.ViewCultivation];

    private static readonly IReadOnlyDictionary<string, HashSet<Permission>> Table = new Dictionary<string, HashSet<Permission>>
    {
        [Roles.Administrator] = [.. Enum.GetValues<Permission>()],
        [Roles.CoordinationOffice] = [.. Viewing, Permission.ManageUnits, Permission.ManagePolicies, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ViewUsers, Permission.ManageChains,
            Permission.ManageProjects, Permission.ReportProjects, Permission.IssueBulletins, Permission.ViewInvestment, Permission.ManageInvestment, Permission.ApproveDeals,
            Permission.ManageCultivation, Permission.ScoreExperts, Permission.FileObjections],
        // A chain chief reads the bulletins and approves the 一事一议 packages of the chain's major investors (攀枝花 二).
        [Roles.ChainChief] = [.. Viewing, Permission.IssueBulletins, Permission.ViewInvestment, Permission.ApproveDeals],
        // Lead departments draw their chain's panorama (达州 （三）) and score their chain's enterprises (定性评价).
        [Roles.LeadDepartment] = [.. Viewing, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ManageChains, Permission.ManageProjects,
            Permission.ReportProjects, Permission.ViewInvestment, Permission.ManageInvestment, Permission.ScoreExperts],
        // County and park operators keep their projects in the library (达州 （三）: 县（市、区）和园区 as the main bodies)
        // and file objections to grades on their enterprises' behalf.
        [Roles.LocalOperator] = [.. Viewing, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ManageProjects,
            Permission.ReportProjects, Permission.ViewInvestment, Permission.ManageInvestment, Permission.FileObjections],
        // An enterprise edits its own record (scoping limits it to that one) but registers none; it reports its projects'
        // progress and may object to its grade.
        [Roles.EnterpriseUser] = [.. Viewing, Permission.EditEnterprises, Permission.ReportProjects, Permission.FileObjections],
        [Roles.Leader] = [.. Viewing, Permission.ViewUsers, Permission.ViewAudit, Permission.IssueBulletins, Permission.ViewInvestment],
    };

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(r => Table.TryGetValue(r, out var set) && set.Contains(permission));

    public static IReadOnlySet<Permission> Of(string role) => Table[role];
}
