using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>Reviews and gradings as stored: the runs, a run's results (paged, filtered, sorted on the server), one
/// result with its explanation and what-if, the grade distribution by county, park or chain, and objections.</summary>
public sealed class ReadRuns(AppDb dbs, CurrentUser user)
{
    public sealed record ResultQuery(string? Search = null, string? Class = null, Guid? ChainId = null, bool PendingOnly = false, string? Sort = null, int Page = 1, int PageSize = 20);

    public async Task<IReadOnlyList<RunView>> List(RunKind? kind, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var runs = await db.EvaluationRuns.AsNoTracking().Where(r => kind == null || r.Kind == kind).OrderByDescending(r => r.Id).ToListAsync(ct);
        var ids = runs.Select(r => r.Id).ToList();
        var pending = await db.EvaluationResults.Where(x => ids.Contains(x.RunId) && x.Decision == Decision.Pending).GroupBy(x => x.RunId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var objections = await db.Objections.Where(o => ids.Contains(o.RunId) && o.Status == ObjectionStatus.Open).GroupBy(o => o.RunId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return runs.Select(r => View(r, pending.GetValueOrDefault(r.Id), objections.GetValueOrDefault(r.Id), new Dictionary<string, int>())).ToList();
    }

    public async Task<RunView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        return await Get(db, id, ct);
    }

    private static async Task<RunView> Get(AppDbContext db, Guid id, CancellationToken ct)
    {
        var run = await db.EvaluationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("run", "评价不存在 (run not found)");
        var classes = await db.EvaluationResults.Where(x => x.RunId == id).GroupBy(x => x.FinalClass).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var pending = await db.EvaluationResults.CountAsync(x => x.RunId == id && x.Decision == Decision.Pending, ct);
        var objections = await db.Objections.CountAsync(o => o.RunId == id && o.Status == ObjectionStatus.Open, ct);
        return View(run, pending, objections, classes);
    }

    public async Task<ResultPage> Results(Guid runId, ResultQuery q, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var run = await db.EvaluationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("run", "评价不存在 (run not found)");
        // A grading ranks 规上 and 规下 enterprises each in their own group: the list shows them group by group.
        var groups = await ModelCatalog.GroupsAsync(db, run, ct);
        var first = groups.Where(g => g.Value == ModelCatalog.GroupOf(ModelCatalog.PerMuAbove)).Select(g => (Guid?)g.Key).FirstOrDefault() ?? Guid.Empty;
        var query = from x in db.EvaluationResults.AsNoTracking()
                    join e in db.Enterprises on x.EnterpriseId equals e.Id
                    join c in db.Chains on x.ChainId equals c.Id into chains
                    from c in chains.DefaultIfEmpty()
                    where x.RunId == runId
                    select new { x, e.Name, e.Uscc, ChainName = c == null ? null : c.Name };
        if (!string.IsNullOrWhiteSpace(q.Search)) query = query.Where(r => r.Name.Contains(q.Search.Trim()) || r.Uscc.StartsWith(q.Search.Trim()));
        if (!string.IsNullOrWhiteSpace(q.Class)) query = query.Where(r => r.x.FinalClass == q.Class);
        if (q.ChainId is { } chain) query = query.Where(r => r.x.ChainId == chain);
        if (q.PendingOnly) query = query.Where(r => r.x.Decision == Decision.Pending);
        var total = await query.CountAsync(ct);
        query = q.Sort switch
        {
            "name" => query.OrderBy(r => r.Name),
            "score" => query.OrderBy(r => r.x.ModelId != first).ThenBy(r => r.x.Score == null).ThenBy(r => r.x.Score),
            "chain" => query.OrderBy(r => r.ChainName).ThenByDescending(r => r.x.Score),
            _ => query.OrderBy(r => r.x.ModelId != first).ThenBy(r => r.x.Score == null).ThenByDescending(r => r.x.Score).ThenBy(r => r.Name),
        };
        var size = Math.Clamp(q.PageSize, 1, 500);
        var rows = await query.Skip((Math.Max(q.Page, 1) - 1) * size).Take(size).ToListAsync(ct);
        return new ResultPage(rows.Select(r => View(r.x, r.Name, r.Uscc, r.ChainName, groups.GetValueOrDefault(r.x.ModelId))).ToList(), total);
    }

    public async Task<ResultDetail> Result(Guid resultId, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var row = await (from x in db.EvaluationResults.AsNoTracking()
                         join e in db.Enterprises on x.EnterpriseId equals e.Id
                         join c in db.Chains on x.ChainId equals c.Id into chains
                         from c in chains.DefaultIfEmpty()
                         where x.Id == resultId
                         select new { x, e.Name, e.Uscc, ChainName = c == null ? null : c.Name }).FirstOrDefaultAsync(ct)
                  ?? throw new NotFoundException("result", "评价结果不存在 (result not found)");
        var run = await db.EvaluationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == row.x.RunId, ct) ?? throw new NotFoundException("run", "评价不存在 (run not found)");
        var modelRow = await ModelCatalog.RowById(db, row.x.ModelId, run.JurisdictionPath, ct);
        var model = ModelJson.Read<ScoringModel>(modelRow.Definition);
        var score = ResultExplanation.Of(row.x, CompiledModel.Of(model), ResultExplanation.ForModel(ResultExplanation.ReadByModel(run.Averages), row.x.ModelId), row.Name);
        WhatIfResult? whatIf = null;
        if (score.Scored && await LowestTotalsAsync(db, run, row.x.ModelId, ct) is { } lowest) whatIf = WhatIf.Lift(model, score, lowest);
        var objections = await Objections(db, o => o.ResultId == resultId, ct);
        var groups = await ModelCatalog.GroupsAsync(db, run, ct);
        return new ResultDetail(View(row.x, row.Name, row.Uscc, row.ChainName, groups.GetValueOrDefault(row.x.ModelId)), Header(run), modelRow.Name + $"（{modelRow.Year} 第{modelRow.Revision}版）", model.Source, score, whatIf, objections);
    }

