using Qianglian.Core.Scoring;

namespace Qianglian.Core.Cultivation;

/// <summary>
/// The values an enterprise has for the cultivation models, by key: its year's facts, values derived from them
/// (per mu, per tce, growth, shares), its supplementary data and expert scores (<c>expert:&lt;key&gt;</c>).
/// A model may read only these keys.
/// </summary>
public static class Inputs
{
    public sealed record Input(string Key, string Name, string? Unit);

    public const string ExpertPrefix = "expert:";

    public static readonly IReadOnlyList<Input> All =
    [
        new("revenue", "营业收入", Quantity.Yuan), new("outputValue", "工业总产值", Quantity.Yuan), new("valueAdded", "工业增加值", Quantity.Yuan),
        new("profit", "利润总额", Quantity.Yuan), new("taxPaid", "实缴税金", Quantity.Yuan), new("employees", "从业人员", "人"),
        new("rdSpend", "研发经费", Quantity.Yuan), new("inventionPatents", "有效发明专利", "件"), new("energyTce", "综合能耗", "吨标准煤"),
        new("electricityKwh", "用电量", "千瓦时"), new("emissionsTonnes", "主要污染物排放", "吨"), new("landMu", "用地面积", "亩"),
        new("revenueGrowth", "营业收入增长率", Quantity.Ratio), new("revenueGrowthAvg2", "近2年营业收入平均增长率", Quantity.Ratio),
        new("outputGrowth", "工业总产值增长率", Quantity.Ratio),
        new("rdIntensity", "研发经费占营业收入比重", Quantity.Ratio), new("rdIntensityPrev", "上上年度研发经费占营业收入比重", Quantity.Ratio),
        new("netMargin", "利润率", Quantity.Ratio),
        new("taxPerMu", "亩均税收", Quantity.Yuan + "/亩"), new("valueAddedPerMu", "亩均增加值", Quantity.Yuan + "/亩"),
        new("labourProductivity", "全员劳动生产率", Quantity.Yuan + "/人"), new("valueAddedPerTce", "单位能耗增加值", Quantity.Yuan + "/吨标准煤"),
        new("valueAddedPerEmission", "单位排放增加值", Quantity.Yuan + "/吨"), new("taxPerKwh", "单位电耗税收", "元/千瓦时"),
        new("chainRevenueShare", "营业收入占本链本地企业比重", Quantity.Ratio), new("localSupportingRate", "本地配套率", Quantity.Ratio),
        new("localChainMembers", "本地配套企业数", "家"),
        new("mainBusinessShare", "主营业务收入占营业收入比重", Quantity.Ratio), new("debtRatio", "资产负债率", Quantity.Ratio),
        new("rdStaffShare", "研发人员占比", Quantity.Ratio), new("ipLevel", "知识产权等级（4 Ⅰ类高价值 / 3 自主研发Ⅰ类 / 2 Ⅰ类 / 1 Ⅱ类 / 0 无）", null),
        new("classOneIp", "Ⅰ类知识产权", "件"), new("equityFinancing2y", "近2年新增股权融资", Quantity.Yuan),
        new("strategicEmerging", "主导产品属战略性新兴产业（1 是 / 0 否）", null), new("nicheYears", "从事特定细分市场年限", "年"),
        new("rdInstitutionLevel", "研发机构级别（4 国家级 / 3 省级 / 2 市级 / 1 市级以下 / 0 无）", null),
        new("yearsInProduction", "投产年限", "年"), new("utility", "公用事业（1 是 / 0 否）", null),
        new("majorProjectUnderConstruction", "重大项目在建（1 是 / 0 否）", null), new("sme", "中小企业（1 是 / 0 否）", null),
        new("industrial", "工业企业（1 是 / 0 否）", null),
    ];

    private static readonly Dictionary<string, Input> ByKey = All.ToDictionary(i => i.Key);

    public static bool IsKnown(string key) => ByKey.ContainsKey(key) || (key.StartsWith(ExpertPrefix, StringComparison.Ordinal) && key.Length > ExpertPrefix.Length);

    public static string NameOf(string key) => ByKey.TryGetValue(key, out var i) ? i.Name : key.StartsWith(ExpertPrefix, StringComparison.Ordinal) ? "专家评分：" + key[ExpertPrefix.Length..] : key;
}
