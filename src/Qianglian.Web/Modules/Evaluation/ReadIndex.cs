using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Evaluation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>The stored index runs: the list, one run's ranking with its praise and criticism lists, one result explained, and the ranking as .xlsx.</summary>
public sealed class ReadIndex(AppDb dbs, CurrentUser user)
{
    public async Task<IReadOnlyList<IndexRunView>> Runs(int? year, IndexSubject? subject, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var query = db.Set<IndexRun>().AsNoTracking();
        if (year is { } y) query = query.Where(r => r.Year == y);
        if (subject is { } s) query = query.Where(r => r.Subject == s);
        var runs = await query.Take(500).ToListAsync(ct);
        var names = await ReadProjects.JurisdictionNames(db, runs.Select(r => r.JurisdictionId), ct);
        return runs.OrderByDescending(r => r.Year).ThenByDescending(r => r.CreatedAt).Select(r => View(r, names)).ToList();
    }

    public async Task<IndexRanking> Ranking(Guid runId, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var run = await db.Set<IndexRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw NotFound();
        var names = await ReadProjects.JurisdictionNames(db, [run.JurisdictionId], ct);
        var results = (await db.Set<IndexResult>().AsNoTracking().Where(r => r.RunId == runId).ToListAsync(ct))
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal).Select(View).ToList();
        return new IndexRanking(View(run, names), results, results.Where(r => r.Verdict == Verdict.Praise).ToList(), results.Where(r => r.Verdict == Verdict.Criticism).ToList());
    }

    public async Task<IndexResultView> Result(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        var row = await db.Set<IndexResult>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
                  ?? throw new NotFoundException("result", "评价结果不存在 (result not found)");
        return View(row);
    }

    /// <summary>The ranking with every indicator's points and, per subject, each indicator's rule written out.</summary>
    public async Task<(byte[] Content, string FileName)> Export(Guid runId, CancellationToken ct)
    {
        var ranking = await Ranking(runId, ct);
        // Every row has every indicator's column: a subject not evaluated (数据不足，不予评价) has no points, left blank.
        static string Column(IndicatorScore line) => $"{line.Name}（满分{Quantity.Number(line.MaxPoints)}）";
        var columns = ranking.Results.SelectMany(r => r.Lines.Select(Column)).Distinct().ToList();
        var rows = ranking.Results.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                ["排名"] = r.Rank, ["名称"] = r.Name, ["总分"] = r.Score, ["等次"] = r.Class, ["通报"] = VerdictText(r.Verdict),
            };
            foreach (var column in columns) row[column] = null;
            foreach (var line in r.Lines) row[Column(line)] = line.Points;
            row["计分说明"] = string.Join("\n", r.Lines.Select(l => $"{l.Name}：{l.Rule}").Concat(r.Notes));
            return (IDictionary<string, object?>)row;
        });
        var run = ranking.Run;
        var what = run.Subject == IndexSubject.Chain ? "产业链评价指数" : "园区评价";
        return (Workbooks.Rows($"{run.Year}年{what}", rows), $"{run.Jurisdiction}{run.Year}年{what}.xlsx");
    }

    public static string VerdictText(Verdict v) => v switch { Verdict.Praise => "通报表扬", Verdict.Criticism => "通报批评", _ => "" };

    private static IndexRunView View(IndexRun r, IReadOnlyDictionary<Guid, string> names) =>
        new(r.Id, r.Subject, r.Year, r.JurisdictionId, r.JurisdictionPath, names.GetValueOrDefault(r.JurisdictionId, ""), r.ModelVersion, r.ModelId, r.SubjectCount, r.ScoredCount, r.CreatedAt, r.CreatedBy);

    internal static IndexResultView View(IndexResult r)
    {
        var e = ModelJson.Read<StoredExplanation>(r.Explanation);
        return new(r.Id, r.RunId, r.SubjectId, r.JurisdictionPath, r.Name, r.Score, r.Rank, r.Class, r.ClassKey, r.Verdict, e.Lines, e.Dimensions, e.Notes);
    }

    private static NotFoundException NotFound() => new("run", "评价记录不存在 (run not found)");
}
