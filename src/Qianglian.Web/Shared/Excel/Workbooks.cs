using MiniExcelLibs;

namespace Qianglian.Web.Shared.Excel;

/// <summary>Writes .xlsx files: templates (Chinese headers and a sheet of notes), error reports and exports.</summary>
public static class Workbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Template(string sheetName, IReadOnlyList<string> headers, IReadOnlyList<(string Column, string Note)> notes)
    {
        var sheets = new Dictionary<string, object>
        {
            [sheetName] = new[] { headers.ToDictionary(h => h, _ => (object?)null) },
            ["填写说明"] = notes.Select(n => new Dictionary<string, object?> { ["列"] = n.Column, ["说明"] = n.Note }).ToList(),
        };
        using var stream = new MemoryStream();
        // The template's only data row is empty: it carries the headers and is skipped on import.
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    public static byte[] Errors(IEnumerable<ImportError> errors)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(errors.Select(e => new Dictionary<string, object?> { ["行号"] = e.Row, ["列"] = e.Column, ["错误原因"] = e.Message }), sheetName: "错误");
        return stream.ToArray();
    }

    public static byte[] Rows(string sheetName, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: sheetName);
        return stream.ToArray();
    }

    /// <summary>Several sheets in one workbook, in the order given (a ledger's summary, its entries, its requests).</summary>
    public static byte[] Sheets(IEnumerable<(string Name, IEnumerable<IDictionary<string, object?>> Rows)> sheets)
    {
        var book = new Dictionary<string, object>();
        foreach (var (name, rows) in sheets) book[name] = rows.ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(book);
        return stream.ToArray();
    }
}
