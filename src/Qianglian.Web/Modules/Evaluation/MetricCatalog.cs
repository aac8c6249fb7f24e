namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// What the platform knows about a target's metric beyond its source: what data would be needed when no source
/// computes it (so a target says "no data source" and what to record — never a number), and whether the year's
/// figure accumulates during the year (a flow, forecast linearly from the months elapsed).
/// </summary>
public static class MetricCatalog
{
    private static readonly Dictionary<string, string> Needs = new()
    {
        ["investment.new_manufacturing.share"] = "招商引资项目的签约记录（计划投资、行业）",
        ["investment.manufacturing_funds_in_place.growth"] = "招商引资项目的到位资金记录（按年）",
        [IndexInputCatalog.FundsInPlaceMetric] = "招商引资项目的到位资金记录（按年）",
    };

    private static readonly string[] FlowPrefixes = ["projects.", "approvals.", ChainMetrics.Meetings];

    /// <summary>"No data source", with what would be needed.</summary>
    public static string NoSource(string metric) =>
        $"无数据来源：{(Needs.TryGetValue(metric, out var need) ? $"需要{need}" : "系统尚未记录此项数据")}（指标 {metric}）";

    /// <summary>Counted as it happens during the year (projects started, meetings held), so the year so far can be run on to December.</summary>
    public static bool IsFlow(string metric) => FlowPrefixes.Any(p => metric.StartsWith(p, StringComparison.Ordinal)) && metric != "approvals.elapsed_working_days";

    /// <summary>Shares, ranks, durations and year-on-year changes are not carried forward by growth.</summary>
    public static bool Forecastable(string unit) => unit is not ("%" or "位" or "工作日" or "个百分点");
}
