using Qianglian.Core.Evaluation;
using Qianglian.Core.Scoring;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// An input the index can read: its name, how it is shown, where it comes from, and for what it exists. An input
/// backed by another module's metric (到位资金 from investment attraction) exists only when a source for that metric
/// is registered; otherwise a model using it is refused with what would be needed.
/// </summary>
public sealed record IndexInput(string Key, string Name, string? Unit, string Source, bool ForParks = true, string? Metric = null)
{
    public string? MissingSource(IndexSubject subject, Func<string, bool> metricAvailable) =>
        subject == IndexSubject.Park && !ForParks
            ? $"“{Name}”只适用于产业链，园区没有此项数据 (no data for parks: {Key})"
            : Metric is { } m && !metricAvailable(m)
                ? $"“{Name}”没有数据来源：需要{Source}（指标 {m}） (no data source for {Key}: needs metric {m})"
                : null;
}

public static class IndexInputCatalog
{
    /// <summary>The metric key of funds in place (到位资金) per chain or park and year, in yuan.</summary>
    public const string FundsInPlaceMetric = "investment.funds_in_place";

    public static readonly IReadOnlyList<IndexInput> All =
    [
        new(IndexInputs.Output, "产值", Quantity.Yuan, "企业库年度产值（本地企业，每家计一次）"),
        new(IndexInputs.OutputGrowth, "产值增速", Quantity.Ratio, "两年均有产值的企业：本年合计 ÷ 上年合计 − 1"),
        new(IndexInputs.AboveScaleCount, "规上企业数", "家", "年度营业收入 ≥ 2000万元的工业企业"),
        new(IndexInputs.ChainLeaderCount, "链主企业数", "家", "产业链图谱中角色为链主的企业"),
        new(IndexInputs.TierDemonstration, "示范库企业数", "家", "链主梯度培育台账年末在示范库的企业"),
        new(IndexInputs.TierPoints, "梯度培育积分", "分", "示范库3分、培育库2分、候选库1分，年末在库合计"),
        new(IndexInputs.InvestmentCompleted, "完成投资", Quantity.Yuan, "重点项目月度调度本年完成投资（按分投资比例）"),
        new(IndexInputs.InvestmentCompletion, "投资完成率", Quantity.Ratio, "本年完成投资 ÷ 本年计划投资（按分投资比例）"),
        new(IndexInputs.FundsInPlace, "到位资金", Quantity.Yuan, "招商引资项目到位资金记录", Metric: FundsInPlaceMetric),
        new(IndexInputs.RdIntensity, "研发投入强度", Quantity.Ratio, "研发费用合计 ÷ 营业收入合计"),
        new(IndexInputs.NodeCoverage, "环节覆盖率", Quantity.Ratio, "有本地企业的环节 ÷ 全部环节（缺链环节不计）", ForParks: false),
        new(IndexInputs.ProblemOnTimeRate, "问题按期办结率", Quantity.Ratio, "问题台账：按期办结 ÷ 已办结"),
    ];

    public static IndexInput? Find(string key) => All.FirstOrDefault(i => i.Key == key);

    public static bool Has(string key) => Find(key) is not null;
}
