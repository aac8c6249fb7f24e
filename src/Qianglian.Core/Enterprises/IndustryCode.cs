using System.Text.RegularExpressions;

namespace Qianglian.Core.Enterprises;

/// <param name="Section">The section of the code's division, known whenever the division exists (even if the rest of the code does not).</param>
/// <param name="Entry">The standard's row for the code; null when the code is not in the standard.</param>
public sealed record IndustryCodeCheck(bool IsValid, string? Error, char? Section = null, int? Division = null, IndustryEntry? Entry = null)
{
    /// <summary>Sections B (采矿业), C (制造业) and D (电力、热力、燃气及水生产和供应业) are "industry" in the statistical sense.</summary>
    public bool IsIndustrial => Section is 'B' or 'C' or 'D';
}

/// <summary>
/// 国民经济行业分类 (GB/T 4754-2017 with amendment No. 1): a code of 2 (大类), 3 (中类) or 4 (小类) digits, written "2614" or
/// "C2614", is accepted only when the standard's table (<see cref="IndustryClassification"/>) lists it; a letter that
/// contradicts the division is refused. A refused code names the nearest level the standard does have.
/// </summary>
public static partial class IndustryCode
{
    [GeneratedRegex(@"^(?<section>[A-Z])?(?<digits>[0-9]{2,4})$")]
    private static partial Regex Pattern();

    public static char? SectionOf(int division) =>
        division is < 1 or > 99 ? null : IndustryClassification.Find(division.ToString("00", System.Globalization.CultureInfo.InvariantCulture))?.Section;

    public static string? SectionName(char section) => IndustryClassification.Find(section.ToString())?.Name;

    public static IndustryCodeCheck Check(string? code)
    {
        // A code may come back as it is shown and exported, "C2614 有机化学原料制造": the name, if given, must be the standard's.
        var (text, name) = Split(code);
        var m = Pattern().Match(text);
        if (!m.Success)
            return new(false, $"行业代码“{code}”格式不对，应为2–4位数字（可带门类字母），如 2614 或 C2614 (GB/T 4754-2017 code expected)");
        var digits = m.Groups["digits"].Value;
        var division = int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture);
        if (SectionOf(division) is not { } section)
            return new(false, $"行业代码“{code}”的大类“{division:00}”不在GB/T 4754-2017中，大类为01–97 (no such division)");
        if (m.Groups["section"].Success && m.Groups["section"].Value[0] != section)
            return new(false, $"行业代码“{code}”：大类{division:00}属于门类{section}，不是{m.Groups["section"].Value} (section does not match the division)", section, division);
        if (IndustryClassification.Find(digits) is not { } entry)
        {
            var nearest = IndustryClassification.Nearest(digits)!;
            return new(false, $"{section}{digits} 不在GB/T 4754-2017中；最接近的有效层级为 {nearest.Label} (not in GB/T 4754-2017)", section, division);
        }
        if (name is not null && name != entry.Name)
            return new(false, $"行业代码“{code}”：{entry.Display} 在GB/T 4754-2017中的名称是“{entry.Name}” (name does not match the code)", section, division);
        return new(true, null, section, division, entry);
    }

    /// <summary>The code as stored: digits only (the section follows from the division); a name after the code is dropped.</summary>
    public static string Normalise(string code) => new(Split(code).Code.Where(char.IsAsciiDigit).ToArray());

    private static (string Code, string? Name) Split(string? code)
    {
        var text = (code ?? "").Trim();
        var space = text.IndexOfAny([' ', '\u3000', '\t']);
        return space < 0 ? (text.ToUpperInvariant(), null) : (text[..space].ToUpperInvariant(), text[(space + 1)..].Trim() is { Length: > 0 } n ? n : null);
    }

    /// <summary>
    /// How a stored code is shown on screen and in exports: "C2614 有机化学原料制造". A code the standard does not have
    /// (kept from before the table was shipped) is shown as written with a note, never with a made-up name.
    /// </summary>
    public static string? Label(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        return IndustryClassification.Find(code) is { } entry ? entry.Label : $"{code.Trim()}（不在GB/T 4754-2017中）";
    }
}
