namespace Qianglian.Web.Modules.Enterprises;

/// <summary>The registry's spreadsheet: Chinese headers, how cells are written, and the notes of the template.</summary>
public static class EnterpriseExcel
{
    public const string SheetName = "企业名录";
    public const string Uscc = "统一社会信用代码";
    public const string Name = "企业名称";
    public const string Jurisdiction = "所属辖区代码";
    public const string Park = "所属园区代码";
    public const string Address = "地址";
    public const string Industry = "行业代码";
    public const string Listing = "上市状态";
    public const string Cloud = "是否上云";

    public static readonly IReadOnlyList<string> Required = [Uscc, Name, Jurisdiction];
    public static readonly IReadOnlyList<string> Optional = [Park, Address, Industry, Listing, Cloud];
    public static IReadOnlyList<string> Headers => [.. Required, .. Optional];

    public static readonly IReadOnlyDictionary<ListingStatus, string> ListingText = new Dictionary<ListingStatus, string>
    {
        [ListingStatus.None] = "无", [ListingStatus.Reserve] = "上市后备", [ListingStatus.Counselling] = "辅导",
        [ListingStatus.Filing] = "申报", [ListingStatus.Listed] = "上市",
    };

    public static readonly IReadOnlyList<(string, string)> Notes =
    [
        (Uscc, "18位，按 GB 32100-2015 校验；已登记的企业按此代码更新"),
        (Name, "必填"),
        (Jurisdiction, "行政区划代码（如 510403），须为本账号可管理的辖区"),
        (Park, "可空；园区代码（如 510400-VT），须在所属辖区内"),
        (Industry, "可空；国民经济行业分类 GB/T 4754-2017 中的代码，2–4位数字，如 3130 或 C3130 钢压延加工"),
        (Listing, "可空；无 / 上市后备 / 辅导 / 申报 / 上市"),
        (Cloud, "可空；是 / 否"),
    ];

    public static ListingStatus? ParseListing(string text) =>
        text.Length == 0 ? ListingStatus.None : ListingText.FirstOrDefault(kv => kv.Value == text) is { Value: not null } kv ? kv.Key : null;

    public static bool? ParseYesNo(string text) => text switch { "" or "否" or "N" or "n" or "0" => false, "是" or "Y" or "y" or "1" => true, _ => null };
}
