using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Evaluation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Cultivation;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// Runs the chain index (达州 （七）) or the park evaluation (攀枝花 十六) of a jurisdiction for a year: resolves the
/// model revision that applies, checks it again (an input may have lost its data source since it was stored),
/// gathers every subject's facts, scores them with the shared engine and stores the run with every result and its
/// explanation in one save — all or nothing.
/// </summary>
public sealed class RunIndex(AppDb dbs, CurrentUser user, TimeProvider clock, IndexFacts facts, MetricRegistry metrics)
{
    public sealed record Request(Guid? JurisdictionId, int? Year, IndexSubject? Subject);

    public async Task<Guid> Handle(Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageEvaluation);
        var errors = new Dictionary<string, string[]>();
        if (r.JurisdictionId is null) errors["jurisdictionId"] = ["请选择辖区 (jurisdiction is required)"];
        if (r.Year is not (>= 2000 and <= 2100)) errors["year"] = [$"年度无效：{r.Year} (year out of range)"];
        if (r.Subject is not (IndexSubject.Chain or IndexSubject.Park)) errors["subject"] = ["请选择评价对象：产业链或园区 (subject must be Chain or Park)"];
        if (errors.Count > 0) throw new ValidationException(errors);
        var (year, subject) = (r.Year!.Value, r.Subject!.Value);

        await using var db = dbs.Open();
        var place = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == r.JurisdictionId, ct)
                    ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
        var what = subject == IndexSubject.Chain ? "产业链评价指数" : "园区评价";
        var row = await ModelCatalog.Resolve(db, place.JurisdictionPath, ModelKind.Index, IndexDefinition.CodeOf(subject), year, ct)
                  ?? throw new ValidationException("year", $"{place.Name}没有适用于{year}年的{what}模型，请先设置模型 (no {IndexDefinition.CodeOf(subject)} model for {year})");
        var definition = ModelJson.Read<IndexDefinition>(row.Definition);
        var problems = IndexDefinition.Validate(definition, metrics.Supports);
        if (problems.Count > 0)
            throw new ValidationException(problems.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

        var subjects = await facts.ForAsync(db, place, subject, year, definition, ct);
        if (subjects.Count == 0)
            throw new ValidationException("jurisdictionId", $"{place.Name}没有可评价的{(subject == IndexSubject.Chain ? "产业链" : "园区")} (nothing to evaluate)");
        // Only subjects with the year's data are scored; the others say 数据不足，不予评价 (no score, rank or verdict).
        var outcomes = IndexScoring.Score(definition.Model, subjects.Select(s => s.Facts).ToList(), year, definition.Praise, definition.Criticism);

        var run = new IndexRun
        {
            JurisdictionId = place.Id, Subject = subject, Year = year, ModelId = row.Id, ModelVersion = $"{row.Name} {row.Year}年 第{row.Revision}版",
            SubjectCount = outcomes.Count, ScoredCount = outcomes.Count(o => o.Score.Scored), CreatedAt = clock.GetUtcNow(), CreatedBy = user.Name,
        };
        db.Add(run);
        foreach (var (o, of) in outcomes.Zip(subjects))
        {
            var s = o.Score;
            db.Add(new IndexResult
            {
                JurisdictionId = of.JurisdictionId, RunId = run.Id, SubjectId = Guid.Parse(s.SubjectId), Name = s.Name, Score = s.Total, Rank = s.Rank,
                Class = s.Class, ClassKey = s.ClassKey, Verdict = o.Verdict,
                Values = ModelJson.Write(o.Values), Explanation = ModelJson.Write(new StoredExplanation(s.Lines, s.Dimensions, s.Notes)),
            });
        }
        await db.SaveChangesAsync(ct);
        return run.Id;
    }
}
