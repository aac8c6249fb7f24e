using Qianglian.Core.Enterprises;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>
/// Field checks shared by the forms, the API and the Excel import, so a value is refused with the same message
/// wherever it is typed. Each returns null or the message; lookups (jurisdiction, park) are the callers'.
/// </summary>
public static class EnterpriseRules
{
    public static string NormaliseUscc(string? uscc) => (uscc ?? "").Trim().ToUpperInvariant();

    public static string? Uscc(string? uscc) => Core.Enterprises.Uscc.Validate(NormaliseUscc(uscc));

    public static string? Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "企业名称不能为空 (name is required)"
        : name.Trim().Length > 200 ? "企业名称过长（最多200字） (name longer than 200 characters)" : null;

    public static string? Industry(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : IndustryCode.Check(code).Error;

    public static string? NormaliseIndustry(string? code) => string.IsNullOrWhiteSpace(code) ? null : IndustryCode.Normalise(code);

    public static string? Year(int year, int currentYear) =>
        year < 2000 || year > currentYear ? $"年度 {year} 无效，应在 2000–{currentYear} 之间 (year out of range)" : null;

    /// <summary>Amounts and quantities are not negative (profit may be: a loss).</summary>
    public static string? NotNegative(decimal value, string label) => value < 0 ? $"{label}不能为负数：{value} (must not be negative)" : null;
}
