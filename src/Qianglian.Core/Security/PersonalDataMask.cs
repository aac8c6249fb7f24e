namespace Qianglian.Core.Security;

/// <summary>The kinds of personal contact data the platform keeps encrypted and shows masked.</summary>
public enum PersonalDataKind { Phone = 1, IdNumber = 2 }

/// <summary>
/// How personal data is shown to whoever lacks the right to see it whole: enough to recognise it, not to use it.
/// GB/T 35273-2020 (信息安全技术 个人信息安全规范) 6.2 asks that personal information be de-identified where it is
/// displayed (去标识化/展示限制) and names no pattern; these are the patterns Chinese public services print — a mobile
/// number keeps its first 3 and last 4 digits (138****5678), a 居民身份证号码 (GB 11643-1999) its first 4 (the
/// province and city of the address code) and last 4 (5101**********1234). A value too short to keep both ends
/// without giving most of it away is masked whole.
/// </summary>
public static class PersonalDataMask
{
    public static string? Mask(PersonalDataKind kind, string? value) => kind switch
    {
        PersonalDataKind.Phone => Phone(value),
        PersonalDataKind.IdNumber => IdNumber(value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>11+ characters (mobile, landline with area code): first 3 and last 4 kept; 7–10: last 4 kept; shorter: all masked.</summary>
    public static string? Phone(string? value) => value switch
    {
        null or "" => value,
        { Length: >= 11 } => Keep(value, 3, 4),
        { Length: >= 7 } => Keep(value, 0, 4),
        _ => new string('*', value.Length),
    };

    /// <summary>15 or more characters (18-digit and old 15-digit numbers): first 4 and last 4 kept; shorter: all masked.</summary>
    public static string? IdNumber(string? value) => value switch
    {
        null or "" => value,
        { Length: >= 15 } => Keep(value, 4, 4),
        _ => new string('*', value.Length),
    };

    private static string Keep(string value, int head, int tail) =>
        string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
}
