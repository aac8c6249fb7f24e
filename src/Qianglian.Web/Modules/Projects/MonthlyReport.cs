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

/// <summary>
/// A problem a monthly report raised: the link from the report to its ticket in the supervision problem ledger (问题台账),
/// which handles, escalates and closes it. Category, text and status are the ticket's: there is one list of problems.
/// </summary>
public sealed class ReportProblem : ProjectPart
{
    public Guid ReportId { get; set; }
    public Guid ProblemId { get; set; }
}
