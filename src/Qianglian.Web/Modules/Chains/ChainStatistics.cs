using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Chains;

/// <summary>
/// Keeps <see cref="NodeStatistics"/> and <see cref="NodeYearStatistics"/> in step with what they are computed from
/// (registered as derived rows: <see cref="IDerivedRows"/>). Every save notes the nodes its changes touch — a link's
/// old and new node, the nodes of an enterprise whose place or industry changed or whose facts changed, every node of
/// a chain that moved — before it writes, and the transaction recomputes those nodes from the stored rows just before
/// it commits. A recomputation, not a running tally: what the rows say is what the statistics say, and an import that
/// touches a node a thousand times recomputes it once. A node counts every enterprise linked to it, whoever saved the
/// change, so both steps read through the <see cref="DerivedRowsView"/>.
/// </summary>
public sealed class ChainStatistics : IDerivedRows
{
    /// <summary>The nodes a transaction has touched so far, recomputed when it commits.</summary>
    public sealed class Pending
    {
        public HashSet<Guid> Nodes { get; } = [];
        public HashSet<Guid> Chains { get; } = [];
    }

    private static readonly string[] PlaceAndIndustry =
        [nameof(Enterprise.JurisdictionId), nameof(Enterprise.JurisdictionPath), nameof(Enterprise.IndustryCode)];

