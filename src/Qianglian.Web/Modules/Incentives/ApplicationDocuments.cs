using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Core.Uploads;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// The documents of an application's checklist: upload while it is a draft or returned (size limit; PDF, JPG, PNG,
/// DOCX, XLSX judged by content, not extension), remove one, download one.
/// </summary>
public sealed class ApplicationDocuments(AppDb dbs, CurrentUser user, UploadStore store, TimeProvider clock)
{
    public async Task<FileView> Upload(Guid applicationId, int checklistNumber, string? alternative, string fileName, Stream content, CancellationToken ct)
    {
        user.Require(Permission.ApplyIncentives);
        await using var db = dbs.Open();
        var loaded = await Applications.Load(db, applicationId, ct);
        var a = loaded.Application;
        if (!a.Editable) throw new ConflictException("申报已提交，不能再上传资料；如需补充，请等待退回 (submitted applications take no uploads)");
        var item = loaded.Measure.Checklist.FirstOrDefault(c => c.Number == checklistNumber)
                   ?? throw new ValidationException("checklistNumber", $"申报资料清单没有第{checklistNumber}项 (no such checklist item)");
        alternative = string.IsNullOrWhiteSpace(alternative) ? null : alternative.Trim();
        if (item.Alternatives.Count > 0 && (alternative is null || !item.Alternatives.Contains(alternative)))
            throw new ValidationException("alternative", $"第{item.Number}项须说明所交为哪一种：{string.Join(" 或 ", item.Alternatives)} (choose which alternative)");
        if (item.Alternatives.Count == 0 && alternative is not null)
            throw new ValidationException("alternative", $"第{item.Number}项没有可替代的资料 (this item has no alternatives)");
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 200) throw new ValidationException("file", "文件名为空或过长 (file name missing or too long)");

        var bytes = await ReadLimited(content, ct);
        var (kind, error) = UploadPolicy.Check(UploadPurpose.ApplicationDocument, name, bytes);
        if (kind is not { } k) throw new ValidationException("file", $"“{name}”：{error}");
        var sha = await store.SaveAsync(bytes, ct);
        var file = new ApplicationFile
        {
            JurisdictionId = a.JurisdictionId, ApplicationId = a.Id, EnterpriseId = a.EnterpriseId, ChecklistNumber = item.Number,
            Alternative = alternative, FileName = name, Kind = k, Size = bytes.Length, Sha256 = sha, UploadedAt = clock.GetUtcNow(), UploadedBy = user.Name,
        };
        db.Add(file);
        await db.SaveChangesAsync(ct);
        return new FileView(file.Id, file.ChecklistNumber, file.Alternative, file.FileName, file.Kind, file.Size, file.Sha256, file.UploadedAt, file.UploadedBy);
    }

    public async Task Delete(Guid fileId, CancellationToken ct)
    {
        user.Require(Permission.ApplyIncentives);
        await using var db = dbs.Open();
        var file = await db.Set<ApplicationFile>().FirstOrDefaultAsync(f => f.Id == fileId, ct)
                   ?? throw new NotFoundException("file", "文件不存在 (file not found)");
        var application = await db.Set<IncentiveApplication>().FirstAsync(a => a.Id == file.ApplicationId, ct);
        if (!application.Editable) throw new ConflictException("申报已提交，不能删除资料 (submitted applications keep their documents)");
        db.Remove(file);
        await db.SaveChangesAsync(ct);
    }

    public async Task<(byte[] Content, string ContentType, string FileName)> Download(Guid fileId, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var file = await db.Set<ApplicationFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct)
                   ?? throw new NotFoundException("file", "文件不存在 (file not found)");
        return (await store.ReadAsync(file.Sha256, ct), FileSniffer.ContentType(file.Kind), file.FileName);
    }

    private async Task<byte[]> ReadLimited(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > store.MaxBytes)
                throw new ValidationException("file", $"文件超过{store.MaxBytes / 1024 / 1024}MB (file too large)");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
