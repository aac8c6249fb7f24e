using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

public sealed record ProfileView(DateOnly? ProductionStartedOn, int? NicheSinceYear, bool StrategicEmerging, int RdInstitutionLevel, bool MajorProjectUnderConstruction, int Version);

public sealed record SupplementaryView(decimal? MainBusinessRevenue, decimal? TotalAssets, decimal? TotalLiabilities, int? RdStaff, int? HighValueIp, int? OwnClassOneIp,
    int? ClassOneIp, int? ClassTwoIp, decimal? EquityFinancing2y, int Version);

/// <param name="Message">Why there is no gradient assessment (no facts for the year).</param>
/// <param name="Years">The years with facts or supplementary figures, latest first.</param>
public sealed record EnterpriseCultivationView(Guid Id, string Name, string Uscc, string JurisdictionPath, int Year, bool HasFacts, string? Message,
    GradientAssessment? Gradient, SubjectScore? Innovative, IReadOnlyList<ResultView> Results, IReadOnlyList<TierView> Tiers, IReadOnlyList<ExitView> Exits,
    ProfileView? Profile, SupplementaryView? Supplementary, IReadOnlyList<int> Years);

/// <summary>
/// Everything cultivation knows of one enterprise for a year: its 专精特新 pre-score (computed now, with the
/// shortfalls), its results in every review and grading (each openable with its explanation), its tier history and
/// exits, and the profile and supplementary figures behind them.
/// </summary>
public sealed class ExplainEnterprise(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public async Task<EnterpriseCultivationView> Handle(Guid enterpriseId, int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var e = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(x => x.Id == enterpriseId, ct) ?? throw new NotFoundException("enterprise", "企业不存在 (enterprise not found)");
        var y = year ?? await db.EnterpriseFacts.Where(f => f.EnterpriseId == enterpriseId).MaxAsync(f => (int?)f.Year, ct) ?? clock.GetUtcNow().Year - 1;
        var assessed = (await ReadGradient.AssessAsync(db, [enterpriseId], y, CultivationClock.YearEnd(y), ct)).FirstOrDefault();
        var results = await (from x in db.EvaluationResults.AsNoTracking()
                             join r in db.EvaluationRuns on x.RunId equals r.Id
                             join c in db.Chains on x.ChainId equals c.Id into chains
                             from c in chains.DefaultIfEmpty()
                             where x.EnterpriseId == enterpriseId
                             orderby r.Year descending, r.Id descending
                             select new { x, ChainName = c == null ? null : c.Name }).ToListAsync(ct);
        // The group each grading ranked the enterprise in (规上 / 规下), from the model that graded it (kept above the enterprise).
        var modelIds = results.Select(r => r.x.ModelId).Distinct().ToList();
        var groups = (await db.InheritedAsync<CultivationModel>([e.JurisdictionPath], ct, m => modelIds.Contains(m.Id)))
            .ToDictionary(m => m.Id, m => ModelCatalog.GroupOf(m.Code));
        var profile = await db.CultivationProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.EnterpriseId == enterpriseId, ct);
        var extra = await db.CultivationYears.AsNoTracking().FirstOrDefaultAsync(p => p.EnterpriseId == enterpriseId && p.Year == y, ct);
        var years = (await db.EnterpriseFacts.Where(f => f.EnterpriseId == enterpriseId).Select(f => f.Year).ToListAsync(ct))
            .Concat(await db.CultivationYears.Where(c => c.EnterpriseId == enterpriseId).Select(c => c.Year).ToListAsync(ct))
            .Distinct().OrderDescending().ToList();
        return new EnterpriseCultivationView(e.Id, e.Name, e.Uscc, e.JurisdictionPath, y, assessed is not null,
            assessed is null ? $"缺少{y}年度企业数据，无法预评 (no facts for {y})" : null, assessed?.Assessment, assessed?.Innovative,
            results.Select(r => ReadRuns.View(r.x, e.Name, e.Uscc, r.ChainName, groups.GetValueOrDefault(r.x.ModelId))).ToList(),
            await ReadTierLedger.Tiers(db, null, true, enterpriseId, ct), await ReadTierLedger.Exits(db, enterpriseId, ct),
            profile is null ? null : new ProfileView(profile.ProductionStartedOn, profile.NicheSinceYear, profile.StrategicEmerging, profile.RdInstitutionLevel, profile.MajorProjectUnderConstruction, profile.Version),
            extra is null ? null : new SupplementaryView(extra.MainBusinessRevenue, extra.TotalAssets, extra.TotalLiabilities, extra.RdStaff, extra.HighValueIp, extra.OwnClassOneIp,
                extra.ClassOneIp, extra.ClassTwoIp, extra.EquityFinancing2y, extra.Version), years);
    }
}
