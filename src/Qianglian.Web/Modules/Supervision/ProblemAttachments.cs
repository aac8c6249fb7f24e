using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Core.Uploads;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// Files attached to a problem: by whoever may file problems and sees it (the enterprise, the handling officials). PDF,
/// images and Office documents by their content (<see cref="UploadPolicy"/>), stored and served with the type sniffed.
/// </summary>
public sealed class ProblemAttachments(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerProblem = 20;

    public async Task<Guid> Add(Guid problemId, string? fileName, Stream content, CancellationToken ct)
    {
        user.Require(Permission.FileProblems);
        var name = Text.Required(Path.GetFileName(fileName ?? ""), "file", "文件名", 200);
        await using var db = dbs.Open();
        var problem = await ProblemLadder.FindAsync(db, problemId, ct);
        if (await db.ProblemAttachments.CountAsync(a => a.ProblemId == problemId, ct) >= MaxPerProblem)
            throw new ValidationException("file", $"每个问题最多{MaxPerProblem}个附件 (at most {MaxPerProblem} attachments)");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) throw new ValidationException("file", "文件为空 (the file is empty)");
        if (buffer.Length > MaxBytes) throw new ValidationException("file", $"附件不能超过{MaxBytes / 1024 / 1024}MB (at most 10 MB)");
        var bytes = buffer.ToArray();
        var (kind, error) = UploadPolicy.Check(UploadPurpose.ProblemAttachment, name, bytes);
        if (kind is not { } k) throw new ValidationException("file", $"“{name}”：{error}");
        var caller = await Caller.OfAsync(user, db, ct);
        var attachment = new ProblemAttachment
        {
            JurisdictionId = problem.JurisdictionId, ProblemId = problem.Id, EnterpriseId = problem.EnterpriseId, FileName = name,
            ContentType = FileSniffer.ContentType(k), Size = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes, UploadedAt = clock.GetUtcNow(), UploadedBy = caller.Name,
        };
        db.ProblemAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment.Id;
    }

    public async Task<(byte[] Content, string ContentType, string FileName)> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var a = await db.ProblemAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("attachment", "附件不存在 (attachment not found)");
        // Served as what the bytes are (an attachment stored before the check could be anything).
        return (a.Content, UploadPolicy.ContentTypeOf(a.Content), a.FileName);
    }
}