    public async Task NoteAsync(ChangeTracker tracker, DerivedRowsView view, DerivedNotes notes, CancellationToken ct)
    {
        var enterprises = new HashSet<Guid>();
        Pending? pending = null;
        Pending Touched() => pending ??= notes.Of<Pending>();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            bool Changed(string property) => entry.State != EntityState.Modified || entry.Property(property).IsModified;
            Guid Original(string property) => (Guid)entry.Property(property).OriginalValue!;
            switch (entry.Entity)
            {
                case EnterpriseNodeLink link:
                    Touched().Nodes.Add(link.NodeId);
                    if (entry.State == EntityState.Modified) Touched().Nodes.Add(Original(nameof(link.NodeId)));
                    break;
                case EnterpriseYearFact fact:
                    enterprises.Add(fact.EnterpriseId);
                    if (entry.State == EntityState.Modified) enterprises.Add(Original(nameof(fact.EnterpriseId)));
                    break;
                case Enterprise enterprise when entry.State != EntityState.Added && PlaceAndIndustry.Any(Changed):
                    enterprises.Add(enterprise.Id);
                    break;
                case Chain chain when entry.State == EntityState.Modified && (Changed(nameof(Chain.JurisdictionId)) || Changed(nameof(Chain.JurisdictionPath))):
                    Touched().Chains.Add(chain.Id);
                    break;
            }
        }
        if (enterprises.Count > 0) await NoteEnterprisesAsync(view, enterprises, notes, ct);
    }

    /// <summary>The same for a bulk save: new rows have no links yet; changed enterprises and facts count as above.</summary>
    public async Task NoteAsync<T>(BulkBatch<T> batch, DerivedRowsView view, DerivedNotes notes, CancellationToken ct) where T : Entity
    {
        if (typeof(T) == typeof(Enterprise))
        {
            var watched = PlaceAndIndustry.Select(batch.IndexOf).ToList();
            await NoteEnterprisesAsync(view, batch.Modified.Where(m => batch.Changed(m).Any(watched.Contains)).Select(m => m.Row.Id), notes, ct);
        }
        else if (typeof(T) == typeof(EnterpriseYearFact))
            await NoteEnterprisesAsync(view, batch.Added.Concat(batch.Modified.Select(m => m.Row)).Cast<EnterpriseYearFact>().Select(f => f.EnterpriseId), notes, ct);
        else if (typeof(T) == typeof(EnterpriseNodeLink) || typeof(T) == typeof(Chain))
            throw new NotSupportedException($"{typeof(T).Name} rows are saved one by one, not in bulk");
    }

    /// <summary>Resolved before the save: an enterprise deleted with it takes its links along.</summary>
    private static async Task NoteEnterprisesAsync(DerivedRowsView view, IEnumerable<Guid> enterprises, DerivedNotes notes, CancellationToken ct)
    {
        foreach (var chunk in enterprises.Distinct().Chunk(500))
        {
            var nodes = await view.Db.EnterpriseNodeLinks.Where(l => chunk.Contains(l.EnterpriseId)).Select(l => l.NodeId).Distinct().ToListAsync(ct);
            if (nodes.Count > 0) notes.Of<Pending>().Nodes.UnionWith(nodes);
        }
    }

    /// <summary>Recomputes the noted nodes (every node of a noted chain included) inside the committing transaction.</summary>
    public async Task RefreshAsync(DerivedRowsView view, DerivedNotes notes, CancellationToken ct)
    {
        var pending = notes.Of<Pending>();
        var db = view.Db;
        foreach (var chunk in pending.Chains.ToList().Chunk(500))
            pending.Nodes.UnionWith(await db.ChainNodes.Where(n => chunk.Contains(n.ChainId)).Select(n => n.Id).ToListAsync(ct));
        foreach (var chunk in pending.Nodes.ToList().Chunk(500))
            await RecomputeAsync(db, chunk, ct);
    }

    /// <summary>Every node from scratch: after rows were loaded behind the application's back (bench/), or on an empty table. <paramref name="db"/> is a system context.</summary>
    public static async Task RebuildAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Scope.SeesAll) throw new InvalidOperationException("statistics are rebuilt from every row, by the system");
        await db.NodeStatistics.ExecuteDeleteAsync(ct);
        await db.NodeYearStatistics.ExecuteDeleteAsync(ct);
        await WriteAsync(db, await Counts(db, null).ToListAsync(ct), await YearFigures(db, null).ToListAsync(ct), ct);
    }

    /// <summary>At start-up: a database migrated from before the statistics existed gets them built once.</summary>
    public static async Task EnsureBuiltAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.NodeStatistics.AnyAsync(ct) || await db.NodeYearStatistics.AnyAsync(ct) || !await db.EnterpriseNodeLinks.AnyAsync(ct)) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RebuildAsync(db, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task RecomputeAsync(AppDbContext db, Guid[] nodes, CancellationToken ct)
    {
        await db.NodeStatistics.Where(s => nodes.Contains(s.NodeId)).ExecuteDeleteAsync(ct);
        await db.NodeYearStatistics.Where(s => nodes.Contains(s.NodeId)).ExecuteDeleteAsync(ct);
        await WriteAsync(db, await Counts(db, nodes).ToListAsync(ct), await YearFigures(db, nodes).ToListAsync(ct), ct);
    }

    private static IQueryable<EnterpriseNodeLink> Links(AppDbContext db, Guid[]? nodes) =>
        nodes is null ? db.EnterpriseNodeLinks : db.EnterpriseNodeLinks.Where(l => nodes.Contains(l.NodeId));

    /// <summary>Local = inside the chain's jurisdiction by the enterprise's own place, link not rejected (as the map counts).</summary>
    private static IQueryable<NodeStatistics> Counts(AppDbContext db, Guid[]? nodes) =>
        from l in Links(db, nodes)
        join c in db.Chains on l.ChainId equals c.Id
        join e in db.Enterprises on l.EnterpriseId equals e.Id
        where l.Evidence != EvidenceStrength.Rejected && e.JurisdictionPath.StartsWith(c.JurisdictionPath)
        group l by new { l.NodeId, l.ChainId } into g
        select new NodeStatistics
        {
            NodeId = g.Key.NodeId, ChainId = g.Key.ChainId, LocalCount = g.Count(),
            ConfirmedCount = g.Count(x => x.Evidence == EvidenceStrength.Confirmed), LeaderCount = g.Count(x => x.Role == ChainRole.ChainLeader),
        };

    /// <summary>
    /// 规上 follows Core's rule: industrial (sections B–D, divisions 06–46 — the stored digits compare as text) with
    /// revenue of at least 2000万元.
    /// </summary>
    private static IQueryable<NodeYearStatistics> YearFigures(AppDbContext db, Guid[]? nodes) =>
        from l in Links(db, nodes)
        join c in db.Chains on l.ChainId equals c.Id
        join e in db.Enterprises on l.EnterpriseId equals e.Id
        join f in db.EnterpriseFacts on l.EnterpriseId equals f.EnterpriseId
        let local = l.Evidence != EvidenceStrength.Rejected && e.JurisdictionPath.StartsWith(c.JurisdictionPath)
        group new { local, f.Revenue, f.OutputValue, e.IndustryCode } by new { l.NodeId, l.ChainId, f.Year } into g
        select new NodeYearStatistics
        {
            NodeId = g.Key.NodeId, ChainId = g.Key.ChainId, Year = g.Key.Year,
            AboveScaleCount = g.Count(x => x.local && x.Revenue >= AboveScale.RevenueThreshold && x.IndustryCode != null
                                           && x.IndustryCode.CompareTo("06") >= 0 && x.IndustryCode.CompareTo("47") < 0),
            LocalOutput = g.Sum(x => x.local ? x.OutputValue : 0m),
            LinksWithFacts = g.Count(),
        };

    /// <summary>Plain INSERTs, not a tracked save: derived rows are neither scoped, versioned nor audited (their sources are).</summary>
    private static async Task WriteAsync(AppDbContext db, List<NodeStatistics> counts, List<NodeYearStatistics> figures, CancellationToken ct)
    {
        foreach (var chunk in counts.Chunk(200))
            await InsertAsync(db, "ChainNodeStatistics", ["NodeId", "ChainId", "LocalCount", "ConfirmedCount", "LeaderCount"],
                chunk.Select(s => new object[] { s.NodeId, s.ChainId, s.LocalCount, s.ConfirmedCount, s.LeaderCount }), ct);
        foreach (var chunk in figures.Chunk(200))
            await InsertAsync(db, "ChainNodeYearStatistics", ["NodeId", "Year", "ChainId", "AboveScaleCount", "LocalOutput", "LinksWithFacts"],
                chunk.Select(s => new object[] { s.NodeId, s.Year, s.ChainId, s.AboveScaleCount, s.LocalOutput, s.LinksWithFacts }), ct);
    }

    private static Task<int> InsertAsync(AppDbContext db, string table, string[] columns, IEnumerable<object[]> rows, CancellationToken ct)
    {
        var values = rows.ToList();
        var placeholders = values.Select((_, r) => "(" + string.Join(", ", columns.Select((_, c) => $"{{{r * columns.Length + c}}}")) + ")");
        // Table and column names are this class's constants; every value is a parameter.
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", placeholders)}";
        return db.Database.ExecuteSqlRawAsync(sql, values.SelectMany(v => v), ct);
    }
}
