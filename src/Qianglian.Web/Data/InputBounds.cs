using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Qianglian.Web.Api;
using ValidationException = Qianglian.Web.Api.ValidationException;

namespace Qianglian.Web.Data;

/// <summary>
/// Bounded input, checked once for every write (issue 15, item 7): before a save, every new or changed value of a
/// row is held against its column and the ranges of <see cref="InputLimits"/>. One place, so the API, the forms and
/// the imports refuse the same values with the same message naming the field — and SQLite, which stores a 1 MB
/// "name" or a 7.9×10^28 "investment" without complaint, refuses what PostgreSQL would refuse with an error.
/// <list type="bullet">
/// <item>strings: at most the column's length (<c>HasMaxLength</c> in the model);</item>
/// <item>decimals: within ±<see cref="InputLimits.MaxMagnitude"/> and the column's precision;
///   "…Percent" within 0–100;</item>
/// <item>integers: "Year" and "…Year" (not "…SinceYear") within <see cref="InputLimits.FirstYear"/>–<see cref="InputLimits.LastYear"/>,
///   "…Count" not negative, "…Percent" within 0–100;</item>
/// <item>any property with a <see cref="RangeAttribute"/>: within it.</item>
/// </list>
/// A changed row is checked only in the values that changed, so an old value never blocks an unrelated edit.
/// </summary>
public static class InputBounds
{
    public static void Check(ChangeTracker tracker)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Entity is AuditEntry) continue;
            foreach (var property in entry.Properties)
                if (entry.State == EntityState.Added || property.IsModified)
                    Check(property.Metadata, property.CurrentValue, errors);
        }
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    public static void Check<T>(BulkBatch<T> batch) where T : Entity
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var row in batch.Added)
            foreach (var property in batch.Properties)
                Check(property, BulkRow.Value(property, row), errors);
        foreach (var update in batch.Modified)
            foreach (var i in batch.Changed(update))
                Check(batch.Properties[i], BulkRow.Value(batch.Properties[i], update.Row), errors);
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    /// <summary>The field a property is known by in requests and problem details (camelCase, as the JSON names it).</summary>
    public static string FieldOf(IReadOnlyProperty property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static void Check(IProperty property, object? value, Dictionary<string, string[]> errors)
    {
        if (value is null || property.IsKey() || property.IsConcurrencyToken) return;
        if (Refusal(property, value) is { } message)
            errors.TryAdd(FieldOf(property), [message]);
    }

    private static string? Refusal(IProperty property, object value)
    {
        var name = property.Name;
        switch (value)
        {
            case string s when property.GetMaxLength() is { } max && s.Length > max:
                return $"最多 {max} 个字 (at most {max} characters, {s.Length} given)";
            case decimal d:
                if (Math.Abs(d) > InputLimits.MaxMagnitude)
                    return $"数值超出范围，绝对值不得超过 {InputLimits.MaxMagnitude:0} (out of range: at most ±10^12)";
                if (property.GetPrecision() is { } precision && Math.Abs(Math.Truncate(d)) >= Pow10(precision - (property.GetScale() ?? 0)))
                    return $"数值超出该项可保存的范围 (too large for this field: {precision - (property.GetScale() ?? 0)} digits before the point)";
                if (IsPercent(name) && d is < 0 or > InputLimits.MaxPercent)
                    return "百分比应在 0–100 之间 (a percentage lies in 0–100)";
                break;
            case int i:
                if (IsYear(name) && i is < InputLimits.FirstYear or > InputLimits.LastYear)
                    return $"年份应在 {InputLimits.FirstYear}–{InputLimits.LastYear} 之间 (a year lies in {InputLimits.FirstYear}–{InputLimits.LastYear})";
                if (name.EndsWith("Count", StringComparison.Ordinal) && i < 0)
                    return "数量不能为负 (a count cannot be negative)";
                if (IsPercent(name) && i is < 0 or > 100)
                    return "百分比应在 0–100 之间 (a percentage lies in 0–100)";
                break;
        }
        if (property.PropertyInfo?.GetCustomAttribute<RangeAttribute>() is { } range && !range.IsValid(value))
            return $"应在 {range.Minimum}–{range.Maximum} 之间 (must lie in {range.Minimum}–{range.Maximum})";
        return null;
    }

    /// <summary>
    /// Business years: "Year", "BudgetYear", "FromYear". Not a year of a firm's history ("NicheSinceYear"), which may
    /// lie before 1949; its operation bounds it.
    /// </summary>
    private static bool IsYear(string name) =>
        name == "Year" || name.EndsWith("Year", StringComparison.Ordinal) && !name.Contains("Since", StringComparison.Ordinal);

    private static bool IsPercent(string name) => name.EndsWith("Percent", StringComparison.Ordinal);

    private static decimal Pow10(int digits) => digits >= 28 ? decimal.MaxValue : (decimal)Math.Pow(10, digits);
}
