using System.Globalization;

namespace Qianglian.Core.Incentives;

/// <summary>How explanations write amounts, rates and the names of figures, flags and honours — as officials do.</summary>
public static class Wording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Yuan as 万元 with separators and no needless decimals: 80,000,000 → "8,000万元"; 19,999,900 → "1,999.99万元".</summary>
    public static string Wan(decimal yuan) => (yuan / 10_000m).ToString("#,0.######", Invariant) + "万元";

    /// <summary>0.03 → "3%"; 0.0435 → "4.35%".</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.####", Invariant) + "%";

    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", Invariant);

    /// <summary>The figure's full name for inputs ("设备（含软件）投资") and its short name in formulas ("设备投资").</summary>
    public static string Label(Figure figure) => figure switch
    {
        Figure.EquipmentInvestment => "设备（含软件）投资",
        Figure.TotalInvestment => "总投资",
        Figure.PurchaseAmount => "设备购置额",
        Figure.NewOutputValue => "新增生产规模",
        Figure.LoanPrincipal => "贷款本金",
        _ => figure.ToString(),
    };

    public static string Short(Figure figure) => figure switch
    {
        Figure.EquipmentInvestment => "设备投资",
        Figure.PurchaseAmount => "购置额",
        _ => Label(figure),
    };

    private static readonly IReadOnlyDictionary<string, string> FlagNames = new Dictionary<string, string>
    {
        ["ChainLeader"] = "链主项目",
        ["MajorLeading"] = "重大带动引领项目",
        ["StrategicResource"] = "攀西战略资源创新开发项目",
        ["StandardLand"] = "标准地项目",
        ["ProvincialKey"] = "省重点项目",
        ["CityKey"] = "市重点项目",
    };

    /// <summary>A project flag's Chinese name; a flag added later without a name here shows as written.</summary>
    public static string Flag(string flag) => FlagNames.GetValueOrDefault(flag, flag);

    private static readonly IReadOnlyDictionary<string, string> HonourNames = new Dictionary<string, string>
    {
        ["InnovativeSme"] = "创新型中小企业",
        ["SrdiSme"] = "专精特新中小企业",
        ["LittleGiant"] = "专精特新“小巨人”企业",
        ["SingleChampion"] = "单项冠军企业",
        ["Navigator"] = "领航企业",
        ["HighTech"] = "高新技术企业",
        ["HiddenChampion"] = "隐形冠军企业",
    };

    private static readonly IReadOnlyDictionary<string, string> LevelNames = new Dictionary<string, string>
    {
        ["National"] = "国家级", ["Provincial"] = "省级", ["Municipal"] = "市级",
    };

    public static string Honour(string kind, string? level) =>
        (level is null ? "" : LevelNames.GetValueOrDefault(level, level)) + HonourNames.GetValueOrDefault(kind, kind);

    public static string Size(Enterprises.SizeClass size) => size switch
    {
        Enterprises.SizeClass.Large => "大型",
        Enterprises.SizeClass.Medium => "中型",
        Enterprises.SizeClass.Small => "小型",
        _ => "微型",
    };

    /// <summary>Amounts are cut to the fen, never rounded up: a ceiling ("不超过") must not be exceeded by half a fen.</summary>
    public static decimal ToFen(decimal yuan) => Math.Floor(yuan * 100m) / 100m;
}
