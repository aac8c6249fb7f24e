using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// The figures the cultivation rules need beyond the registry: an enterprise's profile (production start, niche,
/// R&amp;D institution, exemptions), its supplementary figures of a year, and reviewers' expert scores — each checked
/// field by field (an expert score against the range of the model indicator that reads it).
/// </summary>
public sealed class SaveCultivationData(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record ProfileRequest(DateOnly? ProductionStartedOn, int? NicheSinceYear, bool StrategicEmerging, int RdInstitutionLevel, bool MajorProjectUnderConstruction, int Version = 0);

    /// <summary>Money in yuan.</summary>
    public sealed record SupplementaryRequest(decimal? MainBusinessRevenue, decimal? TotalAssets, decimal? TotalLiabilities, int? RdStaff, int? HighValueIp,
        int? OwnClassOneIp, int? ClassOneIp, int? ClassTwoIp, decimal? EquityFinancing2y, int Version = 0);

    /// <param name="Version">The version of the score being corrected (0 for a new one); without it the score is simply set, as an import does.</param>
    public sealed record ExpertScoreRequest(Guid EnterpriseId, Guid? ChainId, int Year, string Key, decimal Score, string? Note, int? Version = null);

    public async Task SaveProfile(Guid enterpriseId, ProfileRequest r, CancellationToken ct)
    {
        user.Require(Permission.EditEnterprises);
        var today = BusinessDate.Of(clock.GetUtcNow());
        Validate(
            ("productionStartedOn", r.ProductionStartedOn > today ? "投产日期不能晚于今天 (in the future)" : null),
            ("nicheSinceYear", r.NicheSinceYear is { } y && (y < 1900 || y > today.Year) ? $"进入细分市场年份 {y} 无效 (year out of range)" : null),
            ("rdInstitutionLevel", r.RdInstitutionLevel is < 0 or > 4 ? "研发机构级别应为 0–4 (0 to 4)" : null));
        await using var db = dbs.Open();
        var enterprise = await Enterprise(db, enterpriseId, ct);
        var profile = await db.CultivationProfiles.FirstOrDefaultAsync(p => p.EnterpriseId == enterpriseId, ct);
        if (profile is null) db.CultivationProfiles.Add(profile = new CultivationProfile { EnterpriseId = enterpriseId, JurisdictionId = enterprise.JurisdictionId });
        else db.ExpectVersion(profile, r.Version);
        (profile.ProductionStartedOn, profile.NicheSinceYear, profile.StrategicEmerging, profile.RdInstitutionLevel, profile.MajorProjectUnderConstruction) =
            (r.ProductionStartedOn, r.NicheSinceYear, r.StrategicEmerging, r.RdInstitutionLevel, r.MajorProjectUnderConstruction);
        await db.SaveChangesAsync(ct);
    }

    public async Task SaveSupplementary(Guid enterpriseId, int year, SupplementaryRequest r, CancellationToken ct)
    {
        user.Require(Permission.EditEnterprises);
        Validate(
            ("year", EnterpriseRules.Year(year, clock.GetUtcNow().Year)),
            ("mainBusinessRevenue", NotNegative(r.MainBusinessRevenue, "主营业务收入")), ("totalAssets", NotNegative(r.TotalAssets, "资产总额")),
            ("totalLiabilities", NotNegative(r.TotalLiabilities, "负债总额")), ("rdStaff", NotNegative(r.RdStaff, "研发人员")),
            ("highValueIp", NotNegative(r.HighValueIp, "Ⅰ类高价值知识产权")), ("ownClassOneIp", NotNegative(r.OwnClassOneIp, "自主研发Ⅰ类知识产权")),
            ("classOneIp", NotNegative(r.ClassOneIp, "Ⅰ类知识产权")), ("classTwoIp", NotNegative(r.ClassTwoIp, "Ⅱ类知识产权")),
            ("equityFinancing2y", NotNegative(r.EquityFinancing2y, "近2年股权融资")));
        await using var db = dbs.Open();
        var enterprise = await Enterprise(db, enterpriseId, ct);
        var row = await db.CultivationYears.FirstOrDefaultAsync(y => y.EnterpriseId == enterpriseId && y.Year == year, ct);
        if (row is null) db.CultivationYears.Add(row = new CultivationYear { EnterpriseId = enterpriseId, JurisdictionId = enterprise.JurisdictionId, Year = year });
        else db.ExpectVersion(row, r.Version);
        (row.MainBusinessRevenue, row.TotalAssets, row.TotalLiabilities, row.RdStaff, row.HighValueIp) = (r.MainBusinessRevenue, r.TotalAssets, r.TotalLiabilities, r.RdStaff, r.HighValueIp);
        (row.OwnClassOneIp, row.ClassOneIp, row.ClassTwoIp, row.EquityFinancing2y) = (r.OwnClassOneIp, r.ClassOneIp, r.ClassTwoIp, r.EquityFinancing2y);
        await db.SaveChangesAsync(ct);
    }

    public async Task SaveExpertScore(ExpertScoreRequest r, CancellationToken ct)
    {
        user.Require(Permission.ScoreExperts);
        await using var db = dbs.Open();
        var enterprise = await Enterprise(db, r.EnterpriseId, ct, "enterpriseId");
        string? chainPath = null;
        if (r.ChainId is { } chainId)
            chainPath = await db.Chains.Where(c => c.Id == chainId).Select(c => c.JurisdictionPath).FirstOrDefaultAsync(ct)
                        ?? throw new NotFoundException("chainId", "产业链不存在 (chain not found)");
        var error = await CheckScore(db, enterprise.JurisdictionPath, chainPath, r.Year, r.Key, r.Score, clock.GetUtcNow().Year, ct);
        if (error is { } e) throw new ValidationException(e.Field, e.Message);
        var key = r.Key.Trim();
        var row = await db.ExpertScores.FirstOrDefaultAsync(s => s.EnterpriseId == r.EnterpriseId && s.ChainId == r.ChainId && s.Year == r.Year && s.Key == key, ct);
        if (row is null)
            db.ExpertScores.Add(row = new ExpertScore { EnterpriseId = r.EnterpriseId, ChainId = r.ChainId, JurisdictionId = enterprise.JurisdictionId, Year = r.Year, Key = key });
        else if (r.Version is { } seen) db.ExpectVersion(row, seen);
        (row.Score, row.Reviewer, row.Note) = (r.Score, user.Name, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// An expert score is accepted only for a key a model that applies reads (the chain's chain-leader model for a
    /// chain's score; otherwise the enterprise's gradient and grading models), within that indicator's range.
    /// </summary>
    internal static async Task<(string Field, string Message)?> CheckScore(AppDbContext db, string enterprisePath, string? chainPath, int year, string? key, decimal score, int currentYear, CancellationToken ct)
    {
        if (EnterpriseRules.Year(year, currentYear) is { } yearError) return ("year", yearError);
        if (string.IsNullOrWhiteSpace(key)) return ("key", "评分项不能为空 (key is required)");
        var indicator = (await ReadExpertScores.Applicable(db, enterprisePath, chainPath, year, ct)).FirstOrDefault(i => i.Key == key.Trim());
        if (indicator is null)
            return ("key", $"没有适用的{year}年评价模型读取评分项“{key}”{(chainPath is null ? "" : "（产业链评分）")} (no model reads this score)");
        return score < indicator.Min || score > indicator.Max
            ? ("score", $"“{indicator.Name}”评分须在 {Quantity.Number(indicator.Min)}–{Quantity.Number(indicator.Max)} 之间：{Quantity.Number(score)} (score out of range)")
            : null;
    }

    /// <summary>The enterprise the caller may see (an enterprise user: only its own), else 404 on <paramref name="field"/>.</summary>
    private static async Task<Enterprise> Enterprise(AppDbContext db, Guid id, CancellationToken ct, string field = "enterprise") =>
        await db.Enterprises.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException(field, "企业不存在 (enterprise not found)");

    /// <summary>Money: the amount is not repeated, as the caller may have typed it in 万元 rather than the yuan stored.</summary>
    private static string? NotNegative(decimal? v, string label) => v < 0 ? $"{label}不能为负数 (must not be negative)" : null;
    private static string? NotNegative(int? v, string label) => v < 0 ? $"{label}不能为负数：{v} (must not be negative)" : null;

    private static void Validate(params (string Field, string? Error)[] checks) => SaveEnterprise.Validate(checks);
}
