using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Chains;

/// <summary>
/// The enterprises on a chain's nodes as a sheet (统一社会信用代码, 环节, 链上角色, 依据强度, 依据说明): exported in the
/// import's columns; imported by (enterprise, node) — new links added, existing ones updated, none removed. A file
/// with any bad row changes nothing.
/// </summary>
public sealed class LinkExcel(AppDb dbs, CurrentUser user)
{
    public const string Uscc = "统一社会信用代码", Node = "环节", Role = "链上角色", Evidence = "依据强度", Note = "依据说明";
    public static readonly IReadOnlyList<string> Headers = [Uscc, Node, Role, Evidence, Note];

    private static readonly Dictionary<string, ChainRole> Roles = new() { ["链主"] = ChainRole.ChainLeader, ["链属"] = ChainRole.ChainMember, ["配套"] = ChainRole.Supporting };
    private static readonly Dictionary<string, EvidenceStrength> Strengths = new() { ["已确认"] = EvidenceStrength.Confirmed, ["待核实"] = EvidenceStrength.Probable, ["已否定"] = EvidenceStrength.Rejected };

    public async Task<(byte[] Content, string FileName)> Export(Guid chainId, CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        var chain = await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chainId, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var rows = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                          join e in db.Enterprises on l.EnterpriseId equals e.Id
                          join n in db.ChainNodes on l.NodeId equals n.Id
                          where l.ChainId == chainId
                          orderby n.Ordinal, e.Name
                          select new { e.Uscc, Node = n.Name, l.Role, l.Evidence, l.EvidenceNote }).ToListAsync(ct);
        return (Workbooks.Rows("链上企业", rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Uscc] = r.Uscc, [Node] = r.Node, [Role] = Roles.First(x => x.Value == r.Role).Key,
            [Evidence] = Strengths.First(x => x.Value == r.Evidence).Key, [Note] = r.EvidenceNote,
        })), $"{chain.Name}-链上企业.xlsx");
    }

    public async Task<ImportReport> Import(Guid chainId, Stream file, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        if (!await db.Chains.AnyAsync(c => c.Id == chainId, ct)) throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var sheet = SheetReader.Open(file, [Uscc, Node, Role, Evidence], [Note]);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        var nodes = (await db.ChainNodes.Where(n => n.ChainId == chainId).ToListAsync(ct)).GroupBy(n => n.Name).ToDictionary(g => g.Key, g => g.First());
        var rows = sheet.Rows.ToList();
        var codes = rows.Select(r => Enterprises.EnterpriseRules.NormaliseUscc(r.Cells.GetValueOrDefault(Uscc))).Distinct().ToList();
        var enterprises = new Dictionary<string, Enterprises.Enterprise>();
        foreach (var chunk in codes.Chunk(1000))
            foreach (var e in await db.Enterprises.Where(e => chunk.Contains(e.Uscc)).ToListAsync(ct)) enterprises[e.Uscc] = e;
        var errors = new List<ImportError>();
        var parsed = new List<(Enterprises.Enterprise Enterprise, ChainNode Node, ChainRole Role, EvidenceStrength Evidence, string? Note)>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var (number, cells) in rows)
        {
            string Cell(string c) => cells.TryGetValue(c, out var v) ? v : "";
            var before = errors.Count;
            var uscc = Enterprises.EnterpriseRules.NormaliseUscc(Cell(Uscc));
            if (!enterprises.TryGetValue(uscc, out var enterprise)) errors.Add(new(number, Uscc, "企业未登记或不在本账号管辖范围内 (enterprise not registered in your scope)"));
            if (!nodes.TryGetValue(Cell(Node), out var node)) errors.Add(new(number, Node, $"本产业链没有环节“{Cell(Node)}” (no such node on this chain)"));
            if (!Roles.TryGetValue(Cell(Role), out var role)) errors.Add(new(number, Role, $"“{Cell(Role)}”应为 链主/链属/配套 (unknown role)"));
            if (!Strengths.TryGetValue(Cell(Evidence), out var evidence)) errors.Add(new(number, Evidence, $"“{Cell(Evidence)}”应为 已确认/待核实/已否定 (unknown evidence)"));
            else if (evidence != EvidenceStrength.Probable && Cell(Note).Length == 0) errors.Add(new(number, Note, "确认或否定须写明依据 (confirmed or rejected links need their evidence)"));
            if (seen.TryGetValue((uscc, Cell(Node)), out var first)) errors.Add(new(number, Node, $"与第{first}行重复 (duplicate of row {first})"));
            else seen[(uscc, Cell(Node))] = number;
            if (errors.Count == before) parsed.Add((enterprise!, node!, role, evidence, Cell(Note).Length == 0 ? null : Cell(Note)));
        }
        if (rows.Count == 0) return ImportReport.Refused([new ImportError(2, "", "文件中没有数据行 (no data rows)")]);
        if (errors.Count > 0) return ImportReport.Refused(errors, rows.Count);

        var nodeIds = parsed.Select(p => p.Node.Id).Distinct().ToList();
        var stored = await db.EnterpriseNodeLinks.Where(l => nodeIds.Contains(l.NodeId)).ToListAsync(ct);
        int inserted = 0, updated = 0;
        foreach (var p in parsed)
        {
            var link = stored.FirstOrDefault(l => l.NodeId == p.Node.Id && l.EnterpriseId == p.Enterprise.Id);
            if (link is null)
            {
                link = new EnterpriseNodeLink { JurisdictionId = p.Enterprise.JurisdictionId, EnterpriseId = p.Enterprise.Id, ChainId = chainId, NodeId = p.Node.Id };
                db.EnterpriseNodeLinks.Add(link);
                inserted++;
            }
            else updated++;
            (link.Role, link.Evidence, link.EvidenceNote) = (p.Role, p.Evidence, p.Note);
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, inserted, updated, true, []);
    }
}
