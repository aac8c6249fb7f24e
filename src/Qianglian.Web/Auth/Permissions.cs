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
    // Supervision: the problem ledger, measure tasks, chain-chief work, supply and demand.
    ViewSupervision,
    FileProblems,
    HandleProblems,
    RateProblems,
    ManageTasks,
    ReportProgress,
    ReviewTasks,
    ManageChainWork,
    PostSupplyDemand,
    RecordMatches,
}

/// <summary>The role → permission table: one place to read and to test.</summary>
public static class RolePermissions
{
    private static readonly Permission[] Viewing =
        [Permission.ViewJurisdictions, Permission.ViewPolicies, Permission.ViewEnterprises, Permission.ViewChains, Permission.ViewSupervision];

    /// <summary>Only the enterprise that raised a problem confirms its resolution and rates it — not even an administrator.</summary>
    private static readonly Permission[] EnterpriseOnly = [Permission.RateProblems];

    private static readonly IReadOnlyDictionary<string, HashSet<Permission>> Table = new Dictionary<string, HashSet<Permission>>
    {
        [Roles.Administrator] = [.. Enum.GetValues<Permission>().Except(EnterpriseOnly)],
        [Roles.CoordinationOffice] = [.. Viewing, Permission.ManageUnits, Permission.ManagePolicies, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ViewUsers, Permission.ManageChains,
            Permission.FileProblems, Permission.HandleProblems, Permission.ManageTasks, Permission.ReportProgress, Permission.ReviewTasks, Permission.ManageChainWork, Permission.PostSupplyDemand, Permission.RecordMatches],
        // A chain chief visits, holds the quarterly meetings, assigns matters and settles escalated problems (达州 （二）).
        [Roles.ChainChief] = [.. Viewing, Permission.FileProblems, Permission.HandleProblems, Permission.ManageChainWork],
        // Lead departments draw their chain's panorama and run its problem ledger and meetings (达州 （三）).
        [Roles.LeadDepartment] = [.. Viewing, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ManageChains,
            Permission.FileProblems, Permission.HandleProblems, Permission.ReportProgress, Permission.ManageChainWork, Permission.PostSupplyDemand, Permission.RecordMatches],
        [Roles.LocalOperator] = [.. Viewing, Permission.RegisterEnterprises, Permission.EditEnterprises,
            Permission.FileProblems, Permission.HandleProblems, Permission.ReportProgress, Permission.PostSupplyDemand, Permission.RecordMatches],
        // An enterprise edits its own record (scoping limits it to that one) but registers none; it raises and rates its problems.
        [Roles.EnterpriseUser] = [.. Viewing, Permission.EditEnterprises, Permission.FileProblems, Permission.RateProblems, Permission.PostSupplyDemand],
        [Roles.Leader] = [.. Viewing, Permission.ViewUsers, Permission.ViewAudit],
    };

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(r => Table.TryGetValue(r, out var set) && set.Contains(permission));

    public static IReadOnlySet<Permission> Of(string role) => Table[role];
}
