using Qianglian.Core.Chains;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Chains;

/// <summary>A chain's node table and its gap list as .xlsx, from the same map the page draws.</summary>
public sealed class ExportChainTables(ReadChainMap maps, ReadNodeEnterprises enterprises)
{
    private static readonly Dictionary<ChainStage, string> Stages = new()
    {
        [ChainStage.Upstream] = "上游", [ChainStage.Midstream] = "中游", [ChainStage.Downstream] = "下游", [ChainStage.Service] = "配套服务",
    };

    private static readonly Dictionary<GapKind, string> GapNames = new()
    {
        [GapKind.None] = "", [GapKind.Weak] = "弱链", [GapKind.Short] = "短链", [GapKind.Missing] = "缺链",
    };

    public async Task<(byte[] Content, string FileName)> Nodes(Guid chainId, int? year, CancellationToken ct)
    {
        var map = await maps.Handle(chainId, year, ct);
        var names = map.Nodes.ToDictionary(n => n.Id, n => n.Name);
        var onNodes = await enterprises.NamesByNode(chainId, ct);
        var rows = map.Nodes.Select(n => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["环节"] = n.Name,
            ["上级环节"] = n.ParentId is { } p ? names.GetValueOrDefault(p) : "",
            ["位置"] = Stages[n.Stage],
            ["本地企业数"] = n.Gap.LocalCount,
            ["规上企业数"] = n.Gap.AboveScaleCount,
            ["链主数"] = n.Gap.LeaderCount,
            [$"本地产值（万元，{map.Year}年）"] = n.Gap.LocalOutput / 10_000m,
            ["需求（万元）"] = n.Gap.Demand / 10_000m,
            ["企业"] = string.Join("、", onNodes.GetValueOrDefault(n.Id) ?? []),
        });
        return (Workbooks.Rows("环节", rows), $"{map.ChainName}-环节表.xlsx");
    }

    public async Task<(byte[] Content, string FileName)> Gaps(Guid chainId, int? year, CancellationToken ct)
    {
        var map = await maps.Handle(chainId, year, ct);
        var rows = map.Nodes.Where(n => n.Gap.Kind != GapKind.None).OrderByDescending(n => n.Gap.Kind)
            .Select(n => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["环节"] = n.Name,
                ["位置"] = Stages[n.Stage],
                ["缺口"] = GapNames[n.Gap.Kind],
                ["原因"] = n.Gap.Reason,
                ["本地企业数"] = n.Gap.LocalCount,
                ["规上企业数"] = n.Gap.AboveScaleCount,
                ["本地产值（万元）"] = n.Gap.LocalOutput / 10_000m,
                ["需求（万元）"] = n.Gap.Demand / 10_000m,
                ["满足率"] = n.Gap.Share,
            });
        return (Workbooks.Rows("缺链短链弱链", rows), $"{map.ChainName}-缺口清单.xlsx");
    }
}
