using MiniExcelLibs;

namespace Qianglian.Web.Shared.Excel;

/// <summary>
/// Reads the first sheet of an .xlsx as rows of header → text, streaming (MiniExcel). Checks the header row against
/// the expected Chinese headers first, so a renamed or missing column is refused before any row is read.
/// </summary>
public static class SheetReader
{
    public const long MaxBytes = 50 * 1024 * 1024;

    public sealed record Sheet(IReadOnlyList<ImportError> HeaderErrors, IEnumerable<(int Row, IReadOnlyDictionary<string, string> Cells)> Rows);

    public static Sheet Open(Stream stream, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        IReadOnlyList<string> headers;
        try
        {
            headers = MiniExcel.GetColumns(stream, useHeaderRow: true)?.Select(h => (h ?? "").Trim()).ToList() ?? [];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            return new Sheet([new ImportError(0, "", "文件不是有效的 .xlsx 工作簿 (not a valid .xlsx workbook)")], []);
        }
        var errors = new List<ImportError>();
        foreach (var missing in required.Where(r => !headers.Contains(r)))
            errors.Add(new ImportError(1, missing, $"缺少列“{missing}”，请使用下载的模板 (column missing: use the template)"));
        foreach (var unknown in headers.Where(h => h.Length > 0 && !required.Contains(h) && !optional.Contains(h)))
            errors.Add(new ImportError(1, unknown, $"未知的列“{unknown}”，表头须与模板一致 (unknown column: headers must match the template)"));
        if (errors.Count > 0) return new Sheet(errors, []);
        stream.Position = 0;
        return new Sheet([], Rows(stream));
    }

    private static IEnumerable<(int, IReadOnlyDictionary<string, string>)> Rows(Stream stream)
    {
        var row = 1;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: true))
        {
            row++;
            var text = cells.ToDictionary(c => c.Key.Trim(), c => Text(c.Value));
            if (text.Values.All(v => v.Length == 0)) continue; // blank lines at the end of a sheet
            yield return (row, text);
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd"),
        double n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}
