using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Evaluation;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// The targets answered by what officials record rather than by enterprise facts: recognitions in the honours
/// registry (达州 省级“链主”、省级先进制造业集群; 黔江 智能工厂、数字化车间、5G、绿色、研发机构; 安康 “揭榜挂帅”), events
/// (达州 产业发展（推介）大会), and yearly jurisdiction statistics (黔江 综合指数排位、工业贷款占比; 安康 工业用地占比、
/// 标准化厂房、百亿级首位产业). Every explanation names the rows behind the figure — enterprises, parks, events,
/// statistics and their sources — by name; a statistic not entered gives no figure.
/// </summary>
public sealed class RecordedMetrics : IMetricSource
{
    public const string ProvincialChainLeaders = "enterprises.chain_leaders.provincial.count";
    public const string ProvincialClusters = "clusters.provincial_advanced_manufacturing.count";
    public const string IndustryConferences = "events.industry_conference.count";
    public const string JiebangProjects = "innovation.jiebang_projects.count";
    public const string CityRank = "evaluation.industrial_index.city_rank";
    public const string RegionRank = "evaluation.industrial_index.region_rank";
    public const string LoanShareRise = "finance.industrial_loans.share_rise";
    public const string LandShare = "land.industrial.share";
    public const string StandardFactories = "parks.standard_factory_reserve.area";
    public const string HundredBillionLeading = "industries.hundred_billion_leading.count";

    /// <summary>Recognitions held by the end of the year (到2025年建成…): the kind, the levels that count, and how the text says it.</summary>
    private static readonly Dictionary<string, (HonourKind Kind, HonourLevel[] Levels, string What)> Held = new()
    {
        [ProvincialChainLeaders] = (HonourKind.ChainLeader, [HonourLevel.Provincial], "省级“链主”企业"),
        [ProvincialClusters] = (HonourKind.AdvancedManufacturingCluster, [HonourLevel.Provincial], "省级先进制造业集群"),
        ["digital.smart_factories.count"] = (HonourKind.SmartFactory, AnyLevel, "创新示范智能工厂"),
        ["digital.workshops.municipal.count"] = (HonourKind.DigitalWorkshop, AnyLevel, "市级及以上数字化车间"),
        ["digital.5g_industrial_internet.count"] = (HonourKind.FiveGIndustrialInternet, AnyLevel, "“5G+工业互联网”新场景示范项目"),
        ["green.parks.count"] = (HonourKind.GreenPark, AnyLevel, "绿色园区"),
        ["green.factories.count"] = (HonourKind.GreenFactory, AnyLevel, "绿色工厂"),
        ["green.water_saving_enterprises.count"] = (HonourKind.WaterSavingEnterprise, AnyLevel, "节水型企业"),
        ["green.water_efficiency_leaders.count"] = (HonourKind.WaterEfficiencyLeader, AnyLevel, "水效领跑者"),
        ["innovation.municipal_tech_centers.count"] = (HonourKind.TechCenter, AnyLevel, "市级及以上企业技术中心"),
        ["innovation.municipal_sme_rd_centers.count"] = (HonourKind.SmeRdCenter, AnyLevel, "市级及以上中小企业研发中心"),
        ["innovation.municipal_demo_enterprises.count"] = (HonourKind.InnovationDemo, AnyLevel, "市级及以上技术创新示范企业"),
    };

    private static HonourLevel[] AnyLevel => [HonourLevel.National, HonourLevel.Provincial, HonourLevel.Municipal];

    /// <summary>One year's statistic read as it was entered.</summary>
    private static readonly Dictionary<string, StatisticKind> Statistics = new()
    {
        [CityRank] = StatisticKind.IndustrialIndexCityRank, [RegionRank] = StatisticKind.IndustrialIndexRegionRank,
        [LandShare] = StatisticKind.IndustrialLandShare, [StandardFactories] = StatisticKind.StandardFactoryReserve,
    };

    /// <summary>Names listed in an explanation before "等" closes the list.</summary>
    private const int NamesShown = 20;

    public bool Supports(string metric) =>
        Held.ContainsKey(metric) || Statistics.ContainsKey(metric) || metric is IndustryConferences or JiebangProjects or LoanShareRise or HundredBillionLeading;

