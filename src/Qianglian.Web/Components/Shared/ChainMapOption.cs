using Qianglian.Core.Chains;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Components.Shared;

/// <summary>
/// The ECharts option of a chain's panorama map: one column per stage, each node coloured by its gap (red missing,
/// orange short, yellow weak, green covered), sized by local output, with a thick border where a 链主 sits, and
/// lines from each node to its sub-nodes.
/// </summary>
public static class ChainMapOption
{
    public static readonly IReadOnlyDictionary<GapKind, string> Colours = new Dictionary<GapKind, string>
    {
        [GapKind.Missing] = "#d32f2f", [GapKind.Short] = "#f57c00", [GapKind.Weak] = "#fbc02d", [GapKind.None] = "#388e3c",
    };

    private const double ColumnWidth = 300, RowHeight = 70;

    public static object Build(ChainMap map, Func<ChainStage, string> stageName, Func<MapNode, string> label)
    {
        var maxOutput = Math.Max(1m, map.Nodes.Select(n => n.Gap.LocalOutput).DefaultIfEmpty(0).Max());
        var data = new List<object>();
        foreach (var stage in Enum.GetValues<ChainStage>())
        {
            var column = (int)stage - 1;
            data.Add(new { id = $"stage-{stage}", name = stageName(stage), x = column * ColumnWidth, y = -RowHeight, symbolSize = 1,
                label = new { show = true, position = "inside", fontSize = 16, fontWeight = "bold", color = "#37474f", formatter = stageName(stage) },
                itemStyle = new { color = "transparent" }, tooltip = new { show = false } });
            var row = 0;
            foreach (var node in InTreeOrder(map.Nodes.Where(n => n.Stage == stage).ToList()))
            {
                var size = 24 + 40 * Math.Sqrt((double)(node.Gap.LocalOutput / maxOutput));
                data.Add(new
                {
                    id = node.Id.ToString(), name = node.Name, x = column * ColumnWidth + Depth(node, map.Nodes) * 24, y = row++ * RowHeight,
                    symbolSize = size, value = (double)(node.Gap.LocalOutput / 10_000m),
                    itemStyle = new { color = Colours[node.Gap.Kind], borderColor = node.Gap.LeaderCount > 0 ? "#1a237e" : "#ffffff", borderWidth = node.Gap.LeaderCount > 0 ? 4 : 1 },
                    label = new { show = true, position = "right", formatter = label(node) },
                });
            }
        }
        var links = map.Nodes.Where(n => n.ParentId is not null && map.Nodes.Any(p => p.Id == n.ParentId))
            .Select(n => new { source = n.ParentId!.Value.ToString(), target = n.Id.ToString() }).ToList();
        return new
        {
            animation = false,
            tooltip = new { show = true },
            series = new object[]
            {
                new { type = "graph", layout = "none", roam = true, left = 60, right = 180, top = 30, bottom = 30, data, links, lineStyle = new { color = "#90a4ae", curveness = 0.1 }, emphasis = new { focus = "adjacency" } },
            },
        };
    }

    private static int Depth(MapNode node, IReadOnlyList<MapNode> all)
    {
        var depth = 0;
        for (var parent = all.FirstOrDefault(n => n.Id == node.ParentId); parent is not null && depth < 20; parent = all.FirstOrDefault(n => n.Id == parent.ParentId))
            depth++;
        return depth;
    }

    /// <summary>Parents before their children, so a column reads as an indented tree.</summary>
    private static IEnumerable<MapNode> InTreeOrder(List<MapNode> nodes)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet();
        IEnumerable<MapNode> Walk(MapNode n) => new[] { n }.Concat(nodes.Where(c => c.ParentId == n.Id).SelectMany(Walk));
        return nodes.Where(n => n.ParentId is null || !ids.Contains(n.ParentId.Value)).SelectMany(Walk);
    }
}
