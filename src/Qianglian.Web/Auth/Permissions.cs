namespace Qianglian.Web.Auth;

/// <summary>What a role may do. Jurisdiction and enterprise scoping apply on top, centrally, to every one.</summary>
public enum Permission
{
    ViewJurisdictions,
    ManageJurisdictions,
    ManageUnits,
    ViewUsers,
    /// <summary>Create accounts and keep their names and units (the system administrator).</summary>
    ManageUsers,
    /// <summary>The security administrator's (三员分立): change an account's roles, lock it, reset its password or its
    /// authenticator, end its sessions, read its login history.</summary>
    ManageSecurity,
    ViewPolicies,
    ManagePolicies,
    ViewEnterprises,
    RegisterEnterprises,
    EditEnterprises,
    /// <summary>Read and export the audit log (the audit administrator; every reading is itself audited).</summary>
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
    /// <summary>Keep the holiday calendar working days are counted on: enter a year's notice, its days, or import them
    /// (the administrator, and the office for its own jurisdiction).</summary>
    ManageHolidays,
    ViewInvestment,
    ManageInvestment,
    /// <summary>Approve a 一事一议 package for a major investor.</summary>
    ApproveDeals,
    // Supervision: the problem ledger, measure tasks, chain-chief work, supply and demand.
    ViewSupervision,
    FileProblems,
    HandleProblems,
    RateProblems,
    /// <summary>The office's levers on a problem whatever unit handles it (改派, 督办): the office, a chain's chief on the chain's problems.</summary>
    SteerProblems,
    ManageTasks,
    ReportProgress,
    ReviewTasks,
    ManageChainWork,
    PostSupplyDemand,
    RecordMatches,
    ViewIncentives,
    /// <summary>Apply for a measure (an enterprise for itself, an operator on its behalf), upload, submit.</summary>
    ApplyIncentives,
    /// <summary>Act on a workflow stage (the stage's own role/unit decides who, on top of this).</summary>
    ReviewIncentives,
    /// <summary>Configure measures, workflows and budgets; push proactive (免申即享) applications.</summary>
    ManageIncentives,
    /// <summary>Approve beyond the yearly budget, with a reason.</summary>
    OverrideIncentiveBudget,
    // Evaluation: the chain and park index, targets against actuals, dashboards.
    ViewEvaluation,
    /// <summary>Run the chain or park index and keep its models.</summary>
    ManageEvaluation,
    /// <summary>See a personal contact value (a phone number) whole rather than masked; each showing is recorded
    /// (docs/security.md 个人信息保护). Held by the administrator and the coordination office, who contact account
    /// holders; the roles that only read (leaders, chain chiefs) and the enterprises do not need it.</summary>
    RevealPersonalData,
    // Element quotas (攀枝花 二, 西区 五): a chain's land, energy, emission and power quotas.
    /// <summary>Read chains' quota ledgers and their allocations and use.</summary>
    ViewQuotas,
    /// <summary>Grant quota to a chain's pool and transfer between chains (统筹调剂): the office.</summary>
    ManageQuotas,
    /// <summary>File a project's request for quota, with its justification (those who keep projects).</summary>
    RequestQuotas,
    /// <summary>Decide a request from the chain's pool: the chain's own chief (checked per chain) or the office.</summary>
    AllocateQuotas,
    /// <summary>Record a project's use of its allocation (those who keep projects).</summary>
    RecordQuotaUse,
    // Arrears (清欠, 攀枝花 十四): the ledger of payments owed to private enterprises and SMEs.
    ViewArrears,
    /// <summary>File a claim of arrears: the creditor enterprise for itself, or an official on its behalf.</summary>
    FileArrears,
    /// <summary>Verify a claim (agree or dispute the amount), set its repayment plan and record its repayments: the office.</summary>
    ManageArrears,
}

/// <summary>The role → permission table: one place to read and to test.</summary>
public static class RolePermissions
{
    private static readonly Permission[] Viewing =
        [Permission.ViewJurisdictions, Permission.ViewPolicies, Permission.ViewEnterprises, Permission.ViewChains, Permission.ViewProjects,
            Permission.ViewCultivation, Permission.ViewSupervision, Permission.ViewIncentives, Permission.ViewArrears];

    /// <summary>Only the enterprise that raised a problem confirms its resolution and rates it — not even an administrator.</summary>
    private static readonly Permission[] EnterpriseOnly = [Permission.RateProblems];

    /// <summary>三员分立 (GB/T 22239-2019 8.1.4.2 c): what the security and audit administrators do, the system
    /// administrator does not.</summary>
    private static readonly Permission[] OtherAdministrators = [Permission.ManageSecurity, Permission.ViewAudit];

