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
        Dictionary<string, string>? columns = null; // trimmed header → the key MiniExcel reports
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: true))
        {
            row++;
            columns ??= cells.Keys.GroupBy(k => k.Trim()).ToDictionary(g => g.Key, g => g.First());
            if (cells.Values.All(v => Text(v).Length == 0)) continue; // blank lines at the end of a sheet
            yield return (row, new Cells(cells, columns));
        }
    }

    /// <summary>A row's cells by header, as text; converted when read (imports read a hundred thousand rows).</summary>
    private sealed class Cells(IDictionary<string, object?> cells, Dictionary<string, string> columns) : IReadOnlyDictionary<string, string>
    {
        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
        {
            value = columns.TryGetValue(key, out var column) && cells.TryGetValue(column, out var cell) ? Text(cell) : null;
            return value is not null;
        }

        public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => columns.Keys;
        public IEnumerable<string> Values => Keys.Select(k => this[k]);
        public int Count => columns.Count;
        public bool ContainsKey(string key) => columns.ContainsKey(key);
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Keys.Select(k => new KeyValuePair<string, string>(k, this[k])).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
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
