using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Hosting;

/// <summary>
/// Demo supply-demand posts (供需对接) on the demo chain: the 链主's need for 钛精矿 answered by the local concentrator
/// and closed as a deal, a testing need brokered to the local lab (contacted), and open posts that still wait for a
/// counterpart (海绵钛 on offer, 钒渣 wanted — a node the chain lacks). Keywords and match scores as the module computes
/// them. Demo data only; idempotent (added once per chain).
/// </summary>
public sealed class DemoSupplyDemand(AppDb dbs, TimeProvider clock, ProductSegmenter segmenter, ReadSupplyDemand reader)
{
    private const string By = "演示数据";

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        var chain = await db.Chains.FirstAsync(c => c.Name == DemoChain.Name, ct);
        if (await db.SupplyDemandPosts.AnyAsync(p => p.ChainId == chain.Id && p.PostedBy == By, ct)) return;
        var nodes = await db.ChainNodes.Where(n => n.ChainId == chain.Id).ToDictionaryAsync(n => n.Name, n => n.Id, ct);
        segmenter.Learn(nodes.Keys);
        var firms = await db.Enterprises.Where(e => e.Uscc.StartsWith("915")).ToDictionaryAsync(e => e.Name, ct);
        var leaders = (await db.EnterpriseNodeLinks.Where(l => l.ChainId == chain.Id && l.Role == ChainRole.ChainLeader).Select(l => l.EnterpriseId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();

        SupplyDemandPost Post(string firm, PostKind kind, string node, string product, string description, int daysAgo, SupplyDemandPost? answers = null)
        {
            var enterprise = firms[firm];
            var post = new SupplyDemandPost
            {
                JurisdictionId = enterprise.JurisdictionId, EnterpriseId = enterprise.Id, Kind = kind, ChainId = chain.Id, NodeId = nodes[node], Product = product,
                Description = description, Keywords = string.Join(' ', segmenter.KeywordsOf($"{product} {description}").Order(StringComparer.Ordinal)),
                ChainLeaderNeed = kind == PostKind.Demand && leaders.Contains(enterprise.Id), AnswersPostId = answers?.Id,
                PostedAt = now.AddDays(-daysAgo), PostedBy = By,
            };
            db.SupplyDemandPosts.Add(post);
            return post;
        }

        var need = Post("演示·西区绿色化工有限公司", PostKind.Demand, "钛精矿", "高品位钛精矿",
            "氯化法钛白粉技改投产后年需TiO2品位47%以上的钛精矿约3万吨，优先本地配套。", 40);
        var concentrate = Post("演示·西区钛精矿选矿有限公司", PostKind.Supply, "钛精矿", "钛精矿（TiO2品位47%）",
            "选矿二期投产后年产钛精矿20万吨，可按月稳定供货。", 35, need);
        var testing = Post("演示·西区钒钛新材料有限公司", PostKind.Demand, "检验检测", "钛材化学成分检测",
            "海绵钛及钛锭批次化学成分与氧氮氢含量检测，每月约200批次。", 25);
        var lab = Post("演示·西区检验检测服务有限公司", PostKind.Supply, "检验检测", "钛及钛合金化学成分检测",
            "具备CMA资质，可检测钛及钛合金化学成分与氧氮氢含量，三个工作日出具报告。", 20);
        Post("演示·西区钒钛新材料有限公司", PostKind.Supply, "海绵钛", "0级海绵钛", "年产能5000吨，可供钛锭、钛材加工企业。", 15);
        Post("演示·西区钒钛新材料有限公司", PostKind.Demand, "钒渣", "高钙钒渣", "钒制品扩产年需钒渣约8000吨，本地暂无供应。", 10);
        await db.SaveChangesAsync(ct);   // the posts' jurisdiction paths, which the scores read

        async Task Match(SupplyDemandPost demand, SupplyDemandPost supply, MatchStatus status, decimal? amount, string note) =>
            db.SupplyDemandMatches.Add(new SupplyDemandMatch
            {
                JurisdictionId = demand.JurisdictionId, DemandPostId = demand.Id, SupplyPostId = supply.Id, ChainId = chain.Id,
                Score = (await reader.Score(db, demand, supply, ct)).Total, Status = status, Amount = amount, Note = note, RecordedBy = "西区融圈强链办",
            });
        await Match(need, concentrate, MatchStatus.Deal, 36_000_000m, "链主需求对接会促成，签订年度供货协议3万吨。");
        await Match(testing, lab, MatchStatus.Contacted, null, "已组织双方对接，正在商谈检测价格。");
        await db.SaveChangesAsync(ct);
    }
}
