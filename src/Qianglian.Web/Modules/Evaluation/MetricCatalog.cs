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
        ["innovation.jiebang_projects.count"] = "“揭榜挂帅”产业化应用项目的推荐记录",
        ["land.industrial.share"] = "年度国有建设用地出让记录（用途、面积）",
        ["parks.standard_factory_reserve.area"] = "各县（区）、园区标准化厂房储备台账（面积）",
        ["industries.hundred_billion_leading.count"] = "各县（区）首位工业产业的认定及其产值",
        ["events.industry_conference.count"] = "产业发展（推介）大会的活动记录",
        ["evaluation.industrial_index.city_rank"] = "市统计局发布的工业经济运行综合指数排位",
        ["clusters.provincial_advanced_manufacturing.count"] = "省级先进制造业集群的认定名单",
        ["enterprises.chain_leaders.provincial.count"] = "省级“链主”企业的认定名单（企业荣誉中尚无此类）",
        ["digital.smart_factories.count"] = "创新示范智能工厂的认定名单（企业荣誉中尚无此类）",
        ["digital.workshops.municipal.count"] = "市级数字化车间的认定名单（企业荣誉中尚无此类）",
        ["digital.5g_industrial_internet.count"] = "“5G+工业互联网”新场景示范项目的认定名单",
        ["green.parks.count"] = "绿色园区的认定名单",
        ["green.factories.count"] = "绿色工厂的认定名单",
        ["green.water_saving_enterprises.count"] = "节水型企业的认定名单",
        ["green.water_efficiency_leaders.count"] = "水效领跑者的认定名单",
        ["innovation.municipal_tech_centers.count"] = "市级企业技术中心的认定名单",
        ["innovation.municipal_sme_rd_centers.count"] = "市级中小企业研发中心的认定名单",
        ["innovation.municipal_demo_enterprises.count"] = "市级技术创新示范企业的认定名单",
    };

    private static readonly string[] FlowPrefixes = ["projects.", "approvals.", ChainMetrics.Meetings];

    /// <summary>"No data source", with what would be needed.</summary>
    public static string NoSource(string metric) =>
        $"无数据来源：{(Needs.TryGetValue(metric, out var need) ? $"需要{need}" : "系统尚未记录此项数据")}（指标 {metric}）";

    /// <summary>Counted as it happens during the year (projects started, meetings held), so the year so far can be run on to December.</summary>
    public static bool IsFlow(string metric) => FlowPrefixes.Any(p => metric.StartsWith(p, StringComparison.Ordinal)) && metric != "approvals.elapsed_working_days";

    /// <summary>Shares, ranks and durations are not carried forward by growth.</summary>
    public static bool Forecastable(string unit) => unit is not ("%" or "位" or "工作日");
}
