namespace Qianglian.Core.Investment;

/// <summary>线索 → 接洽 → 考察 → 洽谈 → 签约 → 落地, or 终止跟进.</summary>
public enum LeadStage { Lead = 1, Contact = 2, Visit = 3, Negotiation = 4, Signed = 5, Landed = 6, Dropped = 9 }

/// <summary>一事一议 package: drafted, submitted for approval, approved or rejected.</summary>
public enum DealStatus { None = 0, Draft = 1, Submitted = 2, Approved = 3, Rejected = 4 }

/// <summary>
/// The attraction pipeline's transitions: one stage forward, or dropped with a reason. A lead with a 一事一议
/// package signs only once the package is approved, and a major investor's lead (重大项目, 专班推进) must have one;
/// a lead lands only through conversion into a project, and only once.
/// </summary>
public static class LeadPipeline
{
    public static string Name(LeadStage s) => s switch
    {
        LeadStage.Lead => "线索", LeadStage.Contact => "接洽", LeadStage.Visit => "考察", LeadStage.Negotiation => "洽谈",
        LeadStage.Signed => "签约", LeadStage.Landed => "落地", _ => "终止跟进",
    };

    /// <param name="major">A major investor (特别重大、有突出带动作用): signing needs an approved 一事一议 package.</param>
    public static IReadOnlyList<(string Field, string Message)> Check(LeadStage from, LeadStage to, DealStatus deal, string? reason, bool major = false)
    {
        if (from is LeadStage.Dropped or LeadStage.Landed) return [("to", $"线索已{Name(from)}，不能再变更 (the lead is closed)")];
        if (to == LeadStage.Dropped)
            return string.IsNullOrWhiteSpace(reason) ? [("reason", "终止跟进须说明原因 (a reason is required)")] : [];
        if (to == LeadStage.Landed) return [("to", "落地须通过“转为项目”完成 (a lead lands by conversion into a project)")];
        if ((int)to != (int)from + 1)
            return [("to", (int)to <= (int)from ? $"阶段不能倒退：当前为“{Name(from)}” (stages do not go back)"
                : $"不能从“{Name(from)}”直接进入“{Name(to)}” (a stage cannot be skipped)")];
        if (to == LeadStage.Signed && major && deal == DealStatus.None)
            return [("deal", "重大项目须先拟定“一事一议”政策包并经审定，才能签约 (a major investor signs only with an approved case-by-case package)")];
        if (to == LeadStage.Signed && deal is DealStatus.Draft or DealStatus.Submitted or DealStatus.Rejected)
            return [("deal", "一事一议政策包尚未审定，不能签约 (the case-by-case package is not approved)")];
        return [];
    }

    /// <summary>The 一事一议 package: drafted and edited until submitted; submitted → approved or rejected; a rejected one is redrafted.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckDeal(DealStatus from, DealStatus to, LeadStage stage, string? note)
    {
        if (stage is LeadStage.Signed or LeadStage.Landed or LeadStage.Dropped)
            return [("deal", $"线索已{Name(stage)}，政策包不能再变更 (the lead is past negotiation)")];
        var allowed = (from, to) switch
        {
            (DealStatus.None or DealStatus.Draft or DealStatus.Rejected, DealStatus.Draft) => true,
            (DealStatus.Draft, DealStatus.Submitted) => true,
            (DealStatus.Submitted, DealStatus.Approved or DealStatus.Rejected) => true,
            _ => false,
        };
        if (!allowed)
            return [("status", $"政策包不能从“{DealName(from)}”变为“{DealName(to)}” (transition not allowed)")];
        if (to == DealStatus.Rejected && string.IsNullOrWhiteSpace(note))
            return [("note", "退回政策包须说明理由 (a rejection needs its reason)")];
        return [];
    }

    public static string DealName(DealStatus s) => s switch
    {
        DealStatus.None => "未拟定", DealStatus.Draft => "拟定中", DealStatus.Submitted => "待审定", DealStatus.Approved => "已审定", _ => "已退回",
    };

    public static IReadOnlyList<(string Field, string Message)> CheckConversion(LeadStage stage, Guid? projectId) =>
        projectId is not null ? [("lead", "该线索已转为项目，不能重复转换 (the lead was already converted)")]
        : stage != LeadStage.Signed ? [("lead", $"只有已签约的线索才能转为项目，当前为“{Name(stage)}” (only a signed lead converts)")]
        : [];
}
