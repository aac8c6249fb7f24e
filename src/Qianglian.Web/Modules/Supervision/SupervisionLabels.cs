using Qianglian.Core.Supervision;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>The Chinese words exports use for the module's codes (the pages take theirs from the resources).</summary>
public static class SupervisionLabels
{
    public static string Of(ProblemCategory c) => c switch
    {
        ProblemCategory.Land => "土地", ProblemCategory.Power => "电力", ProblemCategory.Finance => "融资", ProblemCategory.Approvals => "审批",
        ProblemCategory.Talent => "人才", ProblemCategory.Market => "市场", _ => "其他",
    };

    public static string Of(ProblemSource s) => s switch
    {
        ProblemSource.EnterpriseSelfService => "企业自主填报", ProblemSource.FieldVisit => "走访调研", ProblemSource.Meeting => "会议",
        ProblemSource.ProjectMonthlyReport => "项目月报", _ => "其他",
    };

    public static string Of(ProblemStatus s) => s switch { ProblemStatus.Open => "办理中", ProblemStatus.Resolved => "待企业确认", _ => "已办结" };

    public static string Of(EscalationLevel l) => l switch
    {
        EscalationLevel.Local => "县区/园区", EscalationLevel.LeadDepartment => "牵头部门", EscalationLevel.ChainChief => "链长", _ => "联席会议",
    };

    public static string Of(Satisfaction s) => s switch { Satisfaction.Satisfied => "满意", Satisfaction.BasicallySatisfied => "基本满意", _ => "不满意" };

    public static string Of(TrafficLight l) => l switch { TrafficLight.Green => "绿", TrafficLight.Yellow => "黄", _ => "红" };

    public static string Percent(decimal? rate) => rate is { } r ? $"{r * 100:0.0}%" : "—";
}
