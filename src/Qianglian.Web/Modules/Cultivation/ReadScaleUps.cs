using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Cultivation;

public sealed record PoolRow(Guid EnterpriseId, string Name, string Uscc, string JurisdictionPath, decimal Revenue, decimal? Growth, int? CrossesIn,
    IReadOnlyList<ProjectedYear> Projected, string Reason);

/// <param name="Target">The yearly net-new target of the caller's jurisdiction or an ancestor (安康: ≥ 100 a year), if any.</param>
public sealed record SmallToScaleView(int Year, int AboveScale, int AboveScaleLastYear, int Entered, int Left, int NetNew, decimal? Target, IReadOnlyList<PoolRow> Items);

public sealed record FourUpsRow(Guid ChainId, string ChainName, string JurisdictionPath, int Enterprises, int AboveScale, int Honoured, int Cloud, int Listed, int IpoReserve);

public sealed record TargetProgress(string Name, string Metric, decimal Value, decimal? ValueMax, int? Year, string Unit, decimal Actual, string Source);

public sealed record FourUpsView(int Year, int Enterprises, int AboveScale, int Honoured, int Cloud, int Listed, IReadOnlyList<TargetProgress> Targets, IReadOnlyList<FourUpsRow> Items);

public sealed record IpoRow(Guid EnterpriseId, string Name, string Uscc, string JurisdictionPath, ListingStatus Stage, decimal? Revenue);

/// <summary>
/// 小升规 and the four "up"s (安康 五, 达州 二（三）, 黔江 2): the pool of industrial enterprises whose growth would
/// carry them above scale, the year's net new above-scale count against the target, 上规/上榜/上云/上市 per chain
/// against the jurisdiction's targets, and the IPO reserve pool by stage.
/// </summary>
public sealed class ReadScaleUps(AppDb dbs, CurrentUser user)
{
    public async Task<SmallToScaleView> SmallToScalePool(int year, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var facts = await (from f in db.EnterpriseFacts.AsNoTracking()
                           join e in db.Enterprises on f.EnterpriseId equals e.Id
                           where f.Year >= year - 2 && f.Year <= year
                           select new { e.Id, e.Name, e.Uscc, e.JurisdictionPath, e.IndustryCode, f.Year, f.Revenue }).ToListAsync(ct);
        var settingsByPath = new Dictionary<string, CultivationSettings>();
        var above = new HashSet<Guid>();
        var aboveLast = new HashSet<Guid>();
        var pool = new List<PoolRow>();
        foreach (var e in facts.GroupBy(f => f.Id))
        {
            var first = e.First();
            var industrial = first.IndustryCode is { } code && IndustryCode.Check(code).IsIndustrial;
            decimal? Revenue(int y) => e.FirstOrDefault(f => f.Year == y)?.Revenue;
            if (Revenue(year) is { } r && AboveScale.Is(industrial, r)) above.Add(e.Key);
            if (Revenue(year - 1) is { } p && AboveScale.Is(industrial, p)) aboveLast.Add(e.Key);
            if (Revenue(year) is not { } revenue) continue;
            if (!settingsByPath.TryGetValue(first.JurisdictionPath, out var settings))
                settingsByPath[first.JurisdictionPath] = settings = await ModelCatalog.Settings(db, first.JurisdictionPath, year, ct);
            var projection = SmallToScale.Project(industrial, year, revenue, Revenue(year - 1), Revenue(year - 2), settings.SmallToScale.ToCore());
            if (projection.InPool)
                pool.Add(new PoolRow(e.Key, first.Name, first.Uscc, first.JurisdictionPath, revenue, projection.Growth, projection.CrossesIn, projection.Projected, projection.Reason));
        }
        var (entered, left, net) = SmallToScale.NetNew(above, aboveLast);
        var target = (await Targets(db, ct)).Where(t => t.Metric == "enterprises.above_scale.net_new").MaxBy(t => t.JurisdictionPath.Length);
        return new SmallToScaleView(year, above.Count, aboveLast.Count, entered, left, net, target?.Value,
            pool.OrderBy(p => p.CrossesIn).ThenByDescending(p => p.Revenue).ToList());
    }