    public async Task<MetricActual?> ActualAsync(AppDbContext db, string metric, MetricQuery q, CancellationToken ct)
    {
        if (Held.TryGetValue(metric, out var held))
            return await Honours(db, q, held.Kind, held.Levels, h => h.Year <= q.Year, $"截至{q.Year}年获评的{held.What}", ct);
        if (Statistics.TryGetValue(metric, out var kind))
        {
            var row = await Statistic(db, q.JurisdictionPath, kind, q.Year, ct);
            return row is null ? null : new(row.Value / 1.0000000000000000000000000000m, Describe(row), [row.Id]);
        }
        switch (metric)
        {
            // 安康 六：每年遴选不少于10个产业化应用项目推荐进入全省……清单 — the year's recommendations.
            case JiebangProjects:
                return await Honours(db, q, HonourKind.JiebangProject, AnyLevel, h => h.Year == q.Year, $"{q.Year}年推荐的“揭榜挂帅”产业化应用项目", ct);
            case IndustryConferences:
                return await Conferences(db, q, ct);
            case LoanShareRise:
            {
                var (now, before) = (await Statistic(db, q.JurisdictionPath, StatisticKind.IndustrialLoanShare, q.Year, ct),
                    await Statistic(db, q.JurisdictionPath, StatisticKind.IndustrialLoanShare, q.Year - 1, ct));
                if (YearlyRise.Points(now?.Value, before?.Value) is not { } rise) return null;
                rise /= 1.0000000000000000000000000000m;
                return new(rise, $"工业贷款占全部贷款的比重较上年{(rise >= 0 ? "提升" : "下降")}{Math.Abs(rise)}个百分点：{Describe(now!)}；{Describe(before!)}", [now!.Id, before!.Id]);
            }
            case HundredBillionLeading:
            {
                var rows = await db.JurisdictionStatistics.AsNoTracking()
                    .Where(s => s.JurisdictionPath == q.JurisdictionPath && s.Kind == StatisticKind.LeadingIndustryOutput && s.Year == q.Year).ToListAsync(ct);
                if (rows.Count == 0) return null;
                var reached = LeadingIndustries.AtHundredBillion(rows.Select(r => (r.Subject, r.Value)));
                return new(reached.Count, $"{q.Year}年产值达{LeadingIndustries.HundredBillionYi}亿元的首位工业产业{reached.Count}个" +
                                          $"{(reached.Count > 0 ? "（" + string.Join("、", reached) + "）" : "")}；已录入：{string.Join("；", rows.OrderBy(r => r.Subject, StringComparer.Ordinal).Select(Describe))}",
                    rows.Select(r => r.Id).ToList());
            }
            default:
                return null;
        }
    }

    /// <summary>
    /// The recognitions of a kind held in the jurisdiction's subtree (enterprises where they are registered, parks and
    /// clusters where they are kept), each holder counted once.
    /// </summary>
    private static async Task<MetricActual> Honours(AppDbContext db, MetricQuery q, HonourKind kind, HonourLevel[] levels,
        System.Linq.Expressions.Expression<Func<EnterpriseHonour, bool>> when, string what, CancellationToken ct)
    {
        var honours = await db.EnterpriseHonours.AsNoTracking().Where(h => h.JurisdictionPath.StartsWith(q.JurisdictionPath) && h.Kind == kind && levels.Contains(h.Level))
            .Where(when).ToListAsync(ct);
        var ids = honours.Where(h => h.EnterpriseId != null).Select(h => h.EnterpriseId!.Value).Distinct().ToList();
        var names = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var holders = honours
            .GroupBy(h => h.EnterpriseId is { } id ? names.GetValueOrDefault(id, "") : h.HolderName ?? "")
            .Where(g => g.Key.Length > 0)
            .Select(g => (Name: g.Key, First: g.OrderBy(h => h.Year).First()))
            .OrderBy(h => h.First.Year).ThenBy(h => h.Name, StringComparer.Ordinal).ToList();
        var listed = holders.Take(NamesShown).Select(h => $"{h.Name}（{h.First.Year}年{HonourNames.Of(h.First.Level)}{(h.First.DocumentNumber is { } d ? "，" + d : "")}）");
        var text = holders.Count == 0
            ? $"{what}：0个（荣誉名录中尚无此类认定记录）"
            : $"{what}：{holders.Count}个——{string.Join("、", listed)}{(holders.Count > NamesShown ? $"等{holders.Count}个" : "")}";
        return new(holders.Count, text, holders.Select(h => h.First.EnterpriseId ?? h.First.Id).ToList());
    }

    /// <summary>达州 （五）：各产业领域每年至少举办一场产业发展（推介）大会 — the year's conferences, of one domain when the line is per domain.</summary>
    private static async Task<MetricActual> Conferences(AppDbContext db, MetricQuery q, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(q.Year, 1, 1), new DateOnly(q.Year, 12, 31));
        var domain = Guid.TryParse(q.ScopeRef, out var id) ? id : (Guid?)null;
        var events = await db.IndustryEvents.AsNoTracking()
            .Where(e => e.JurisdictionPath.StartsWith(q.JurisdictionPath) && e.Kind == IndustryEventKind.IndustryConference && e.HeldOn >= from && e.HeldOn <= to
                        && (domain == null || e.EcosystemId == domain))
            .OrderBy(e => e.HeldOn).ThenBy(e => e.Name).ToListAsync(ct);
        var what = $"{q.Year}年举办的产业发展（推介）大会";
        return new(events.Count, events.Count == 0 ? $"{what}：0场（尚无活动记录）"
            : $"{what}：{events.Count}场——{string.Join("、", events.Take(NamesShown).Select(e => $"{e.Name}（{e.HeldOn:yyyy-MM-dd}）"))}{(events.Count > NamesShown ? $"等{events.Count}场" : "")}",
            events.Select(e => e.Id).ToList());
    }

    /// <summary>The statistic entered for exactly this jurisdiction (a county's own figure is not the city's).</summary>
    private static Task<JurisdictionStatistic?> Statistic(AppDbContext db, string path, StatisticKind kind, int year, CancellationToken ct) =>
        db.JurisdictionStatistics.AsNoTracking().Where(s => s.JurisdictionPath == path && s.Kind == kind && s.Year == year && s.Subject == "").FirstOrDefaultAsync(ct);

    private static string Describe(JurisdictionStatistic s) =>
        $"{s.Year}年{(s.Subject.Length > 0 ? s.Subject : "")}{JurisdictionStatistics.KindName(s.Kind)}{s.Value / 1.0000000000000000000000000000m}{JurisdictionStatistics.Unit(s.Kind)}" +
        $"（来源：{s.Source}；{(s.AttachmentName is { } a ? "附件：" + a : "未附原件")}）";
}
