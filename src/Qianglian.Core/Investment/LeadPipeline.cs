namespace Qianglian.Core.Investment;

/// <summary>线索 → 接洽 → 考察 → 洽谈 → 签约 → 落地, or 终止跟进.</summary>
public enum LeadStage { Lead = 1, Contact = 2, Visit = 3, Negotiation = 4, Signed = 5, Landed = 6, Dropped = 9 }

/// <summary>一事一议 package: drafted, submitted for approval, approved or rejected.</summary>
public enum DealStatus { None = 0, Draft = 1, Submitted = 2, Approved = 3, Rejected = 4 }

/// <summary>
/// The attraction pipeline's transitions: one stage forward, or dropped with a reason. A major investor's lead with a
/// 一事一议 package signs only once the package is approved; a lead lands only through conversion into a project,
/// and only once.
/// </summary>
public static class LeadPipeline
{
    public static string Name(LeadStage s) => s switch
    {
        LeadStage.Lead => "线索", LeadStage.Contact => "接洽", LeadStage.Visit => "考察", LeadStage.Negotiation => "洽谈",
        LeadStage.Signed => "签约", LeadStage.Landed => "落地", _ => "终止跟进",
    };

    public static IReadOnlyList<(string Field, string Message)> Check(LeadStage from, LeadStage to, DealStatus deal, string? reason)
    {
        if (from is LeadStage.Dropped or LeadStage.Landed) return [("to", $"线索已{Name(from)}，不能再变更 (the lead is closed)")];
        if (to == LeadStage.Dropped)
            return string.IsNullOrWhiteSpace(reason) ? [("reason", "终止跟进须说明原因 (a reason is required)")] : [];
        if (to == LeadStage.Landed) return [("to", "落地须通过“转为项目”完成 (a lead lands by conversion into a project)")];
        if ((int)to != (int)from + 1)
            return [("to", (int)to <= (int)from ? $"阶段不能倒退：当前为“{Name(from)}” (stages do not go back)"
                : $"不能从“{Name(from)}”直接进入“{Name(to)}” (a stage cannot be skipped)")];
        if (to == LeadStage.Signed && deal is DealStatus.Draft or DealStatus.Submitted or DealStatus.Rejected)
            return [("deal", "一事一议政策包尚未审定，不能签约 (the case-by-case package is not approved)")];
        return [];
    }

    public static IReadOnlyList<(string Field, string Message)> CheckConversion(LeadStage stage, Guid? projectId) =>
        projectId is not null ? [("lead", "该线索已转为项目，不能重复转换 (the lead was already converted)")]
        : stage != LeadStage.Signed ? [("lead", $"只有已签约的线索才能转为项目，当前为“{Name(stage)}” (only a signed lead converts)")]
        : [];
}
