using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Hosting;

/// <summary>
/// A demo chain of 西区 with a node tree, enterprises, 2024 facts and supply links, so the panorama map shows every
/// kind of gap: 钒渣/钛合金材料/涂料 missing, 海绵钛 short, 钒制品 and 检验检测 weak, 钛精矿 and 钛白粉 covered.
/// Demo data only (see <see cref="DemoData"/>); idempotent by the chain's name.
/// </summary>
public sealed class DemoChain(AppDb dbs)
{
    public const string Name = "演示·钒钛新材料产业链";

    /// <summary>GB/T 4754-2017 codes of the nodes (what attracting each node means as an industry).</summary>
    private static readonly Dictionary<string, string> IndustryCodes = new()
    {
        ["钒钛磁铁矿"] = "0810", ["钛精矿"] = "0919", ["钒渣"] = "3120", ["钛白粉"] = "2643", ["海绵钛"] = "3219", ["钒制品"] = "3140",
        ["钛合金材料"] = "3259", ["涂料"] = "2641", ["检验检测"] = "7452",
    };

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403", ct);
        if (await db.Chains.AnyAsync(c => c.JurisdictionId == xiqu.Id && c.Name == Name, ct)) return;
        var firms = await db.Enterprises.Where(e => e.Uscc.StartsWith("915")).ToDictionaryAsync(e => e.Name, ct);
        var ecosystem = await db.Ecosystems.FirstOrDefaultAsync(e => e.JurisdictionId == xiqu.Id && e.Name == "资源深度综合利用", ct);
        var chain = new Chain { JurisdictionId = xiqu.Id, Name = Name, EcosystemId = ecosystem?.Id, Ordinal = 1 };
        db.Chains.Add(chain);

        var ordinal = 0;
        ChainNode Node(string name, ChainStage stage, NodeKind kind, ChainNode? parent = null, decimal? demandYi = null, KeyFlags keys = KeyFlags.None)
        {
            var node = new ChainNode
            {
                JurisdictionId = xiqu.Id, ChainId = chain.Id, Name = name, Stage = stage, Kind = kind, ParentId = parent?.Id,
                Demand = demandYi * 100_000_000m, Keys = keys, Ordinal = ++ordinal, IndustryCode = IndustryCodes.GetValueOrDefault(name),
            };
            db.ChainNodes.Add(node);
            return node;
        }
        var ore = Node("钒钛磁铁矿", ChainStage.Upstream, NodeKind.Material, keys: KeyFlags.KeyProduct);
        var concentrate = Node("钛精矿", ChainStage.Upstream, NodeKind.Material, ore, 5);
        Node("钒渣", ChainStage.Upstream, NodeKind.Material, ore);
        var pigment = Node("钛白粉", ChainStage.Midstream, NodeKind.Product, demandYi: 8, keys: KeyFlags.KeyEnterprise);
        var sponge = Node("海绵钛", ChainStage.Midstream, NodeKind.Product, demandYi: 6, keys: KeyFlags.KeyTechnology);
        var vanadium = Node("钒制品", ChainStage.Midstream, NodeKind.Product);
        Node("钛合金材料", ChainStage.Downstream, NodeKind.Product, sponge);
        Node("涂料", ChainStage.Downstream, NodeKind.Product, pigment);
        var testing = Node("检验检测", ChainStage.Service, NodeKind.Service);

        var green = firms["演示·西区绿色化工有限公司"];
        var titanium = firms["演示·西区钒钛新材料有限公司"];
        var mining = firms["演示·西区钛精矿选矿有限公司"];
        var lab = firms["演示·西区检验检测服务有限公司"];
        var outside = firms["演示·达州能源化工有限公司"];
        (green.IndustryCode, titanium.IndustryCode, mining.IndustryCode, lab.IndustryCode, outside.IndustryCode) = ("2619", "3219", "0919", "7452", "2511");

        void Facts(Enterprise e, decimal revenueYi, decimal outputYi, int employees) => db.EnterpriseFacts.Add(new EnterpriseYearFact
        {
            JurisdictionId = e.JurisdictionId, EnterpriseId = e.Id, Year = 2024, Revenue = revenueYi * 100_000_000m, OutputValue = outputYi * 100_000_000m,
            ValueAdded = outputYi * 25_000_000m, TaxPaid = revenueYi * 3_000_000m, Employees = employees, RdSpend = revenueYi * 2_500_000m, LandMu = employees / 4m,
        });
        Facts(green, 12, 10, 1200);
        Facts(titanium, 2.5m, 2, 400);
        Facts(mining, 6, 5.5m, 600);
        Facts(lab, 0.08m, 0.08m, 35);
        Facts(outside, 30, 28, 2500);

        void Link(Enterprise e, ChainNode n, ChainRole role, EvidenceStrength evidence, string? note) => db.EnterpriseNodeLinks.Add(new EnterpriseNodeLink
        {
            JurisdictionId = e.JurisdictionId, EnterpriseId = e.Id, ChainId = chain.Id, NodeId = n.Id, Role = role, Evidence = evidence, EvidenceNote = note,
        });
        Link(green, pigment, ChainRole.ChainLeader, EvidenceStrength.Confirmed, "2024年报：钛白粉产能");
        Link(titanium, sponge, ChainRole.ChainMember, EvidenceStrength.Confirmed, "海绵钛生产许可");
        Link(titanium, vanadium, ChainRole.ChainMember, EvidenceStrength.Probable, null);
        Link(mining, concentrate, ChainRole.Supporting, EvidenceStrength.Confirmed, "选矿产能核查");
        Link(lab, testing, ChainRole.Supporting, EvidenceStrength.Confirmed, "检验检测资质");

        db.SupplyLinks.Add(new SupplyLink { JurisdictionId = green.JurisdictionId, SupplierId = mining.Id, CustomerId = green.Id, NodeId = concentrate.Id, Product = "钛精矿", Year = 2024, Amount = 300_000_000m });
        db.SupplyLinks.Add(new SupplyLink { JurisdictionId = green.JurisdictionId, SupplierId = outside.Id, CustomerId = green.Id, Product = "硫酸", Year = 2024, Amount = 100_000_000m });
        await db.SaveChangesAsync(ct);
    }
}
