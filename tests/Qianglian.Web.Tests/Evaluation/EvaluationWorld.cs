using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Evaluation;

/// <summary>
/// A county of 达州 (测评县) with three chains of its own and year-2030 facts, so an index run over it sees only them:
///   甲链: 甲一 (3130, revenue 5亿, output 5.5亿, above scale), 甲二 (3130, revenue 0.1亿, output 0.5亿) → output 6亿, 1 above-scale;
///         two closed problems, one on time → on-time rate 50%.
///   乙链: 乙一 (2611, 12亿 / 12亿), 乙二 (2611, 3亿 / 2.4亿) → output 14.4亿, 2 above-scale, no problem.
///   丙链: nobody.
/// </summary>
internal static class EvaluationWorld
{
    public const int Year = 2030;

    public sealed record Ids(Guid County, Guid Jia, Guid Yi, Guid Bing);

    public static async Task<Ids> EnsureAsync(HostFixture host)
    {
        await using var db = host.OpenSystem();
        if (await db.Jurisdictions.FirstOrDefaultAsync(j => j.Code == "511799") is { } existing)
        {
            var chains = await db.Chains.Where(c => c.JurisdictionId == existing.Id).ToDictionaryAsync(c => c.Name, c => c.Id);
            return new(existing.Id, chains["甲链"], chains["乙链"], chains["丙链"]);
        }
        var city = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
        var county = Jurisdiction.Create("511799", "测评县", JurisdictionLevel.County, city);
        db.Jurisdictions.Add(county);
        await db.SaveChangesAsync();

        Chain NewChain(string name, int ordinal)
        {
            var chain = new Chain { JurisdictionId = county.Id, Name = name, Ordinal = ordinal };
            db.Chains.Add(chain);
            return chain;
        }
        var (jia, yi, bing) = (NewChain("甲链", 1), NewChain("乙链", 2), NewChain("丙链", 3));
        var number = 0;
        Enterprise Firm(Chain chain, string name, string industry, decimal revenueYi, decimal outputYi, ChainRole role = ChainRole.ChainMember)
        {
            var firm = new Enterprise { JurisdictionId = county.Id, Uscc = DemoData.FullUscc($"91511799MA6TXT{++number:000}"), Name = name, IndustryCode = industry };
            db.Enterprises.Add(firm);
            db.EnterpriseFacts.Add(new EnterpriseYearFact { JurisdictionId = county.Id, EnterpriseId = firm.Id, Year = Year, Revenue = revenueYi * 100_000_000m, OutputValue = outputYi * 100_000_000m });
            var node = new ChainNode { JurisdictionId = county.Id, ChainId = chain.Id, Name = name + "环节", Stage = ChainStage.Midstream, Kind = NodeKind.Product };
            db.ChainNodes.Add(node);
            db.EnterpriseNodeLinks.Add(new EnterpriseNodeLink { JurisdictionId = county.Id, EnterpriseId = firm.Id, ChainId = chain.Id, NodeId = node.Id, Role = role, Evidence = EvidenceStrength.Confirmed });
            return firm;
        }
        var jiaOne = Firm(jia, "测评甲一公司", "3130", 5, 5.5m, ChainRole.ChainLeader);
        Firm(jia, "测评甲二公司", "3130", 0.1m, 0.5m);
        Firm(yi, "测评乙一公司", "2611", 12, 12);
        Firm(yi, "测评乙二公司", "2611", 3, 2.4m);
        var now = DateTimeOffset.UtcNow;
        foreach (var onTime in new[] { true, false })
            db.Problems.Add(new Problem
            {
                JurisdictionId = county.Id, EnterpriseId = jiaOne.Id, ChainId = jia.Id, Category = ProblemCategory.Land, Title = "测评问题", Description = "测评",
                Source = ProblemSource.Other, FiledBy = "test", FiledAt = now, Status = ProblemStatus.Closed, ClosedOnTime = onTime, LevelReachedAt = now, DueAt = now, ClosedAt = now,
            });
        await db.SaveChangesAsync();
        return new(county.Id, jia.Id, yi.Id, bing.Id);
    }

    /// <summary>产值 (efficacy 1亿 → 10亿, 50), 规上企业 (ratio of 2, 30), 问题按期办结率 (efficacy 60% → 100%, 20).</summary>
    public static object Model(decimal aboveScaleWeight = 30, decimal benchmark = 2, string onTimeInput = "problemOnTimeRate") => new
    {
        subject = "Chain", praise = new[] { "excellent" }, criticism = new[] { "poor" },
        model = new
        {
            code = "chain-index", name = "测评指数",
            indicators = new object[]
            {
                new { key = "output", name = "产值", input = "output", unit = "yuan", method = "EfficacyCoefficient", good = 1_000_000_000m, bad = 100_000_000m, weight = 50 },
                new { key = "above", name = "规上企业", input = "aboveScaleCount", unit = "家", method = "BenchmarkRatio", benchmark, weight = aboveScaleWeight },
                new { key = "onTime", name = "问题按期办结率", input = onTimeInput, unit = "ratio", method = "EfficacyCoefficient", good = 1m, bad = 0.6m, weight = 20 },
            },
            classification = new
            {
                mode = "ByScore",
                bands = new[] { new { key = "excellent", label = "优秀", minScore = 80 }, new { key = "pass", label = "合格", minScore = 50 }, new { key = "poor", label = "较差", minScore = 0 } },
            },
        },
    };
}
