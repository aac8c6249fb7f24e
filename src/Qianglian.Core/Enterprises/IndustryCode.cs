using System.Text.RegularExpressions;

namespace Qianglian.Core.Enterprises;

public sealed record IndustryCodeCheck(bool IsValid, string? Error, char? Section = null, int? Division = null)
{
    /// <summary>Sections B (采矿业), C (制造业) and D (电力、热力、燃气及水生产和供应业) are "industry" in the statistical sense.</summary>
    public bool IsIndustrial => Section is 'B' or 'C' or 'D';
}

/// <summary>
/// 国民经济行业分类 (GB/T 4754-2017): a section letter A–T and a code of 2 (大类), 3 (中类) or 4 (小类) digits whose
/// first two digits are one of the 97 divisions, 01–97, each belonging to exactly one section. Written "2614" or
/// "C2614"; a letter that contradicts the division is refused.
/// </summary>
public static partial class IndustryCode
{
    /// <summary>The first division of each section; a section runs to the next one's start.</summary>
    private static readonly (char Section, int FirstDivision, string Name)[] Sections =
    [
        ('A', 1, "农、林、牧、渔业"), ('B', 6, "采矿业"), ('C', 13, "制造业"), ('D', 44, "电力、热力、燃气及水生产和供应业"),
        ('E', 47, "建筑业"), ('F', 51, "批发和零售业"), ('G', 53, "交通运输、仓储和邮政业"), ('H', 61, "住宿和餐饮业"),
        ('I', 63, "信息传输、软件和信息技术服务业"), ('J', 66, "金融业"), ('K', 70, "房地产业"), ('L', 71, "租赁和商务服务业"),
        ('M', 73, "科学研究和技术服务业"), ('N', 76, "水利、环境和公共设施管理业"), ('O', 80, "居民服务、修理和其他服务业"),
        ('P', 83, "教育"), ('Q', 84, "卫生和社会工作"), ('R', 86, "文化、体育和娱乐业"), ('S', 91, "公共管理、社会保障和社会组织"),
        ('T', 97, "国际组织"),
    ];

    private const int LastDivision = 97;

    [GeneratedRegex(@"^(?<section>[A-Z])?(?<digits>[0-9]{2,4})$")]
    private static partial Regex Pattern();

    public static char? SectionOf(int division)
    {
        if (division is < 1 or > LastDivision) return null;
        return Sections.Last(s => s.FirstDivision <= division).Section;
    }

    public static string? SectionName(char section) => Sections.FirstOrDefault(s => s.Section == section).Name;

    public static IndustryCodeCheck Check(string? code)
    {
        var text = (code ?? "").Trim().ToUpperInvariant();
        var m = Pattern().Match(text);
        if (!m.Success)
            return new(false, $"行业代码“{code}”格式不对，应为2–4位数字（可带门类字母），如 2614 或 C2614 (GB/T 4754-2017 code expected)");
        var division = int.Parse(m.Groups["digits"].Value[..2], System.Globalization.CultureInfo.InvariantCulture);
        if (SectionOf(division) is not { } section)
            return new(false, $"行业代码“{code}”的大类“{division:00}”不存在，大类为01–97 (no such division)");
        if (m.Groups["section"].Success && m.Groups["section"].Value[0] != section)
            return new(false, $"行业代码“{code}”：大类{division:00}属于门类{section}，不是{m.Groups["section"].Value} (section does not match the division)");
        return new(true, null, section, division);
    }

    /// <summary>The code as stored: digits only (the section follows from the division).</summary>
    public static string Normalise(string code) => new(code.Trim().ToUpperInvariant().Where(char.IsAsciiDigit).ToArray());
}
