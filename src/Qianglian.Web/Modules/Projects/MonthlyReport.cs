using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// A project's monthly dispatch report (调度): what it invested in the month, how far it got, and its problems.
/// One per project and month; cumulative figures are sums of the months, never typed.
/// </summary>
public sealed class MonthlyReport : ProjectPart
{
    public int Year { get; set; }
    public int Month { get; set; }
    /// <summary>本月完成投资 (yuan).</summary>
    public decimal MonthInvestment { get; set; }
    /// <summary>形象进度 (0–100).</summary>
    public int? ProgressPercent { get; set; }
    public string Progress { get; set; } = "";
    /// <summary>The business date it was filed (Asia/Shanghai), which decides on time or late.</summary>
    public DateOnly FiledOn { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public string FiledBy { get; set; } = "";
}

/// <summary>A site photo of a monthly report (stored in the database; a few hundred kB each).</summary>
public sealed class ReportPhoto : ProjectPart
{
    public Guid ReportId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>土地、电力、融资、审批、人才、市场、其他.</summary>
public enum ProblemCategory { Land = 1, Power = 2, Finance = 3, Approvals = 4, Talent = 5, Market = 6, Other = 7 }

public enum ProblemStatus { Open = 1, Resolved = 2 }

/// <summary>
/// A problem a monthly report raises, with its status. Kept here as rows of the report until the supervision
/// module's problem ledger takes them over as tickets.
/// </summary>
public sealed class ReportProblem : ProjectPart
{
    public Guid ReportId { get; set; }
    public ProblemCategory Category { get; set; }
    public string Description { get; set; } = "";
    public ProblemStatus Status { get; set; } = ProblemStatus.Open;
    public string? Resolution { get; set; }
    public DateOnly? ResolvedOn { get; set; }
}
