using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// The enterprise-registry metrics the packs' targets name (黔江 2025, 安康): counts of above-scale, 专精特新, high-tech,
/// listed and cloud enterprises, above-scale output and value added, shares of output and of R&amp;D institutions, the
/// energy intensity of value added. Each enterprise counts once, where it is registered; amounts in 亿元.
/// </summary>
public sealed class EnterpriseMetrics : IMetricSource
{
    public const string AboveScaleCount = "enterprises.above_scale.count";
    public const string AboveScaleNetNew = "enterprises.above_scale.net_new";
    public const string Output = "output.industrial.above_scale";
    public const string ValueAdded = "value_added.industrial.above_scale";
    public const string StrategicShare = "output.strategic_emerging.share";
    public const string Srdi = "enterprises.srdi.municipal.count";
    public const string HighTech = "enterprises.high_tech_manufacturing.count";
    public const string Listed = "enterprises.listed.count";
    public const string Champions = "enterprises.champions_and_little_giants.count";
    public const string Cloud = "enterprises.cloud.count";
    public const string RdInstitutionShare = "innovation.above_scale_with_rd_institution.share";
    public const string EnergyIntensity = "energy.intensity.reduction";

    /// <summary>The base year of the 十四五 energy-intensity target (规上工业增加值能耗强度较2020年降低).</summary>
    public const int EnergyBaseYear = 2020;

    private static readonly string[] Keys =
        [AboveScaleCount, AboveScaleNetNew, Output, ValueAdded, StrategicShare, Srdi, HighTech, Listed, Champions, Cloud, RdInstitutionShare, EnergyIntensity];

    public bool Supports(string metric) => Keys.Contains(metric);

    private sealed record Firm(Guid Id, string Name, string? IndustryCode, ListingStatus Listing, bool Cloud)
    {
        public bool Industrial => IndustryCode is { } c && Core.Enterprises.IndustryCode.Check(c).IsIndustrial;
        public bool Manufacturing => IndustryCode is { } c && Core.Enterprises.IndustryCode.Check(c).Section == 'C';
    }

