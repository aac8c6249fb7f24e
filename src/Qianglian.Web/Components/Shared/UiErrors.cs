using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Web.Api;
using Qianglian.Web.Data;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Components.Shared;

/// <summary>
/// How a page tells the user that an operation was refused: the same domain exceptions the API maps to problem
/// details, as one readable line (field: message). Unexpected exceptions are not swallowed.
/// </summary>
public static partial class UiErrors
{
    public static string? Describe(Exception e, IStringLocalizer<Strings> L) => e switch
    {
        ValidationException v => string.Join("；", v.Errors.Select(kv => $"{FieldName(kv.Key, L)}：{string.Join("，", kv.Value)}")),
        NotFoundException n => n.Message,
        ForbiddenException or ScopeViolationException => e.Message,
        ConflictException c => c.Message,
        DbUpdateConcurrencyException => L["ConflictMessage"],
        _ => null,
    };

    /// <summary>
    /// The field's label on screen (Field_name in the resources), else its API name. An item of a list
    /// ("rule.categories[1].rate") is labelled as its list's field with the item's place: "类别比例（第2项）".
    /// </summary>
    private static string FieldName(string field, IStringLocalizer<Strings> L)
    {
        var label = L["Field_" + field];
        if (!label.ResourceNotFound) return label.Value;
        var items = ListIndex().Matches(field);
        if (items.Count == 0) return field;
        var general = L["Field_" + ListIndex().Replace(field, "")];
        if (general.ResourceNotFound) return field;
        return general.Value + string.Concat(items.Select(m => $"（第{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}项）"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex ListIndex();

    public static bool IsConflict(Exception e) => e is DbUpdateConcurrencyException;
}
