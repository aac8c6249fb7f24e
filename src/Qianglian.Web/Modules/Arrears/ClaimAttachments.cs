using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Core.Uploads;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Text = Qianglian.Web.Modules.Supervision.Text;

namespace Qianglian.Web.Modules.Arrears;

/// <summary>
/// The files of a claim's basis — the contract, invoices, acceptance records — added by whoever may file claims and sees
/// the claim (the enterprise itself, the officials). PDF, images and Office documents by their content
/// (<see cref="UploadPolicy"/>), stored and served with the type sniffed; the same limits as a problem's attachments.
/// </summary>
public sealed class ClaimAttachments(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerClaim = 20;

    public async Task<Guid> Add(Guid claimId, string? fileName, Stream content, CancellationToken ct)
    {
        user.Require(Permission.FileArrears);
        var name = Text.Required(Path.GetFileName(fileName ?? ""), "file", "文件名", 200);
        await using var db = dbs.Open();
        var claim = await db.Set<ArrearsClaim>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, ct) ?? throw ReadArrears.NotFound();
        if (await db.Set<ArrearsAttachment>().CountAsync(a => a.ClaimId == claimId, ct) >= MaxPerClaim)
            throw new ValidationException("file", $"每笔欠款最多{MaxPerClaim}个附件 (at most {MaxPerClaim} attachments)");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) throw new ValidationException("file", "文件为空 (the file is empty)");
        if (buffer.Length > MaxBytes) throw new ValidationException("file", $"附件不能超过{MaxBytes / 1024 / 1024}MB (at most 10 MB)");
        var bytes = buffer.ToArray();
        var (kind, error) = UploadPolicy.Check(UploadPurpose.ArrearsEvidence, name, bytes);
        if (kind is not { } k) throw new ValidationException("file", $"“{name}”：{error}");
        var attachment = new ArrearsAttachment
        {
            JurisdictionId = claim.JurisdictionId, ClaimId = claim.Id, EnterpriseId = claim.EnterpriseId, FileName = name,
            ContentType = FileSniffer.ContentType(k), Size = bytes.LongLength, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes,
            UploadedAt = clock.GetUtcNow(), UploadedBy = (await db.ActingCallerAsync(user.Name, ct)).Name,
        };
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment.Id;
    }

    public async Task<(byte[] Content, string ContentType, string FileName)> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewArrears);
        await using var db = dbs.Open();
        var a = await db.Set<ArrearsAttachment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException("attachment", "附件不存在 (attachment not found)");
        return (a.Content, UploadPolicy.ContentTypeOf(a.Content), a.FileName);
    }
}
