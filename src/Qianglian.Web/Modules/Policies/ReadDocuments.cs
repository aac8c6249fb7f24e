using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Policies;

/// <summary>Policy documents: the list, one document with its measures, and its responsibility matrix.</summary>
public sealed class ReadDocuments(AppDb dbs, CurrentUser user)
{
    public const string UnknownMatch = "Unknown";

    public async Task<IReadOnlyList<DocumentSummary>> List(CancellationToken ct)
    {
        user.Require(Permission.ViewPolicies);
        await using var db = dbs.Open();
        var unknown = await (from u in db.MeasureUnits
                             join m in db.Measures on u.MeasureId equals m.Id
                             where u.MatchKind == UnknownMatch
                             group u by m.DocumentId into g
                             select new { DocumentId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.DocumentId, x => x.Count, ct);
        var rows = await db.PolicyDocuments.AsNoTracking().OrderBy(d => d.JurisdictionPath).ThenBy(d => d.Title)
            .Select(d => new { d.Id, d.Title, d.Issuer, d.Status, d.ValidUntil, d.PackCode, d.JurisdictionId, d.JurisdictionPath, Measures = d.Measures.Count, d.Version })
            .ToListAsync(ct);
        return rows.Select(d => new DocumentSummary(d.Id, d.Title, d.Issuer, d.Status, d.ValidUntil, d.PackCode, d.JurisdictionId, d.JurisdictionPath,
            d.Measures, unknown.GetValueOrDefault(d.Id), d.Version)).ToList();
    }

    public async Task<DocumentView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewPolicies);
        await using var db = dbs.Open();
        var d = await db.PolicyDocuments.AsNoTracking()
                    .Include(x => x.Measures).ThenInclude(m => m.Units)
                    .Include(x => x.Checklist)
                    .AsSplitQuery()
                    .FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException("document", "政策文件不存在 (document not found)");
        var unitIds = d.Measures.SelectMany(m => m.Units).Where(u => u.UnitId != null).Select(u => u.UnitId!.Value).Distinct().ToList();
        // A district document names city bureaus: their names come through the reference-names door.
        var names = await db.UnitNamesAsync(unitIds, ct);
        MeasureUnitView View(MeasureUnit u) =>
            new(u.RawName, u.UnitId, u.UnitId is { } uid ? names.GetValueOrDefault(uid) : null, u.MatchKind, u.CatchAll);
        var measures = d.Measures.OrderBy(m => m.Ordinal).Select(m => new MeasureView(m.Id, m.Number, m.Ordinal, m.Group, m.Title, m.Body, m.Line,
            m.ResponsibilityForm, m.ResponsibilityText,
            m.Units.Where(u => u.Role == MeasureRole.Lead).OrderBy(u => u.Position).Select(View).ToList(),
            m.Units.Where(u => u.Role == MeasureRole.Cooperating).OrderBy(u => u.Position).Select(View).ToList())).ToList();
        return new DocumentView(d.Id, d.Title, d.Issuer, d.Status, d.IssuedOn, d.ValidUntil, d.PackCode, d.JurisdictionId, d.JurisdictionPath, d.Version,
            measures, d.Checklist.OrderBy(c => c.Number).Select(c => new ChecklistItemView(c.Number, c.Name)).ToList());
    }

    /// <summary>Rows are units in order of first appearance (matched units by their registered name).</summary>
    public async Task<ResponsibilityMatrix> Matrix(Guid id, CancellationToken ct)
    {
        var document = await Get(id, ct);
        return BuildMatrix(document);
    }

    public static ResponsibilityMatrix BuildMatrix(DocumentView document)
    {
        var measures = document.Measures;
        var rows = new List<(string Unit, string Kind, MeasureRole?[] Cells)>();
        for (var i = 0; i < measures.Count; i++)
        {
            foreach (var (unit, role) in measures[i].Lead.Select(u => (u, MeasureRole.Lead)).Concat(measures[i].Cooperating.Select(u => (u, MeasureRole.Cooperating))))
            {
                var label = unit.UnitName ?? unit.RawName;
                var row = rows.FindIndex(r => r.Unit == label);
                if (row < 0)
                {
                    rows.Add((label, unit.MatchKind, new MeasureRole?[measures.Count]));
                    row = rows.Count - 1;
                }
                rows[row].Cells[i] ??= role; // a unit named twice in one clause keeps its first role
            }
        }
        return new ResponsibilityMatrix(
            measures.Select(m => new MatrixMeasure(m.Ordinal, m.Number, m.Title)).ToList(),
            rows.Select(r => new MatrixRow(r.Unit, r.Kind, r.Cells)).ToList());
    }
}
