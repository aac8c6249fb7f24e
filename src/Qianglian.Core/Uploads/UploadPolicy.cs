using Qianglian.Core.Incentives;

namespace Qianglian.Core.Uploads;

/// <summary>What an upload is for; each purpose has its own allow-list of kinds.</summary>
public enum UploadPurpose
{
    /// <summary>申报资料 of an incentive application.</summary>
    ApplicationDocument,
    /// <summary>现场照片 of a project's monthly report.</summary>
    SitePhoto,
    /// <summary>附件 of a supervision problem.</summary>
    ProblemAttachment,
    /// <summary>An .xlsx import.</summary>
    Import,
    /// <summary>The basis of a claim of arrears (清欠): the contract, invoices, acceptance records — scans or documents.</summary>
    ArrearsEvidence,
}

/// <summary>
/// The allow-list of each upload purpose, judged by content (<see cref="FileSniffer"/>'s magic bytes), never by the name
/// or the Content-Type the browser sent (等保 2.0 安全计算环境 入侵防范; issue 15 item 8 — an EXE sent as photo.png was
/// stored and served as image/png). The name's extension must be one the purpose allows and agree with the content, so
/// what is stored, served (with the sniffed type) and saved on an official's disk is what it says it is.
/// </summary>
public static class UploadPolicy
{
    public static IReadOnlyList<UploadKind> Allowed(UploadPurpose purpose) => purpose switch
    {
        UploadPurpose.ApplicationDocument => [UploadKind.Pdf, UploadKind.Jpeg, UploadKind.Png, UploadKind.Docx, UploadKind.Xlsx],
        UploadPurpose.SitePhoto => [UploadKind.Jpeg, UploadKind.Png, UploadKind.WebP],
        UploadPurpose.ProblemAttachment => [UploadKind.Pdf, UploadKind.Jpeg, UploadKind.Png, UploadKind.WebP, UploadKind.Docx, UploadKind.Xlsx],
        UploadPurpose.Import => [UploadKind.Xlsx],
        UploadPurpose.ArrearsEvidence => [UploadKind.Pdf, UploadKind.Jpeg, UploadKind.Png, UploadKind.Docx, UploadKind.Xlsx],
        _ => [],
    };

    /// <summary>The sniffed kind of an upload for its purpose, or why it is refused.</summary>
    public static (UploadKind? Kind, string? Error) Check(UploadPurpose purpose, string fileName, ReadOnlySpan<byte> content) =>
        FileSniffer.Check(fileName, content, Allowed(purpose));

    /// <summary>The type a stored file is served with: what its content is, or a download nothing will open (octet-stream).</summary>
    public static string ContentTypeOf(ReadOnlySpan<byte> content) =>
        FileSniffer.Sniff(content) is { } kind ? FileSniffer.ContentType(kind) : "application/octet-stream";
}
