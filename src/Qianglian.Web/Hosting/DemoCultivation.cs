using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Hosting;

/// <summary>
/// Demo cultivation data for 西区: the chain-leader model adopted from 达州's and the per-mu models and settings from
/// 安康's (as an office would save them), fourteen more industrial enterprises with 2023–2024 facts, profiles,
/// supplementary figures, honours and listing stages, expert scores for the demo chain's leader and member, and a
/// ledger whose next review promotes, admits, keeps and exits. Demo data only; idempotent by the 西区 chain-leader model.
/// </summary>
public sealed class DemoCultivation(AppDb dbs, TimeProvider clock)
{
    private sealed record Firm(string Suffix, string Name, string Industry, decimal RevenueYi, decimal Growth, decimal TaxRate, decimal RdRate, decimal LandPerYi,
        decimal EnergyPerYi, ListingStatus Listing = ListingStatus.None, bool Cloud = false);

    private static readonly Firm[] Firms =
    [
        new("01", "演示·西区钛合金制品有限公司", "3259", 3.2m, 0.18m, 0.045m, 0.045m, 18, 600, ListingStatus.Counselling, true),
        new("02", "演示·西区钒电池材料有限公司", "3849", 1.8m, 0.35m, 0.040m, 0.060m, 15, 500, ListingStatus.Reserve, true),
        new("03", "演示·西区精密铸造有限公司", "3391", 0.9m, 0.06m, 0.025m, 0.020m, 40, 1500),
        new("04", "演示·西区机械制造有限公司", "3421", 1.2m, 0.10m, 0.030m, 0.030m, 30, 900, Cloud: true),
        new("05", "演示·西区新型建材有限公司", "3021", 0.6m, -0.05m, 0.020m, 0.005m, 60, 2500),
        new("06", "演示·西区食品加工有限公司", "1391", 0.45m, 0.08m, 0.030m, 0.010m, 35, 400),
        new("07", "演示·西区包装材料有限公司", "2231", 0.16m, 0.30m, 0.030m, 0.020m, 40, 600),
        new("08", "演示·西区电子元件有限公司", "3989", 0.18m, 0.25m, 0.040m, 0.080m, 25, 300, Cloud: true),
        new("09", "演示·西区化工助剂有限公司", "2661", 0.12m, 0.12m, 0.035m, 0.030m, 50, 1200),
        new("10", "演示·西区环保设备有限公司", "3591", 0.15m, 0.40m, 0.030m, 0.050m, 30, 400),
        new("11", "演示·西区耐火材料有限公司", "3089", 0.35m, 0.02m, 0.020m, 0.010m, 80, 3000),
        new("12", "演示·西区汽车零部件有限公司", "3670", 2.4m, 0.15m, 0.035m, 0.035m, 20, 700, ListingStatus.Filing),
        new("13", "演示·西区热力供应有限公司", "4430", 1.1m, 0.03m, 0.020m, 0.002m, 20, 5000),
        new("14", "演示·西区新能源装备有限公司", "3825", 0.8m, 0.50m, 0.030m, 0.050m, 25, 300),
    ];

