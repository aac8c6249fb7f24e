using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// Grades a jurisdiction's industrial enterprises for a year (安康 七 亩均论英雄) under the per-mu models that apply, and
/// stores the result as a draft run naming the model revisions — all results in one transaction, or none.
/// </summary>
public sealed class RunGrading(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(Guid JurisdictionId, int Year);

    public async Task<Guid> Handle(Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageCultivation);
        var now = clock.GetUtcNow();
        var today = BusinessDate.Of(now);
        if (r.Year < 2000 || r.Year > today.Year) throw new ValidationException("year", $"年度 {r.Year} 无效，应在 2000–{today.Year} 之间 (year out of range)");
        await using var db = dbs.Open();
        var place = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == r.JurisdictionId, ct) ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
        var (aboveRow, above) = await ModelCatalog.RequireScoring(db, place.JurisdictionPath, ModelCatalog.PerMuAbove, r.Year, ct);
        var belowRow = await ModelCatalog.Resolve(db, place.JurisdictionPath, ModelKind.Scoring, ModelCatalog.PerMuBelow, r.Year, ct);
        var below = belowRow is null ? null : ModelJson.Read<Core.Scoring.ScoringModel>(belowRow.Definition);
        var grading = await GradingComputation.ComputeAsync(db, place.JurisdictionPath, r.Year, above, below, CultivationClock.YearEnd(r.Year), ct);
        if (grading.Count == 0) throw new ValidationException("year", $"{place.Name}没有{r.Year}年度数据的工业企业，无可评价 (no industrial enterprise has facts for {r.Year})");

        var run = new EvaluationRun
        {
            JurisdictionId = place.Id, Kind = RunKind.Grading, Year = r.Year, Status = RunStatus.Draft, Title = $"{place.Name}{r.Year}年度亩均效益评价",
            ModelIds = [aboveRow.Id, .. belowRow is null ? Array.Empty<Guid>() : [belowRow.Id]],
            ModelVersions = string.Join("；", new[] { aboveRow, belowRow }.OfType<CultivationModel>().Select(m => $"{m.Name} {m.Year} 第{m.Revision}版")),
            SubjectCount = grading.Count, CreatedAt = now, CreatedBy = user.Name,
            Averages = ResultExplanation.WriteByModel([(aboveRow.Id, grading.Above.Scores.Averages), (belowRow?.Id, grading.Below?.Scores.Averages)]),
            LowestTotals = ResultExplanation.WriteByModel([(aboveRow.Id, grading.Above.LowestTotals()), (belowRow?.Id, grading.Below?.LowestTotals())]),
        };
        var aboveCount = grading.Above.Count;
        var order = RunResults.ByScore(grading.Count, n => n < aboveCount ? grading.Above.Scores.Outcomes[n].Total : grading.Below!.Scores.Outcomes[n - aboveCount].Total);
        await RunResults.SaveAsync(db, run, grading.Count, n => order[n] < aboveCount
            ? RunResults.Of(grading.Above, order[n], run.Id, aboveRow.Id)
            : RunResults.Of(grading.Below!, order[n] - aboveCount, run.Id, belowRow!.Id), ct);
        return run.Id;
    }
}
