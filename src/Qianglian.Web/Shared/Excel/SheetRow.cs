using System.Globalization;

namespace Qianglian.Web.Shared.Excel;

/// <summary>
/// One row of an imported sheet, read by header, with typed readers that record what is wrong (row, column, reason)
/// instead of throwing, so every problem of a file is reported at once.
/// </summary>
public sealed class SheetRow(IReadOnlyDictionary<string, string> cells, int row, List<ImportError> errors)
{
    public int Number => row;

    /// <summary>The cell's text, trimmed; "" when empty or absent.</summary>
    public string this[string column] => cells.TryGetValue(column, out var v) ? v.Trim() : "";

    public void Error(string column, string message) => errors.Add(new ImportError(row, column, message));

    /// <summary>A required cell's text, or null (and an error) when empty.</summary>
    public string? Required(string column)
    {
        if (this[column] is { Length: > 0 } text) return text;
        Error(column, $"“{column}”不能为空 (required)");
        return null;
    }

    /// <summary>An amount written in 万元, as yuan (not rounded: the caller's rules decide about fractions of a fen).</summary>
    public decimal? Wan(string column)
    {
        if (this[column] is not { Length: > 0 } text) return null;
        if (decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)) return value * 10_000m;
        Error(column, $"“{text}”不是数字（万元） (not a number)");
        return null;
    }

    public int? Int(string column)
    {
        if (this[column] is not { Length: > 0 } text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue) return (int)d;
        Error(column, $"“{text}”不是整数 (not a whole number)");
        return null;
    }

    public DateOnly? Date(string column)
    {
        if (this[column] is not { Length: > 0 } text) return null;
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Error(column, $"“{text}”不是日期，应为 2026-03-01 的格式 (not a date)");
        return null;
    }

    /// <summary>One of a fixed list of Chinese names (类别 …); an unknown one names the choices.</summary>
    public T? Pick<T>(string column, IReadOnlyDictionary<string, T> choices) where T : struct
    {
        if (this[column] is not { Length: > 0 } text) return null;
        if (choices.TryGetValue(text, out var value)) return value;
        Error(column, $"“{text}”应为 {string.Join("/", choices.Keys)} (unknown value)");
        return null;
    }

    /// <summary>Whether any error of the file is on this row.</summary>
    public bool HasErrors => errors.Any(e => e.Row == row);
}
