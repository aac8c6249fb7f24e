using Qianglian.Web.Api;

namespace Qianglian.Web.Shared.Excel;

/// <summary>The HTTP side every sheet import shares: read the uploaded file, answer with the report.</summary>
public static class ImportEndpoint
{
    public static async Task<MemoryStream> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > SheetReader.MaxBytes)
            throw new ValidationException("file", $"文件超过{SheetReader.MaxBytes / 1024 / 1024}MB (file too large)");
        var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>200 with the report when written, 422 when refused; the error workbook instead when asked for (format=xlsx).</summary>
    public static IResult Answer(ImportReport report, string? format = null) =>
        format == "xlsx" && report.Errors.Count > 0
            ? Results.File(Workbooks.Errors(report.Errors), Workbooks.ContentType, "导入错误.xlsx")
            : report.Applied ? Results.Ok(report) : Results.UnprocessableEntity(report);
}