    private static readonly IReadOnlyDictionary<string, HashSet<Permission>> Table = new Dictionary<string, HashSet<Permission>>
    {
        // The system administrator keeps users, units and configuration — and, as before, may act on business data
        // everywhere in their subtree — but neither security (roles, locks, resets) nor the audit log.
        [Roles.Administrator] = [.. Enum.GetValues<Permission>().Except(EnterpriseOnly).Except(OtherAdministrators)],
        // The security administrator sees accounts (to act on them) and jurisdictions (where accounts belong); no business data.
        [Roles.SecurityAdministrator] = [Permission.ViewJurisdictions, Permission.ViewUsers, Permission.ManageSecurity],
        // The audit administrator reads and exports the audit log, nothing else: no business data, no account.
        [Roles.AuditAdministrator] = [Permission.ViewAudit],
        [Roles.CoordinationOffice] = [.. Viewing, Permission.RevealPersonalData, Permission.ManageUnits, Permission.ManagePolicies, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ViewUsers, Permission.ManageChains,
            Permission.ManageProjects, Permission.ReportProjects, Permission.IssueBulletins, Permission.ManageHolidays, Permission.ViewInvestment, Permission.ManageInvestment, Permission.ApproveDeals,
            Permission.ManageCultivation, Permission.ScoreExperts, Permission.FileObjections,
            Permission.FileProblems, Permission.HandleProblems, Permission.SteerProblems, Permission.ManageTasks, Permission.ReportProgress, Permission.ReviewTasks, Permission.ManageChainWork,
            Permission.PostSupplyDemand, Permission.RecordMatches, Permission.ViewEvaluation, Permission.ManageEvaluation,
            Permission.ApplyIncentives, Permission.ReviewIncentives, Permission.ManageIncentives,
            Permission.ViewQuotas, Permission.ManageQuotas, Permission.RequestQuotas, Permission.AllocateQuotas, Permission.RecordQuotaUse,
            // 攀枝花 十四 names the city's market regulator and economy bureau and the counties: the office keeps the ledger.
            Permission.FileArrears, Permission.ManageArrears],
        // A chain chief — a district or city leader — reads the bulletins, approves the 一事一议 packages of the chain's major
        // investors (攀枝花 二), visits, holds the quarterly meetings, assigns matters and settles escalated problems (达州 （二）),
        // convenes the special study of incentive applications (西区 十) and may approve beyond the budget.
        [Roles.ChainChief] = [.. Viewing, Permission.IssueBulletins, Permission.ViewInvestment, Permission.ApproveDeals,
            Permission.FileProblems, Permission.HandleProblems, Permission.SteerProblems, Permission.ManageChainWork,
            Permission.ReviewIncentives, Permission.OverrideIncentiveBudget, Permission.ViewEvaluation,
            // 攀枝花 二: 链长牵头对…用地、优惠电量、排污及能耗指标进行统筹调剂 — the chief allocates its chain's pool.
            Permission.ViewQuotas, Permission.AllocateQuotas],
        // Lead departments draw their chain's panorama, run its problem ledger and meetings (达州 （三）), score their
        // chain's enterprises (定性评价) and review incentive applications at their stage.
        [Roles.LeadDepartment] = [.. Viewing, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ManageChains, Permission.ManageProjects,
            Permission.ReportProjects, Permission.ViewInvestment, Permission.ManageInvestment, Permission.ScoreExperts,
            Permission.FileProblems, Permission.HandleProblems, Permission.ReportProgress, Permission.ManageChainWork, Permission.PostSupplyDemand, Permission.RecordMatches,
            Permission.ApplyIncentives, Permission.ReviewIncentives, Permission.ManageIncentives, Permission.ViewEvaluation,
            Permission.ViewQuotas, Permission.RequestQuotas, Permission.RecordQuotaUse, Permission.FileArrears],
        // County and park operators keep their projects in the library (达州 （三）: 县（市、区）和园区 as the main bodies),
        // handle the problems first assigned to them, file objections to grades and apply for incentives on their
        // enterprises' behalf.
        [Roles.LocalOperator] = [.. Viewing, Permission.RegisterEnterprises, Permission.EditEnterprises, Permission.ManageProjects,
            Permission.ReportProjects, Permission.ViewInvestment, Permission.ManageInvestment, Permission.FileObjections,
            Permission.FileProblems, Permission.HandleProblems, Permission.ReportProgress, Permission.PostSupplyDemand, Permission.RecordMatches,
            Permission.ApplyIncentives, Permission.ViewEvaluation, Permission.ViewQuotas, Permission.RequestQuotas, Permission.RecordQuotaUse, Permission.FileArrears],
        // An enterprise edits its own record (scoping limits it to that one) but registers none; it reports its projects'
        // progress, may object to its grade, raises and rates its problems, posts supplies and demands and applies for
        // incentives.
        [Roles.EnterpriseUser] = [.. Viewing, Permission.EditEnterprises, Permission.ReportProjects, Permission.FileObjections,
            Permission.FileProblems, Permission.RateProblems, Permission.PostSupplyDemand, Permission.ApplyIncentives, Permission.FileArrears],
        [Roles.Leader] = [.. Viewing, Permission.ViewUsers, Permission.ViewAudit, Permission.IssueBulletins, Permission.ViewInvestment, Permission.ViewEvaluation, Permission.ViewQuotas],
    };

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(r => Table.TryGetValue(r, out var set) && set.Contains(permission));

    public static IReadOnlySet<Permission> Of(string role) => Table[role];
}
