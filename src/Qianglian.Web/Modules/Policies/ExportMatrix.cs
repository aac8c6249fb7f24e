using MiniExcelLibs;

namespace Qianglian.Web.Modules.Policies;

/// <summary>The responsibility matrix as an .xlsx sheet: one row per unit, one column per measure, 牵头/配合 cells.</summary>
public sealed class ExportMatrix(ReadDocuments documents)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<(byte[] Content, string FileName)> Handle(Guid documentId, CancellationToken ct)
    {
        var document = await documents.Get(documentId, ct);
        var matrix = ReadDocuments.BuildMatrix(document);
        var rows = matrix.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { ["责任单位"] = r.Unit };
            for (var i = 0; i < matrix.Measures.Count; i++)
                row[ColumnName(matrix.Measures[i])] = r.Cells[i] switch
                {
                    MeasureRole.Lead => "牵头",
                    MeasureRole.Cooperating => "配合",
                    _ => "",
                };
            row["匹配"] = r.MatchKind;
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "责任分工", cancellationToken: ct);
        return (stream.ToArray(), $"责任分工矩阵-{Sanitize(document.Title)}.xlsx");
    }

    private static string ColumnName(MatrixMeasure m) => $"{m.Ordinal:00} {m.Number} {m.Title}";

    private static string Sanitize(string title)
    {
        var clean = new string(title.Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c != '“' && c != '”').ToArray());
        return clean.Length > 40 ? clean[..40] : clean;
    }
}
