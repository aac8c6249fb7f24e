using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Modules.Evaluation;

public sealed record StatisticView(Guid Id, string JurisdictionPath, string Jurisdiction, StatisticKind Kind, string KindName, string Unit, int Year, string Subject,
    decimal Value, string Source, string? AttachmentName, string RecordedBy);

/// <summary>
/// The yearly jurisdiction statistics the office enters for figures no enterprise row carries (综合指数排位, 工业贷款占比,
/// 工业用地占比, 标准化厂房面积, 首位产业产值), each with its source and an attached copy of it. Entering a figure for the
/// same jurisdiction, kind, year and industry again replaces it.
/// </summary>
public sealed class JurisdictionStatistics(AppDb dbs, CurrentUser user)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public sealed record Request(Guid JurisdictionId, StatisticKind Kind, int Year, string? Subject, decimal Value, string? Source);

    public static string KindName(StatisticKind kind) => kind switch
    {
        StatisticKind.IndustrialIndexCityRank => "工业经济运行综合指数全市排位",
        StatisticKind.IndustrialIndexRegionRank => "工业经济运行综合指数渝东南排位",
        StatisticKind.IndustrialLoanShare => "工业贷款占全部贷款的比重",
        StatisticKind.IndustrialLandShare => "年度出让土地总量中工业用地比例",
        StatisticKind.StandardFactoryReserve => "动态储备标准化厂房面积",
        StatisticKind.LeadingIndustryOutput => "首位工业产业产值",
        _ => kind.ToString(),
    };

    public static string Unit(StatisticKind kind) => kind switch
    {
        StatisticKind.IndustrialIndexCityRank or StatisticKind.IndustrialIndexRegionRank => "位",
        StatisticKind.IndustrialLoanShare or StatisticKind.IndustrialLandShare => "%",
        StatisticKind.StandardFactoryReserve => "万平方米",
        StatisticKind.LeadingIndustryOutput => "亿元",
        _ => "",
    };

    /// <summary>A rank is a whole number from 1; a share lies within 0–100; an area or output is not negative.</summary>
    public static string? CheckValue(StatisticKind kind, decimal value) => kind switch
    {
        StatisticKind.IndustrialIndexCityRank or StatisticKind.IndustrialIndexRegionRank when value < 1 || value != decimal.Truncate(value) => "排位应为不小于1的整数 (a rank is a whole number from 1)",
        StatisticKind.IndustrialLoanShare or StatisticKind.IndustrialLandShare when value is < 0 or > 100 => "比重应在0到100之间 (a share lies within 0–100)",
        _ when value < 0 => "不能为负数 (must not be negative)",
        _ => null,
    };

    public async Task<IReadOnlyList<StatisticView>> List(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var rows = await db.JurisdictionStatistics.AsNoTracking().Where(s => year == null || s.Year == year)
            .Select(s => new { s.Id, s.JurisdictionId, s.JurisdictionPath, s.Kind, s.Year, s.Subject, s.Value, s.Source, s.AttachmentName, s.RecordedBy }).ToListAsync(ct);
        var places = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Id, j => j.Name, ct);
        return rows.OrderByDescending(s => s.Year).ThenBy(s => s.JurisdictionPath, StringComparer.Ordinal).ThenBy(s => s.Kind).ThenBy(s => s.Subject, StringComparer.Ordinal)
            .Select(s => new StatisticView(s.Id, s.JurisdictionPath, places.GetValueOrDefault(s.JurisdictionId, ""), s.Kind, KindName(s.Kind), Unit(s.Kind), s.Year, s.Subject,
                s.Value / 1.0000000000000000000000000000m, s.Source, s.AttachmentName, s.RecordedBy)).ToList();
    }

    public async Task<Guid> Save(Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageEvaluation);
        if (!Enum.IsDefined(r.Kind)) throw new ValidationException("kind", "未知的统计项目 (unknown kind)");
        if (r.Year is < 2000 or > 2100) throw new ValidationException("year", "年度应在2000至2100之间 (year must be within 2000–2100)");
        if (CheckValue(r.Kind, r.Value) is { } bad) throw new ValidationException("value", bad);
        var subject = r.Kind == StatisticKind.LeadingIndustryOutput ? Text.Required(r.Subject, "subject", "首位产业名称", 200) : Text.Optional(r.Subject, "subject", 200) ?? "";
        var source = Text.Required(r.Source, "source", "数据来源", 1000);
        await using var db = dbs.Open();
        await db.RequireVisibleAsync<Jurisdiction>(r.JurisdictionId, "jurisdictionId", "辖区不存在 (jurisdiction not found)", ct);
        var row = await db.JurisdictionStatistics.FirstOrDefaultAsync(s => s.JurisdictionId == r.JurisdictionId && s.Kind == r.Kind && s.Year == r.Year && s.Subject == subject, ct);
        if (row is null)
            db.JurisdictionStatistics.Add(row = new JurisdictionStatistic { JurisdictionId = r.JurisdictionId, Kind = r.Kind, Year = r.Year, Subject = subject });
        (row.Value, row.Source, row.RecordedBy) = (r.Value, source, (await Caller.OfAsync(user, db, ct)).Name);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public async Task Remove(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ManageEvaluation);
        await using var db = dbs.Open();
        var row = await db.JurisdictionStatistics.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("statistic", "统计数据不存在 (statistic not found)");
        db.JurisdictionStatistics.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Attaches (or replaces) the copy of the source document: the bulletin, the bank's report, the land ledger.</summary>
    public async Task Attach(Guid id, string? fileName, string? contentType, Stream content, CancellationToken ct)
    {
        user.Require(Permission.ManageEvaluation);
        var name = Text.Required(Path.GetFileName(fileName ?? ""), "file", "文件名", 200);
        await using var db = dbs.Open();
        var row = await db.JurisdictionStatistics.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("statistic", "统计数据不存在 (statistic not found)");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) throw new ValidationException("file", "文件为空 (the file is empty)");
        if (buffer.Length > MaxBytes) throw new ValidationException("file", "附件不能超过10MB (at most 10 MB)");
        var bytes = buffer.ToArray();
        (row.AttachmentName, row.AttachmentType, row.AttachmentContent, row.AttachmentSha256) =
            (name, string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType[..Math.Min(contentType.Length, 100)], bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        await db.SaveChangesAsync(ct);
    }

    public async Task<(byte[] Content, string ContentType, string FileName)> Attachment(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var row = await db.JurisdictionStatistics.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("statistic", "统计数据不存在 (statistic not found)");
        return row.AttachmentContent is { } content ? (content, row.AttachmentType!, row.AttachmentName!) : throw new NotFoundException("attachment", "尚未上传附件 (no attachment yet)");
    }
}
