namespace Qianglian.Web.Modules.Enterprises;

/// <summary>
/// The honours registry's words: each recognition kind and level as the documents write them (for explanations,
/// sheets and imports), and which kinds a park or cluster holds rather than an enterprise.
/// </summary>
public static class HonourNames
{
    private static readonly Dictionary<HonourKind, string> Kinds = new()
    {
        [HonourKind.InnovativeSme] = "创新型中小企业", [HonourKind.SrdiSme] = "专精特新中小企业", [HonourKind.LittleGiant] = "专精特新“小巨人”",
        [HonourKind.SingleChampion] = "制造业单项冠军", [HonourKind.Navigator] = "领航企业", [HonourKind.HighTech] = "高新技术企业",
        [HonourKind.HiddenChampion] = "隐形冠军", [HonourKind.ChainLeader] = "“链主”企业", [HonourKind.SmartFactory] = "智能工厂",
        [HonourKind.DigitalWorkshop] = "数字化车间", [HonourKind.FiveGIndustrialInternet] = "“5G+工业互联网”示范项目", [HonourKind.GreenFactory] = "绿色工厂",
        [HonourKind.WaterSavingEnterprise] = "节水型企业", [HonourKind.WaterEfficiencyLeader] = "水效领跑者", [HonourKind.TechCenter] = "企业技术中心",
        [HonourKind.SmeRdCenter] = "中小企业研发中心", [HonourKind.InnovationDemo] = "技术创新示范企业", [HonourKind.TechSme] = "科技型中小企业",
        [HonourKind.JiebangProject] = "“揭榜挂帅”产业化应用项目", [HonourKind.GreenPark] = "绿色园区", [HonourKind.AdvancedManufacturingCluster] = "先进制造业集群",
    };

    private static readonly Dictionary<HonourLevel, string> Levels = new()
    {
        [HonourLevel.National] = "国家级", [HonourLevel.Provincial] = "省级", [HonourLevel.Municipal] = "市级",
    };

    public static string Of(HonourKind kind) => Kinds.GetValueOrDefault(kind, kind.ToString());

    public static string Of(HonourLevel level) => Levels.GetValueOrDefault(level, level.ToString());

    /// <summary>A park (绿色园区) or a cluster (先进制造业集群) holds these; an enterprise cannot.</summary>
    public static bool Collective(HonourKind kind) => kind is HonourKind.GreenPark or HonourKind.AdvancedManufacturingCluster;

    /// <summary>A kind as a sheet writes it: its Chinese name (with or without quotation marks) or its API name.</summary>
    public static HonourKind? ParseKind(string text)
    {
        var t = Plain(text);
        foreach (var (kind, name) in Kinds)
            if (Plain(name) == t || string.Equals(kind.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase)) return kind;
        return null;
    }

    /// <summary>国家级/省级/市级 (also 国家, 省, 市, 市（州）级) or the API name.</summary>
    public static HonourLevel? ParseLevel(string text)
    {
        var t = Plain(text).Replace("（州）", "", StringComparison.Ordinal);
        return t switch
        {
            "国家级" or "国家" => HonourLevel.National,
            "省级" or "省" => HonourLevel.Provincial,
            "市级" or "市" => HonourLevel.Municipal,
            _ => Enum.TryParse<HonourLevel>(text.Trim(), true, out var l) && Enum.IsDefined(l) ? l : null,
        };
    }

    private static string Plain(string s) => s.Trim().Replace("“", "", StringComparison.Ordinal).Replace("”", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);
}
