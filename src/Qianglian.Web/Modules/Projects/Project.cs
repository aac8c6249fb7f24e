using Qianglian.Core.Projects;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>What the project does for its chain: 延链 / 补链 / 强链 / 建新.</summary>
public enum ProjectPurpose { Extend = 1, Fill = 2, Strengthen = 3, New = 4 }

/// <summary>新建 / 扩建 / 技术改造 / 智改数转 / 其他.</summary>
public enum ProjectKind { New = 1, Expansion = 2, TechRenovation = 3, IntelligentDigital = 4, Other = 9 }

/// <summary>The lists and labels a project carries; the incentive rules test several of them.</summary>
[Flags]
public enum ProjectFlags
{
    None = 0,
    ProvincialKey = 1,        // 省重点项目
    CityKey = 2,              // 市重点项目
    ChainLeader = 4,          // 链主项目
    MajorLeading = 8,         // 重大带动引领项目
    StrategicResource = 16,   // 攀西战略资源创新开发（西区 措施八）
    StandardLand = 32,        // 标准地
    /// <summary>招商引进: brought in by investment attraction (a converted lead, or marked so); the attraction KPIs count these.</summary>
    Introduced = 64,
}

/// <summary>
/// A project of the key-project library (重点项目库). The enterprise is optional: a reserve project may have no
/// investor yet; once it has one, that enterprise's users see it. Money in yuan. Its stage changes only through
/// <see cref="ChangeStage"/>, which records each transition (<see cref="ProjectStageChange"/>) and its date here.
/// </summary>
public sealed class Project : ScopedEntity, IEnterpriseOwned
{
    public string Name { get; set; } = "";
    public Guid? EnterpriseId { get; set; }
    public Guid? ChainId { get; set; }
    public Guid? NodeId { get; set; }
    public ProjectPurpose? Purpose { get; set; }
    public ProjectKind Kind { get; set; } = ProjectKind.New;
    public ProjectStage Stage { get; set; } = ProjectStage.Reserve;
    public ProjectFlags Flags { get; set; }
    /// <summary>GB/T 4754 code of what the project produces (digits); section C makes it a manufacturing project.</summary>
    public string? IndustryCode { get; set; }
    public decimal TotalInvestment { get; set; }
    /// <summary>设备（含软件）投资: the base of the equipment subsidies.</summary>
    public decimal EquipmentInvestment { get; set; }
    /// <summary>新增生产规模: the yearly output value the project adds at full production.</summary>
    public decimal NewOutputValue { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedCompletion { get; set; }
    public string? Description { get; set; }

    /// <summary>入库日期: when it entered the library (the reserve targets count projects by this year).</summary>
    public DateOnly ListedOn { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? ActualStart { get; set; }
    /// <summary>竣工投产: the date it reached the completed stage.</summary>
    public DateOnly? ActualCompletion { get; set; }
    public DateOnly? AtCapacityOn { get; set; }
    public DateOnly? TerminatedOn { get; set; }
    public string? TerminationReason { get; set; }

    /// <summary>工作专班.</summary>
    public string? TaskForce { get; set; }
    /// <summary>包抓领导.</summary>
    public string? ResponsibleLeader { get; set; }
    /// <summary>责任单位.</summary>
    public Guid? ResponsibleUnitId { get; set; }

    /// <summary>用地面积（亩）.</summary>
    public decimal? LandMu { get; set; }
    /// <summary>标准地 committed indicators (西区 九, 安康 七 "标准地+承诺制"), per 亩: investment and output and tax in yuan.</summary>
    public decimal? CommittedInvestmentPerMu { get; set; }
    public decimal? CommittedOutputPerMu { get; set; }
    public decimal? CommittedTaxPerMu { get; set; }
    /// <summary>容积率.</summary>
    public decimal? CommittedPlotRatio { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;

    /// <summary>如期建成投产: completed, and no later than planned.</summary>
    public bool CompletedOnSchedule =>
        ActualCompletion is { } actual && PlannedCompletion is { } planned && actual <= planned;

    /// <summary>The date of its latest transition (or of listing): how long it has been in its stage.</summary>
    public DateOnly StageSince => Stage switch
    {
        ProjectStage.Signed => SignedOn ?? ListedOn,
        ProjectStage.Started => ActualStart ?? ListedOn,
        ProjectStage.Completed => ActualCompletion ?? ListedOn,
        ProjectStage.AtCapacity => AtCapacityOn ?? ListedOn,
        ProjectStage.Terminated => TerminatedOn ?? ListedOn,
        _ => ListedOn,
    };
}

/// <summary>
/// A row that belongs to one project: scoped to the project's jurisdiction and, for enterprise users, to the
/// project's enterprise (kept in step when the project's enterprise changes).
/// </summary>
public abstract class ProjectPart : ScopedEntity, IEnterpriseOwned
{
    public Guid ProjectId { get; set; }
    public Guid? EnterpriseId { get; set; }

    public T For<T>(Project p) where T : ProjectPart
    {
        (ProjectId, JurisdictionId, EnterpriseId) = (p.Id, p.JurisdictionId, p.EnterpriseId);
        return (T)this;
    }
}

/// <summary>
/// A locality the project counts for (分投资、分产值), in percent. Owned by the project's jurisdiction and shown to the
/// locality's (<see cref="ISharedWith"/>): a neighbouring county sees its share, and through it the few figures of
/// the project its statistics need (<see cref="ProjectCredits"/>), never the rest of the project.
/// </summary>
public sealed class ProjectShare : ProjectPart, ISharedWith
{
    public Guid LocalityId { get; set; }
    public decimal InvestmentPercent { get; set; }
    public decimal OutputPercent { get; set; }
    public string SharedWithPath { get; set; } = "";

    Guid ISharedWith.SharedWithId => LocalityId;
}

/// <summary>年度投资计划: what the project plans to invest in a year (yuan).</summary>
public sealed class ProjectAnnualPlan : ProjectPart
{
    public int Year { get; set; }
    public decimal PlannedInvestment { get; set; }
}

/// <summary>One transition of the lifecycle, dated (the business date) and by whom; the audit log has the rest.</summary>
public sealed class ProjectStageChange : ProjectPart
{
    public ProjectStage From { get; set; }
    public ProjectStage To { get; set; }
    public DateOnly On { get; set; }
    public string? Note { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class ProjectMilestone : ProjectPart
{
    public MilestoneKind Kind { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public DateOnly? ActualOn { get; set; }
}

/// <summary>An approval (规划、用地、环评、能评、安评、施工许可) with its dates; 容缺 carries the commitment and its deadline.</summary>
public sealed class ProjectApproval : ProjectPart
{
    public ApprovalKind Kind { get; set; }
    public ApprovalStatus Status { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public DateOnly? CommitmentDeadline { get; set; }
    public string? Commitment { get; set; }
    public string? Note { get; set; }
}
