using System.IO.Compression;

namespace Qianglian.Core.Incentives;

public enum UploadKind { Pdf = 1, Jpeg = 2, Png = 3, Docx = 4, Xlsx = 5, WebP = 6 }

/// <summary>
/// What an uploaded file is, judged by its content, not its name: the magic bytes of PDF, JPEG and PNG, and for the
/// Office formats a zip that holds word/document.xml or xl/workbook.xml. A file whose content is not what its
/// extension claims (an executable renamed .pdf) is refused with what it really looks like.
/// </summary>
public static class FileSniffer
{
    public static readonly IReadOnlyDictionary<string, UploadKind> Extensions = new Dictionary<string, UploadKind>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = UploadKind.Pdf, [".jpg"] = UploadKind.Jpeg, [".jpeg"] = UploadKind.Jpeg, [".png"] = UploadKind.Png, [".webp"] = UploadKind.WebP,
        [".docx"] = UploadKind.Docx, [".xlsx"] = UploadKind.Xlsx,
    };

    public static string ContentType(UploadKind kind) => kind switch
    {
        UploadKind.Pdf => "application/pdf",
        UploadKind.Jpeg => "image/jpeg",
        UploadKind.Png => "image/png",
        UploadKind.WebP => "image/webp",
        UploadKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>The kind of an application document (PDF, JPG, PNG, DOCX, XLSX), or the reason it is refused.</summary>
    public static (UploadKind? Kind, string? Error) Check(string fileName, ReadOnlySpan<byte> content) =>
        Check(fileName, content, [UploadKind.Pdf, UploadKind.Jpeg, UploadKind.Png, UploadKind.Docx, UploadKind.Xlsx]);

    /// <summary>The kind of an upload among <paramref name="allowed"/>: the extension claims one, the content must be it.</summary>
    public static (UploadKind? Kind, string? Error) Check(string fileName, ReadOnlySpan<byte> content, IReadOnlyList<UploadKind> allowed)
    {
        var extension = Path.GetExtension(fileName);
        if (!Extensions.TryGetValue(extension, out var claimed) || !allowed.Contains(claimed))
            return (null, $"不支持的文件类型“{extension}”，仅限 {string.Join("、", allowed.Select(Name))} (file type not allowed)");
        if (content.Length == 0) return (null, "文件为空 (the file is empty)");
        var actual = Sniff(content);
        if (actual == claimed) return (claimed, null);
        var looksLike = actual is { } a ? Name(a) : Describe(content);
        return (null, $"文件内容与扩展名“{extension}”不符（实际内容为{looksLike}），已拒收 (content does not match the extension)");
    }

    private static string Name(UploadKind kind) => kind == UploadKind.Jpeg ? "JPG" : kind.ToString().ToUpperInvariant();

    public static UploadKind? Sniff(ReadOnlySpan<byte> c)
    {
        if (c.StartsWith("%PDF-"u8)) return UploadKind.Pdf;
        if (c.Length >= 3 && c[0] == 0xFF && c[1] == 0xD8 && c[2] == 0xFF) return UploadKind.Jpeg;
        if (c.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return UploadKind.Png;
        // RIFF container whose form type is WEBP (RFC 9649 §2.5).
        if (c.Length >= 12 && c.StartsWith("RIFF"u8) && c[8..12].SequenceEqual("WEBP"u8)) return UploadKind.WebP;
        if (c.StartsWith("PK\x03\x04"u8)) return OfficeKind(c.ToArray());
        return null;
    }

    private static UploadKind? OfficeKind(byte[] zip)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            if (archive.GetEntry("word/document.xml") is not null) return UploadKind.Docx;
            if (archive.GetEntry("xl/workbook.xml") is not null) return UploadKind.Xlsx;
        }
        catch (InvalidDataException)
        {
            // A damaged zip is no Office file.
        }
        return null;
    }

    private static string Describe(ReadOnlySpan<byte> c) =>
        c.StartsWith("MZ"u8) ? "可执行程序（EXE/DLL）"
        : c.StartsWith(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }) ? "可执行程序（ELF）"
        : c.StartsWith("PK\x03\x04"u8) ? "其他压缩包"
        : "无法识别的格式";
}
