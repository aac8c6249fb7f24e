using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Chains;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Chains;

/// <summary>
/// A chain's node tree as a sheet (环节, 上级环节, 位置, 类型, 需求, 行业代码): exported in the import's columns, imported by
/// name — new nodes are added, existing ones (same name under the same parent) updated, none deleted. A file
/// with any bad row changes nothing.
/// </summary>
public sealed class NodeTreeExcel(AppDb dbs, CurrentUser user)
{
    public const string Node = "环节", Parent = "上级环节", Stage = "位置", Kind = "类型", Demand = "需求（万元/年）", Industry = "行业代码";
    public static readonly IReadOnlyList<string> Required = [Node, Stage, Kind];
    public static readonly IReadOnlyList<string> Optional = [Parent, Demand, Industry];

    private static readonly Dictionary<string, ChainStage> Stages = new() { ["上游"] = ChainStage.Upstream, ["中游"] = ChainStage.Midstream, ["下游"] = ChainStage.Downstream, ["配套服务"] = ChainStage.Service };
    private static readonly Dictionary<string, NodeKind> Kinds = new()
    {
        ["原材料"] = NodeKind.Material, ["零部件"] = NodeKind.Component, ["产品"] = NodeKind.Product,
        ["装备"] = NodeKind.Equipment, ["技术"] = NodeKind.Technology, ["服务"] = NodeKind.Service,
    };

    public async Task<(byte[] Content, string FileName)> Export(Guid chainId, CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        var chain = await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chainId, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var nodes = await db.ChainNodes.AsNoTracking().Where(n => n.ChainId == chainId).OrderBy(n => n.Ordinal).ToListAsync(ct);
        var names = nodes.ToDictionary(n => n.Id, n => n.Name);
        var rows = nodes.Select(n => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Node] = n.Name, [Parent] = n.ParentId is { } p ? names[p] : "", [Stage] = Stages.First(s => s.Value == n.Stage).Key,
            [Kind] = Kinds.First(k => k.Value == n.Kind).Key, [Demand] = n.Demand / 10_000m, [Industry] = Core.Enterprises.IndustryCode.Label(n.IndustryCode) ?? "",
        });
        return (Workbooks.Rows("环节树", rows), $"{chain.Name}-环节树.xlsx");
    }

    public async Task<ImportReport> Import(Guid chainId, Stream file, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var chain = await db.Chains.FirstOrDefaultAsync(c => c.Id == chainId, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var sheet = SheetReader.Open(file, Required, Optional);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        var existing = await db.ChainNodes.Where(n => n.ChainId == chainId).ToListAsync(ct);
        var errors = new List<ImportError>();
        var rows = new List<(int Row, string Name, string? Parent, ChainStage Stage, NodeKind Kind, decimal? Demand, string? Industry, bool IndustryGiven)>();
        foreach (var (number, cells) in sheet.Rows)
        {
            string Cell(string c) => cells.TryGetValue(c, out var v) ? v : "";
            var name = Cell(Node);
            var parent = Cell(Parent) is { Length: > 0 } p ? p : null;
            if (name.Length == 0) errors.Add(new(number, Node, "环节名称不能为空 (name is required)"));
            if (!Stages.TryGetValue(Cell(Stage), out var stage)) errors.Add(new(number, Stage, $"“{Cell(Stage)}”应为 上游/中游/下游/配套服务 (unknown stage)"));
            if (!Kinds.TryGetValue(Cell(Kind), out var kind)) errors.Add(new(number, Kind, $"“{Cell(Kind)}”应为 原材料/零部件/产品/装备/技术/服务 (unknown kind)"));
            decimal? demand = null;
            if (Cell(Demand) is { Length: > 0 } d)
            {
                if (!decimal.TryParse(d, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 0)
                    errors.Add(new(number, Demand, $"“{d}”不是非负数 (must be a non-negative number)"));
                else demand = value * 10_000m;
            }
            if (Enterprises.EnterpriseRules.Industry(Cell(Industry)) is { } industryError) errors.Add(new(number, Industry, industryError));
            if (rows.Any(r => r.Name == name && r.Parent == parent)) errors.Add(new(number, Node, $"“{name}”在同一上级下重复 (duplicate under the same parent)"));
            rows.Add((number, name, parent, stage, kind, demand, Enterprises.EnterpriseRules.NormaliseIndustry(Cell(Industry)), cells.ContainsKey(Industry)));
        }
        // Every parent must be a node of the file or of the chain, and no node may end up under itself.
        var known = existing.Select(n => n.Name).Concat(rows.Select(r => r.Name)).ToHashSet();
        foreach (var r in rows.Where(r => r.Parent is not null && !known.Contains(r.Parent)))
            errors.Add(new(r.Row, Parent, $"上级环节“{r.Parent}”既不在文件中也不在本产业链中 (unknown parent)"));
        foreach (var r in rows.Where(r => r.Parent == r.Name)) errors.Add(new(r.Row, Parent, "环节不能是自己的上级 (a node cannot be its own parent)"));
        if (errors.Count > 0) return ImportReport.Refused(errors, rows.Count);

        int inserted = 0, updated = 0;
        var byName = existing.GroupBy(n => n.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (var r in rows)
        {
            if (!byName.TryGetValue(r.Name, out var node))
            {
                node = new ChainNode { ChainId = chainId, JurisdictionId = chain.JurisdictionId, Name = r.Name, Ordinal = existing.Count + ++inserted };
                db.ChainNodes.Add(node);
                byName[r.Name] = node;
            }
            else updated++;
            (node.Stage, node.Kind, node.Demand) = (r.Stage, r.Kind, r.Demand);
            // A sheet made before the industry column existed leaves the codes set in the editor alone.
            if (r.IndustryGiven) node.IndustryCode = r.Industry;
        }
        foreach (var r in rows) byName[r.Name].ParentId = r.Parent is { } p ? byName[p].Id : null;
        var tree = byName.Values.Select(n => new TreeNode(n.Id, n.ParentId, n.Name)).ToList();
        var cycle = rows.FirstOrDefault(r => r.Parent is not null && NodeTree.IsDescendant(tree, byName[r.Parent].Id, byName[r.Name].Id));
        if (cycle.Name is not null)
            return ImportReport.Refused([new(cycle.Row, Parent, $"“{cycle.Name}”会成为自己下级的下级 (this parent would make a cycle)")], rows.Count);
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, inserted, updated, true, []);
    }
}
