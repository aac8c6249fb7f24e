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
public static class UiErrors
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

    /// <summary>The field's label on screen (Field_name in the resources), else its API name.</summary>
    private static string FieldName(string field, IStringLocalizer<Strings> L)
    {
        var label = L["Field_" + field];
        return label.ResourceNotFound ? field : label.Value;
    }

    public static bool IsConflict(Exception e) => e is DbUpdateConcurrencyException;
}