    /// <summary>
    /// The lowest total the run gave each class of a model: the run's thresholds, what a rank-share what-if aims at. They
    /// are the run's public figures, as its grade boundaries are — a county's enterprise competes with the whole run, an
    /// enterprise with every other — and are kept with the run, so every caller who sees the run reads the same ones
    /// without seeing anyone's result. A run stored before they were kept has them only in its results: computed from
    /// those when the caller sees all of them (no enterprise user: the run is visible, so its subtree is), else none.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, decimal>?> LowestTotalsAsync(AppDbContext db, EvaluationRun run, Guid modelId, CancellationToken ct)
    {
        var kept = ResultExplanation.ForModel(ResultExplanation.ReadByModel(run.LowestTotals), modelId);
        if (kept.Count > 0 || run.ResultsSeal is not null) return kept;
        if (db.Scope.EnterpriseId is not null) return null;
        return await db.EvaluationResults.Where(x => x.RunId == run.Id && x.ModelId == modelId && x.Score != null && x.ClassKey != "")
            .GroupBy(x => x.ClassKey).Select(g => new { g.Key, Min = g.Min(x => x.Score) }).ToDictionaryAsync(x => x.Key, x => x.Min!.Value, ct);
    }

    /// <summary>Grades by group: <c>county</c> (the enterprise's jurisdiction), <c>park</c> or <c>chain</c> (an enterprise counts in each chain it is on).</summary>
    public async Task<IReadOnlyList<DistributionRow>> Distribution(Guid runId, string? by, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        if (!await db.EvaluationRuns.AnyAsync(r => r.Id == runId, ct)) throw new NotFoundException("run", "评价不存在 (run not found)");
        // Only the results the caller sees are counted (an enterprise user's own, a county's subtree), read through the
        // filtered context; the groups' names come through the reference-names door on their own, never in the same query.
        List<(string Group, string Class)> rows;
        switch (by)
        {
            case "park":
                var inParks = await (from x in db.EvaluationResults.AsNoTracking()
                                     join e in db.Enterprises on x.EnterpriseId equals e.Id
                                     where x.RunId == runId
                                     select new { e.ParkId, x.FinalClass }).ToListAsync(ct);
                var parks = await db.JurisdictionNamesAsync(inParks.Select(r => r.ParkId).OfType<Guid>(), ct);
                rows = inParks.Select(r => (r.ParkId is { } p ? parks.GetValueOrDefault(p, "") : "园区外", r.FinalClass)).ToList();
                break;
            case "chain":
                var graded = await db.EvaluationResults.AsNoTracking().Where(x => x.RunId == runId).Select(x => new { x.EnterpriseId, x.FinalClass }).ToListAsync(ct);
                var ids = graded.Select(g => g.EnterpriseId).Distinct().ToList();
                var linked = new List<(Guid EnterpriseId, Guid ChainId)>();
                foreach (var chunk in ids.Chunk(2000))
                    linked.AddRange((await db.EnterpriseNodeLinks.AsNoTracking()
                        .Where(l => chunk.Contains(l.EnterpriseId) && l.Evidence != Chains.EvidenceStrength.Rejected)
                        .Select(l => new { l.EnterpriseId, l.ChainId }).Distinct().ToListAsync(ct)).Select(l => (l.EnterpriseId, l.ChainId)));
                var chainNames = await db.ChainNamesAsync(linked.Select(l => l.ChainId), ct);
                var lookup = linked.Where(l => chainNames.ContainsKey(l.ChainId)).ToLookup(l => l.EnterpriseId, l => chainNames[l.ChainId]);
                rows = graded.SelectMany(g => lookup[g.EnterpriseId].Distinct().DefaultIfEmpty("未入链").Select(chain => (chain, g.FinalClass))).ToList();
                break;
            default:
                var inPlaces = await db.EvaluationResults.AsNoTracking().Where(x => x.RunId == runId).Select(x => new { x.JurisdictionId, x.FinalClass }).ToListAsync(ct);
                var places = await db.JurisdictionNamesAsync(inPlaces.Select(r => r.JurisdictionId), ct);
                rows = inPlaces.Select(r => (places.GetValueOrDefault(r.JurisdictionId, ""), r.FinalClass)).ToList();
                break;
        }
        return rows.GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DistributionRow(g.Key, g.GroupBy(r => r.Class).ToDictionary(c => c.Key, c => c.Count()), g.Count())).ToList();
    }

    public async Task<IReadOnlyList<ObjectionView>> ObjectionsOf(Guid runId, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        if (!await db.EvaluationRuns.AnyAsync(r => r.Id == runId, ct)) throw new NotFoundException("run", "评价不存在 (run not found)");
        return await Objections(db, o => o.RunId == runId, ct);
    }

    private static async Task<IReadOnlyList<ObjectionView>> Objections(AppDbContext db, System.Linq.Expressions.Expression<Func<Objection, bool>> filter, CancellationToken ct) =>
        (await (from o in db.Objections.AsNoTracking().Where(filter)
                join e in db.Enterprises on o.EnterpriseId equals e.Id
                join x in db.EvaluationResults on o.ResultId equals x.Id
                orderby o.Id
                select new { o, e.Name, x.FinalClass }).ToListAsync(ct))
        .Select(r => new ObjectionView(r.o.Id, r.o.RunId, r.o.ResultId, r.o.EnterpriseId, r.Name, r.o.JurisdictionPath, r.o.Reason, r.o.FiledBy, r.o.FiledAt, r.o.Status,
            r.o.Resolution, r.o.NewClass, r.o.ResolvedBy, r.o.ResolvedAt, r.FinalClass, r.o.Version)).ToList();

    internal static RunView View(EvaluationRun r, int pending, int openObjections, IReadOnlyDictionary<string, int> classes) =>
        new(r.Id, r.Kind, r.Year, r.Status, r.Title, r.ModelVersions, r.SubjectCount, r.JurisdictionId, r.JurisdictionPath, r.CreatedAt, r.CreatedBy,
            r.PublishedOn, r.ObjectionDeadline, r.Notice, r.FinishedAt, pending, openObjections, classes, r.Version);

    internal static RunHeader Header(EvaluationRun r) =>
        new(r.Id, r.Kind, r.Year, r.Status, r.Title, r.ModelVersions, r.SubjectCount, r.JurisdictionId, r.JurisdictionPath, r.PublishedOn, r.ObjectionDeadline, r.Version);

    internal static ResultView View(EvaluationResult x, string name, string uscc, string? chain, string? group) =>
        new(x.Id, x.RunId, x.EnterpriseId, name, uscc, x.ChainId, chain, x.JurisdictionPath, x.Score, group, x.Rank, x.Class, x.FinalClass, x.Exempt, x.Notes,
            x.HeldTier, x.ReachedTier, x.Proposal, x.Decision, x.DecisionNote, x.Version);
}