    public async Task<FourUpsView> FourUps(int year, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var enterprises = await (from e in db.Enterprises.AsNoTracking()
                                 join f in db.EnterpriseFacts.Where(f => f.Year == year) on e.Id equals f.EnterpriseId into yearFacts
                                 from f in yearFacts.DefaultIfEmpty()
                                 select new { e.Id, e.IndustryCode, e.Listing, e.CloudAdopted, Revenue = f == null ? (decimal?)null : f.Revenue }).ToListAsync(ct);
        var honoured = (await db.EnterpriseHonours.AsNoTracking().Where(h => h.Year <= year).Select(h => h.EnterpriseId).Distinct().ToListAsync(ct)).ToHashSet();
        var status = enterprises.ToDictionary(e => e.Id, e => (
            Above: e.Revenue is { } r && AboveScale.Is(e.IndustryCode is { } c && IndustryCode.Check(c).IsIndustrial, r),
            Honoured: honoured.Contains(e.Id), e.CloudAdopted, Listed: e.Listing == ListingStatus.Listed, Reserve: e.Listing is not ListingStatus.None and not ListingStatus.Listed));
        var onChains = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                              join c in db.Chains on l.ChainId equals c.Id
                              join e in db.Enterprises on l.EnterpriseId equals e.Id
                              where l.Evidence != EvidenceStrength.Rejected && e.JurisdictionPath.StartsWith(c.JurisdictionPath)
                              select new { l.ChainId, c.Name, c.JurisdictionPath, l.EnterpriseId }).Distinct().ToListAsync(ct);
        var rows = onChains.GroupBy(l => (l.ChainId, l.Name, l.JurisdictionPath)).Select(g =>
        {
            var members = g.Select(l => l.EnterpriseId).Distinct().Where(status.ContainsKey).Select(id => status[id]).ToList();
            return new FourUpsRow(g.Key.ChainId, g.Key.Name, g.Key.JurisdictionPath, members.Count, members.Count(m => m.Above), members.Count(m => m.Honoured),
                members.Count(m => m.CloudAdopted), members.Count(m => m.Listed), members.Count(m => m.Reserve));
        }).OrderBy(r => r.JurisdictionPath).ThenBy(r => r.ChainName).ToList();
        var all = status.Values.ToList();
        var actuals = new Dictionary<string, decimal>
        {
            ["enterprises.above_scale.count"] = all.Count(s => s.Above), ["enterprises.listed.count"] = all.Count(s => s.Listed), ["enterprises.cloud.count"] = all.Count(s => s.CloudAdopted),
        };
        var targets = (await Targets(db, ct)).Where(t => actuals.ContainsKey(t.Metric))
            .Select(t => new TargetProgress(t.Name, t.Metric, t.Value, t.ValueMax, t.Year, t.UnitOfMeasure, actuals[t.Metric], t.Source)).ToList();
        return new FourUpsView(year, all.Count, all.Count(s => s.Above), all.Count(s => s.Honoured), all.Count(s => s.CloudAdopted), all.Count(s => s.Listed), targets, rows);
    }

    public async Task<IReadOnlyList<IpoRow>> IpoPool(CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var rows = await db.Enterprises.AsNoTracking().Where(e => e.Listing != ListingStatus.None)
            .Select(e => new { e.Id, e.Name, e.Uscc, e.JurisdictionPath, e.Listing, Revenue = db.EnterpriseFacts.Where(f => f.EnterpriseId == e.Id).OrderByDescending(f => f.Year).Select(f => (decimal?)f.Revenue).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Listing).ThenBy(r => r.Name).Select(r => new IpoRow(r.Id, r.Name, r.Uscc, r.JurisdictionPath, r.Listing, r.Revenue)).ToList();
    }

    /// <summary>Targets of the caller's jurisdiction and its ancestors (a county works toward its city's target too): inherited configuration.</summary>
    private static Task<List<Evaluation.Target>> Targets(AppDbContext db, CancellationToken ct) => db.InheritedAsync<Evaluation.Target>([db.Scope.Path], ct);
}