    public async Task<MetricActual?> ActualAsync(AppDbContext db, string metric, MetricQuery q, CancellationToken ct)
    {
        var firms = await db.Enterprises.AsNoTracking().Where(e => e.JurisdictionPath.StartsWith(q.JurisdictionPath))
            .Select(e => new Firm(e.Id, e.Name, e.IndustryCode, e.Listing, e.CloudAdopted)).ToListAsync(ct);
        switch (metric)
        {
            case AboveScaleCount:
            {
                var above = await AboveScale(db, firms, q.Year, ct);
                return above is null ? null : Count(above.Keys, $"{q.Year}年营业收入2000万元及以上的工业企业");
            }
            case AboveScaleNetNew:
            {
                var (now, before) = (await AboveScale(db, firms, q.Year, ct), await AboveScale(db, firms, q.Year - 1, ct));
                if (now is null || before is null) return null;
                var entered = now.Keys.Except(before.Keys).ToList();
                var left = before.Keys.Except(now.Keys).Count();
                return new(now.Count - before.Count, $"{q.Year}年规上企业{now.Count}家，{q.Year - 1}年{before.Count}家，净增{now.Count - before.Count}家（新进{entered.Count}家、退出{left}家）", entered);
            }
            case Output or ValueAdded:
            {
                var above = await AboveScale(db, firms, q.Year, ct);
                if (above is null) return null;
                var sum = above.Values.Sum(f => metric == Output ? f.OutputValue : f.ValueAdded);
                return new(Yi(sum), $"{q.Year}年规上工业企业{above.Count}家{(metric == Output ? "产值" : "增加值")}合计{Yi(sum)}亿元", above.Keys.ToList());
            }
            case StrategicShare:
            {
                var above = await AboveScale(db, firms, q.Year, ct);
                if (above is null || above.Count == 0) return null;
                var ids = above.Keys.ToList();
                var profiles = await db.CultivationProfiles.AsNoTracking().Where(p => ids.Contains(p.EnterpriseId)).ToDictionaryAsync(p => p.EnterpriseId, p => p.StrategicEmerging, ct);
                if (profiles.Count == 0) return null; // nobody has been classified: a 0% would be made up
                var total = above.Values.Sum(f => f.OutputValue);
                var emerging = above.Where(a => profiles.GetValueOrDefault(a.Key)).ToList();
                var share = total == 0 ? 0 : Math.Round(100m * emerging.Sum(a => a.Value.OutputValue) / total, 1);
                return new(share, $"{q.Year}年规上工业产值{Yi(total)}亿元，其中标注为战略性新兴产业的{emerging.Count}家{Yi(emerging.Sum(a => a.Value.OutputValue))}亿元，占{share}%（{profiles.Count}家已标注）",
                    emerging.Select(a => a.Key).ToList());
            }
            case Srdi:
                return await Honoured(db, firms, q.Year, h => h.Kind is HonourKind.SrdiSme or HonourKind.LittleGiant && h.Level <= HonourLevel.Municipal,
                    "市级及以上“专精特新”（含“小巨人”）企业", _ => true, ct);
            case HighTech:
                return await Honoured(db, firms, q.Year, h => h.Kind == HonourKind.HighTech, "制造业（GB/T 4754 C门类）高新技术企业", f => f.Manufacturing, ct);
            case Champions:
                return await Honoured(db, firms, q.Year, h => h.Kind is HonourKind.SingleChampion or HonourKind.LittleGiant && h.Level == HonourLevel.National,
                    "国家级制造业单项冠军和专精特新“小巨人”企业", _ => true, ct);
            case Listed:
                return Count(firms.Where(f => f.Listing == ListingStatus.Listed).Select(f => f.Id), "上市企业");
            case Cloud:
                return Count(firms.Where(f => f.Cloud).Select(f => f.Id), "已“上云”的企业");
            case RdInstitutionShare:
            {
                var above = await AboveScale(db, firms, q.Year, ct);
                if (above is null || above.Count == 0) return null;
                var ids = above.Keys.ToList();
                var with = await db.CultivationProfiles.AsNoTracking().Where(p => ids.Contains(p.EnterpriseId) && p.RdInstitutionLevel > 0).Select(p => p.EnterpriseId).ToListAsync(ct);
                var share = Math.Round(100m * with.Count / above.Count, 1);
                return new(share, $"{q.Year}年规上工业企业{above.Count}家，建有研发机构的{with.Count}家，占{share}%", with);
            }
            case EnergyIntensity:
            {
                var (now, baseYear) = (await AboveScale(db, firms, q.Year, ct), await AboveScale(db, firms, EnergyBaseYear, ct));
                if (now is null || baseYear is null) return null;
                decimal? Intensity(IReadOnlyDictionary<Guid, EnterpriseYearFact> f) =>
                    f.Values.Sum(x => x.ValueAdded) is > 0 and var va ? f.Values.Sum(x => x.EnergyTce) / (va / 10_000m) : null;
                if (Intensity(now) is not { } i || Intensity(baseYear) is not { } b || b == 0) return null;
                var reduction = Math.Round(100m * (1 - i / b), 1);
                return new(reduction, $"规上工业增加值能耗：{EnergyBaseYear}年{b:0.###}吨标煤/万元，{q.Year}年{i:0.###}吨标煤/万元，降低{reduction}%", now.Keys.ToList());
            }
            default:
                return null;
        }
    }

    /// <summary>The above-scale enterprises of the year with their facts; null when no enterprise reported facts for the year.</summary>
    private static async Task<IReadOnlyDictionary<Guid, EnterpriseYearFact>?> AboveScale(AppDbContext db, IReadOnlyList<Firm> firms, int year, CancellationToken ct)
    {
        var industrial = firms.Where(f => f.Industrial).Select(f => f.Id).ToHashSet();
        var ids = firms.Select(f => f.Id).ToList();
        var facts = await db.EnterpriseFacts.AsNoTracking().Where(f => f.Year == year && ids.Contains(f.EnterpriseId)).ToListAsync(ct);
        if (facts.Count == 0) return null;
        return facts.Where(f => Core.Enterprises.AboveScale.Is(industrial.Contains(f.EnterpriseId), f.Revenue)).ToDictionary(f => f.EnterpriseId);
    }

    private static async Task<MetricActual> Honoured(AppDbContext db, IReadOnlyList<Firm> firms, int year, Func<EnterpriseHonour, bool> which, string what,
        Func<Firm, bool> eligible, CancellationToken ct)
    {
        var ids = firms.Where(eligible).Select(f => f.Id).ToList();
        var honours = await db.EnterpriseHonours.AsNoTracking().Where(h => h.EnterpriseId != null && ids.Contains(h.EnterpriseId.Value) && h.Year <= year).ToListAsync(ct);
        return Count(honours.Where(which).Select(h => h.EnterpriseId!.Value).Distinct(), $"截至{year}年获评的{what}");
    }

    private static MetricActual Count(IEnumerable<Guid> ids, string what)
    {
        var list = ids.ToList();
        return new(list.Count, $"{what}：{list.Count}家", list);
    }

    /// <remarks>Trailing zeros dropped (PostgreSQL's numeric keeps the column's scale), so explanations read 32.5亿元 on both databases.</remarks>
    internal static decimal Yi(decimal yuan) => Math.Round(yuan / 100_000_000m, 2) / 1.000000000000000000000000000000000m;
}
