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
    ViewIncentives,
    /// <summary>Apply for a measure (an enterprise for itself, an operator on its behalf), upload, submit.</summary>
    ApplyIncentives,
    /// <summary>Act on a workflow stage (the stage's own role/unit decides who, on top of this).</summary>
    ReviewIncentives,
    /// <summary>Configure measures, workflows and budgets; push proactive (免申即享) applications.</summary>
    ManageIncentives,
    /// <summary>Approve beyond the yearly budget, with a reason.</summary>
    OverrideIncentiveBudget,
}

/// <summary>The role → permission table: one place to read and to test.</summary>
public static class RolePermissions
{
    private static readonly Permission[] Viewing =
        [Permission.ViewJurisdictions, Permission.ViewPolicies, Permission.ViewEnterprises, Permission.ViewChains, Permission.ViewProjects, Permission.ViewIncentives];

    private static readonly IReadOnlyDictionary<string, HashSet<Permission>> Table = new Dictionary<string, HashSet<Permission>>
    {
        [Roles.Administrator] = [.. Enum.GetValues<Permission>()],
        [Roles.CoordinationOffice] = [.. Viewing, Permission.ManageUnits, Permission.ManagePolicies, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ViewUsers, Permission.ManageChains, Permission.ManageProjects,
            Permission.ApplyIncentives, Permission.ReviewIncentives, Permission.ManageIncentives],
        // Chain chiefs are district/city leaders: they convene the special study (西区 十) and may approve beyond budget.
        [Roles.ChainChief] = [.. Viewing, Permission.ReviewIncentives, Permission.OverrideIncentiveBudget],
        // Lead departments draw their chain's panorama (达州 （三）).
        [Roles.LeadDepartment] = [.. Viewing, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ManageChains, Permission.ManageProjects,
            Permission.ApplyIncentives, Permission.ReviewIncentives, Permission.ManageIncentives],
        // County and park operators keep their projects in the library (达州 （三）: 县（市、区）和园区 as the main bodies).
        [Roles.LocalOperator] = [.. Viewing, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ManageProjects, Permission.ApplyIncentives],
        // An enterprise edits its own record (scoping limits it to that one) but registers none.
        [Roles.EnterpriseUser] = [.. Viewing, Permission.EditEnterprises, Permission.ApplyIncentives],
        [Roles.Leader] = [.. Viewing, Permission.ViewUsers, Permission.ViewAudit],
    };

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(r => Table.TryGetValue(r, out var set) && set.Contains(permission));

    public static IReadOnlySet<Permission> Of(string role) => Table[role];
}
