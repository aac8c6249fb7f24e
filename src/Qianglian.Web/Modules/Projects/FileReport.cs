using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Core.Projects;
using Qianglian.Core.Uploads;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// Files (or corrects) a project's monthly dispatch report with its problems (each filed as a ticket of the
/// supervision problem ledger, which handles it from there), and adds site photos. A month is reported once; a correction edits that report. The month must have begun, the
/// project must have been under construction in it, and the cumulative investment may not exceed the total.
/// </summary>
public sealed class FileReport(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const int MaxPhotoBytes = 5 * 1024 * 1024;
    public const int MaxPhotos = 9;

    public sealed record ProblemInput(ProblemCategory Category, string Description);

    public sealed record Request(int Year, int Month, decimal MonthInvestment, int? ProgressPercent, string? Progress, IReadOnlyList<ProblemInput>? Problems = null);

    public sealed record CorrectRequest(decimal MonthInvestment, int? ProgressPercent, string? Progress, int Version);

    public async Task<Guid> File(Guid projectId, Request r, CancellationToken ct)
    {
        user.Require(Permission.ReportProjects);
        await using var db = dbs.Open();
        var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw ReadProjects.NotFound();
        var today = BusinessDate.Today(clock);
        var others = await OtherMonths(db, projectId, r.Year, r.Month, ct);
        var errors = Dispatch.Check(r.Year, r.Month, today, r.MonthInvestment, others, project.TotalInvestment, r.ProgressPercent).ToList();
        if (errors.Count == 0 && !Dispatch.MustReport(project.ActualStart, project.ActualCompletion, project.TerminatedOn, r.Year, r.Month))
            errors.Add(("month", $"项目{r.Year}年{r.Month}月不在建设期（未开工或已竣工），无需调度 (the project was not under construction that month)"));
        var problems = r.Problems ?? [];
        if (problems.Any(p => string.IsNullOrWhiteSpace(p.Description))) errors.Add(("problems", "问题描述不能为空 (a problem needs its description)"));
        if (problems.Any(p => !Enum.IsDefined(p.Category))) errors.Add(("problems", "未知的问题类别 (unknown problem category)"));
        EditProjectParts.Refuse(errors);
        if (await db.Set<MonthlyReport>().AnyAsync(x => x.ProjectId == projectId && x.Year == r.Year && x.Month == r.Month, ct))
            throw new ConflictException($"{r.Year}年{r.Month}月已填报，请修改该月报告 (this month is already reported: correct it instead)");
        var report = new MonthlyReport
        {
            Year = r.Year, Month = r.Month, MonthInvestment = r.MonthInvestment, ProgressPercent = r.ProgressPercent, Progress = r.Progress?.Trim() ?? "",
            FiledOn = today, FiledAt = clock.GetUtcNow(), FiledBy = user.Name,
        }.For<MonthlyReport>(project);
        db.Add(report);
        foreach (var p in problems)
            await ReportProblems.File(db, project, report, p.Category, p.Description, user.Name, report.FiledAt, ct);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }

    public async Task Correct(Guid reportId, CorrectRequest r, CancellationToken ct)
    {
        user.Require(Permission.ReportProjects);
        await using var db = dbs.Open();
        var report = await db.Set<MonthlyReport>().FirstOrDefaultAsync(x => x.Id == reportId, ct) ?? throw NotFound();
        var project = await db.Set<Project>().AsNoTracking().FirstAsync(p => p.Id == report.ProjectId, ct);
        var others = await OtherMonths(db, report.ProjectId, report.Year, report.Month, ct);
        EditProjectParts.Refuse(Dispatch.Check(report.Year, report.Month, BusinessDate.Today(clock), r.MonthInvestment, others, project.TotalInvestment, r.ProgressPercent));
        db.ExpectVersion(report, r.Version);
        (report.MonthInvestment, report.ProgressPercent, report.Progress) = (r.MonthInvestment, r.ProgressPercent, r.Progress?.Trim() ?? "");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Adds a site photo: a JPG, PNG or WebP by its content (<see cref="UploadPolicy"/>; the type the browser claims is not
    /// believed), stored and served with the type sniffed.
    /// </summary>
    public async Task<Guid> AddPhoto(Guid reportId, string fileName, Stream content, long length, CancellationToken ct)
    {
        user.Require(Permission.ReportProjects);
        if (length > MaxPhotoBytes) throw new ValidationException("file", $"照片超过{MaxPhotoBytes / 1024 / 1024}MB (photo too large)");
        await using var db = dbs.Open();
        var report = await db.Set<MonthlyReport>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == reportId, ct) ?? throw NotFound();
        if (await db.Set<ReportPhoto>().CountAsync(p => p.ReportId == reportId, ct) >= MaxPhotos)
            throw new ValidationException("file", $"每份报告最多{MaxPhotos}张照片 (at most {MaxPhotos} photos)");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxPhotoBytes) throw new ValidationException("file", $"照片超过{MaxPhotoBytes / 1024 / 1024}MB (photo too large)");
        var name = Path.GetFileName(fileName ?? "");
        var bytes = buffer.ToArray();
        var (kind, error) = UploadPolicy.Check(UploadPurpose.SitePhoto, name, bytes);
        if (kind is not { } k) throw new ValidationException("file", $"“{name}”：{error}");
        var photo = new ReportPhoto
        {
            ProjectId = report.ProjectId, JurisdictionId = report.JurisdictionId, EnterpriseId = report.EnterpriseId, ReportId = reportId,
            FileName = name, ContentType = FileSniffer.ContentType(k), Content = bytes,
        };
        db.Add(photo);
        await db.SaveChangesAsync(ct);
        return photo.Id;
    }

    public async Task<(byte[] Content, string ContentType, string FileName)> Photo(Guid photoId, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var photo = await db.Set<ReportPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId, ct)
                    ?? throw new NotFoundException("photo", "照片不存在 (photo not found)");
        // Served as what the bytes are (a photo stored before the check could be anything): never as the name or a stored claim says.
        return (photo.Content, UploadPolicy.ContentTypeOf(photo.Content), photo.FileName);
    }

    /// <summary>Investment reported for the project's other months (summed here: SQLite cannot sum decimals).</summary>
    private static async Task<decimal> OtherMonths(AppDbContext db, Guid projectId, int year, int month, CancellationToken ct) =>
        (await db.Set<MonthlyReport>().Where(x => x.ProjectId == projectId && !(x.Year == year && x.Month == month))
            .Select(x => x.MonthInvestment).ToListAsync(ct)).Sum();

    private static NotFoundException NotFound() => new("report", "月度报告不存在 (report not found)");
}