    public async Task EnsureAsync(CancellationToken ct)
    {
        await QianjiangLeaderAsync(ct);
        await using var db = dbs.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403", ct);
        if (await db.CultivationModels.AnyAsync(m => m.JurisdictionId == xiqu.Id && m.Code == ModelCatalog.ChainLeader, ct)) return;
        var now = clock.GetUtcNow();
        foreach (var (code, from) in new[] { (ModelCatalog.ChainLeader, "511700"), (ModelCatalog.PerMuAbove, "610900"), (ModelCatalog.PerMuBelow, "610900"), (ModelCatalog.SettingsCode, "610900") })
        {
            var source = await db.CultivationModels.Where(m => m.Code == code && m.FromPack && m.JurisdictionPath.EndsWith($"/{from}/")).OrderByDescending(m => m.Revision).FirstAsync(ct);
            db.CultivationModels.Add(new CultivationModel
            {
                JurisdictionId = xiqu.Id, Kind = source.Kind, Code = code, Name = source.Name, Year = source.Year, Revision = 1, Definition = source.Definition,
                ContentHash = source.ContentHash, Origin = "演示数据（参照达州、安康参数）", CreatedAt = now,
            });
        }

        var firms = new List<Enterprise>();
        foreach (var f in Firms)
        {
            var uscc = DemoData.FullUscc("91510403MA6CUL0" + f.Suffix);
            var e = await db.Enterprises.FirstOrDefaultAsync(x => x.Uscc == uscc, ct)
                    ?? db.Enterprises.Add(new Enterprise { Uscc = uscc, Name = f.Name, JurisdictionId = xiqu.Id, IndustryCode = f.Industry, Listing = f.Listing, CloudAdopted = f.Cloud }).Entity;
            firms.Add(e);
            foreach (var (year, scale) in new[] { (2023, 1m / (1 + f.Growth)), (2024, 1m) })
            {
                var revenue = Math.Round(f.RevenueYi * scale * 100_000_000m, 2);
                db.EnterpriseFacts.Add(new EnterpriseYearFact
                {
                    JurisdictionId = xiqu.Id, EnterpriseId = e.Id, Year = year, Revenue = revenue, OutputValue = revenue * 0.95m, ValueAdded = revenue * 0.26m,
                    Profit = revenue * 0.06m, TaxPaid = revenue * f.TaxRate, Employees = (int)(f.RevenueYi * 90) + 25, RdSpend = revenue * f.RdRate,
                    InventionPatents = (int)(f.RdRate * 300), EnergyTce = f.RevenueYi * f.EnergyPerYi, ElectricityKwh = f.RevenueYi * f.EnergyPerYi * 8000m,
                    EmissionsTonnes = f.RevenueYi * 3m, LandMu = Math.Round(f.RevenueYi * f.LandPerYi + 8, 1),
                });
            }
        }
        db.CultivationProfiles.Add(new CultivationProfile { JurisdictionId = xiqu.Id, EnterpriseId = firms[13].Id, ProductionStartedOn = new DateOnly(2024, 3, 1) });
        db.CultivationProfiles.Add(new CultivationProfile { JurisdictionId = xiqu.Id, EnterpriseId = firms[4].Id, MajorProjectUnderConstruction = true, ProductionStartedOn = new DateOnly(2012, 5, 1) });
        foreach (var (firm, since, level, emerging) in new[] { (firms[1], 2018, 3, true), (firms[7], 2016, 2, true), (firms[9], 2021, 1, true), (firms[2], 2010, 2, false) })
        {
            db.CultivationProfiles.Add(new CultivationProfile { JurisdictionId = xiqu.Id, EnterpriseId = firm.Id, NicheSinceYear = since, RdInstitutionLevel = level, StrategicEmerging = emerging, ProductionStartedOn = new DateOnly(since, 1, 1) });
            db.CultivationYears.Add(new CultivationYear
            {
                JurisdictionId = xiqu.Id, EnterpriseId = firm.Id, Year = 2024, MainBusinessRevenue = Firms[firms.IndexOf(firm)].RevenueYi * 100_000_000m * 0.82m,
                TotalAssets = 100_000_000m, TotalLiabilities = firm == firms[2] ? 78_000_000m : 48_000_000m, RdStaff = 12,
                HighValueIp = firm == firms[1] ? 1 : 0, OwnClassOneIp = 2, ClassOneIp = 3, ClassTwoIp = 6, EquityFinancing2y = 0,
            });
        }
        db.EnterpriseHonours.Add(new EnterpriseHonour { JurisdictionId = xiqu.Id, EnterpriseId = firms[1].Id, Kind = HonourKind.InnovativeSme, Level = HonourLevel.Provincial, Year = 2023 });
        db.EnterpriseHonours.Add(new EnterpriseHonour { JurisdictionId = xiqu.Id, EnterpriseId = firms[1].Id, Kind = HonourKind.SrdiSme, Level = HonourLevel.Provincial, Year = 2024 });
        db.EnterpriseHonours.Add(new EnterpriseHonour { JurisdictionId = xiqu.Id, EnterpriseId = firms[7].Id, Kind = HonourKind.InnovativeSme, Level = HonourLevel.Provincial, Year = 2024 });

        var chain = await db.Chains.SingleAsync(c => c.JurisdictionId == xiqu.Id && c.Name == DemoChain.Name, ct);
        var named = await db.Enterprises.Where(e => e.Name.StartsWith("演示·西区")).ToDictionaryAsync(e => e.Name, ct);
        var (green, titanium, mining, lab) = (named["演示·西区绿色化工有限公司"], named["演示·西区钒钛新材料有限公司"], named["演示·西区钛精矿选矿有限公司"], named["演示·西区检验检测服务有限公司"]);
        foreach (var (who, key, score) in new[] { (green, "position", 10m), (green, "innovation", 10m), (green, "integration", 10m), (titanium, "position", 8m), (titanium, "innovation", 8m), (titanium, "integration", 7m) })
            db.ExpertScores.Add(new ExpertScore { JurisdictionId = xiqu.Id, EnterpriseId = who.Id, ChainId = chain.Id, Year = 2024, Key = key, Score = score, Reviewer = "演示专家组" });
        foreach (var (who, tier) in new[] { (green, Tier.Cultivation), (mining, Tier.Candidate), (lab, Tier.Candidate) })
            db.TierMemberships.Add(new TierMembership { JurisdictionId = xiqu.Id, EnterpriseId = who.Id, ChainId = chain.Id, Tier = tier, FromYear = 2024 });
        // Facts of 2023 for the demo chain's enterprises, so growth can be scored.
        foreach (var fact in await db.EnterpriseFacts.AsNoTracking().Where(f => f.Year == 2024 && (f.EnterpriseId == green.Id || f.EnterpriseId == titanium.Id || f.EnterpriseId == mining.Id || f.EnterpriseId == lab.Id)).ToListAsync(ct))
            if (!await db.EnterpriseFacts.AnyAsync(f => f.EnterpriseId == fact.EnterpriseId && f.Year == 2023, ct))
                db.EnterpriseFacts.Add(new EnterpriseYearFact
                {
                    JurisdictionId = fact.JurisdictionId, EnterpriseId = fact.EnterpriseId, Year = 2023, Revenue = fact.Revenue * 0.85m, OutputValue = fact.OutputValue * 0.85m,
                    ValueAdded = fact.ValueAdded * 0.85m, TaxPaid = fact.TaxPaid * 0.85m, Employees = fact.Employees, RdSpend = fact.RdSpend * 0.8m, LandMu = fact.LandMu,
                });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>黔江's demo enterprise as the 链主 of its 新材料 chain, with three years of output: +25% in 2023
    /// (meets 黔江's 20% target), +15% in 2024 (misses it). Idempotent by the link.</summary>
    private async Task QianjiangLeaderAsync(CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        var firm = await db.Enterprises.FirstOrDefaultAsync(e => e.Uscc == DemoData.FullUscc("91500114MA6DEM006"), ct);
        var chain = await db.Chains.FirstOrDefaultAsync(c => c.Name == "新材料" && c.JurisdictionPath.EndsWith("/500114/"), ct);
        if (firm is null || chain is null || await db.EnterpriseNodeLinks.AnyAsync(l => l.EnterpriseId == firm.Id && l.ChainId == chain.Id, ct)) return;
        var node = await db.ChainNodes.FirstOrDefaultAsync(n => n.ChainId == chain.Id, ct)
                   ?? db.ChainNodes.Add(new ChainNode { JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, Name = "玻纤复合材料", Stage = ChainStage.Midstream, Kind = NodeKind.Material }).Entity;
        db.EnterpriseNodeLinks.Add(new EnterpriseNodeLink
        {
            JurisdictionId = firm.JurisdictionId, EnterpriseId = firm.Id, ChainId = chain.Id, NodeId = node.Id, Role = ChainRole.ChainLeader,
            Evidence = EvidenceStrength.Confirmed, EvidenceNote = "演示数据：新材料产业链链主",
        });
        foreach (var (year, outputYi) in new[] { (2022, 8m), (2023, 10m), (2024, 11.5m) })
        {
            var fact = await db.EnterpriseFacts.FirstOrDefaultAsync(f => f.EnterpriseId == firm.Id && f.Year == year, ct);
            if (fact is null)
                db.EnterpriseFacts.Add(fact = new EnterpriseYearFact { JurisdictionId = firm.JurisdictionId, EnterpriseId = firm.Id, Year = year, Employees = 420, LandMu = 180 });
            (fact.OutputValue, fact.Revenue, fact.ValueAdded) = (outputYi * 100_000_000m, outputYi * 95_000_000m, outputYi * 25_000_000m);
        }
        await db.SaveChangesAsync(ct);
    }
}
