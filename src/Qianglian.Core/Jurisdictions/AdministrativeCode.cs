using System.Text.RegularExpressions;

namespace Qianglian.Core.Jurisdictions;

public enum AdministrativeLevel { Province = 1, City = 2, County = 3 }

public sealed record AdministrativeCodeCheck(bool IsValid, string? Error, AdministrativeLevel? Level = null)
{
    public static AdministrativeCodeCheck Ok(AdministrativeLevel? level = null) => new(true, null, level);
    public static AdministrativeCodeCheck Fail(string error) => new(false, error);
}

/// <summary>
/// 行政区划代码 (GB/T 2260): six digits — province (2), city (2), county (2). A province ends in 0000, a city in 00.
/// Parks have no such code: they get <c>&lt;parent code&gt;-&lt;suffix&gt;</c>.
/// </summary>
public static partial class AdministrativeCode
{
    /// <summary>The province-level codes of GB/T 2260.</summary>
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    /// <summary>Beijing, Tianjin, Shanghai, Chongqing: their districts hang directly under the province-level code.</summary>
    private static readonly HashSet<int> Municipalities = [11, 12, 31, 50];

    [GeneratedRegex(@"^[0-9]{6}$")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"^(?<parent>[0-9]{6})-(?<suffix>[A-Z0-9]{1,4})$")]
    private static partial Regex ParkCode();

    public static AdministrativeCodeCheck Check(string? code)
    {
        code ??= "";
        if (!SixDigits().IsMatch(code))
            return AdministrativeCodeCheck.Fail($"行政区划代码“{code}”应为6位数字 (GB/T 2260 code must be 6 digits)");
        if (!Provinces.Contains(int.Parse(code[..2], System.Globalization.CultureInfo.InvariantCulture)))
            return AdministrativeCodeCheck.Fail($"行政区划代码“{code}”的前两位“{code[..2]}”不是省级代码 (no such province code)");
        if (code[2..] == "0000") return AdministrativeCodeCheck.Ok(AdministrativeLevel.Province);
        if (code[4..] == "00") return AdministrativeCodeCheck.Ok(AdministrativeLevel.City);
        return AdministrativeCodeCheck.Ok(AdministrativeLevel.County);
    }

    /// <summary>Checks the code and that it fits under its parent: a city within its province, a county within its city.</summary>
    public static AdministrativeCodeCheck CheckParent(string? code, string? parentCode)
    {
        var own = Check(code);
        if (!own.IsValid || code is null) return own;
        if (parentCode is null || !SixDigits().IsMatch(parentCode))
            return own.Level == AdministrativeLevel.Province
                ? own
                : AdministrativeCodeCheck.Fail($"“{code}”须隶属于一个上级行政区划 (needs a parent division)");
        var parent = Check(parentCode);
        var fits = (own.Level, parent.Level) switch
        {
            (AdministrativeLevel.City, AdministrativeLevel.Province) => code[..2] == parentCode[..2],
            (AdministrativeLevel.County, AdministrativeLevel.City) => code[..4] == parentCode[..4],
            (AdministrativeLevel.County, AdministrativeLevel.Province) =>
                code[..2] == parentCode[..2] && Municipalities.Contains(int.Parse(code[..2], System.Globalization.CultureInfo.InvariantCulture)),
            _ => false,
        };
        return fits ? own : AdministrativeCodeCheck.Fail($"行政区划代码“{code}”不属于上级“{parentCode}” (code does not belong under its parent)");
    }

    /// <summary>A park's code: its parent's code, a hyphen, and 1–4 capital letters or digits (e.g. 510400-VT).</summary>
    public static AdministrativeCodeCheck CheckPark(string? code, string? parentCode)
    {
        var m = ParkCode().Match(code ?? "");
        if (!m.Success)
            return AdministrativeCodeCheck.Fail($"园区代码“{code}”应为“上级代码-后缀”，如 510400-VT (park code must be <parent>-<suffix>)");
        if (m.Groups["parent"].Value != parentCode)
            return AdministrativeCodeCheck.Fail($"园区代码“{code}”应以上级代码“{parentCode}”开头 (park code must start with its parent's code)");
        return AdministrativeCodeCheck.Ok();
    }
}
