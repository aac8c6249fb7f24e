using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>A grading's two populations: above-scale enterprises under the above-scale model, the others under the below-scale one.</summary>
public sealed record Grading(ScoredGroup Above, ScoredGroup? Below)
{
    public int Count => Above.Count + (Below?.Count ?? 0);
}

/// <summary>
/// 亩均论英雄 for a jurisdiction and year: the industrial enterprises with facts for the year, above-scale ones under
/// the above-scale model (six indicators), the others under the below-scale model (tax per mu and per kWh), each
/// population ranked on its own. An impossible figure (negative land) stops the run naming the enterprise.
/// The enterprises are streamed by one query; each becomes the row of values its model reads, built on every core
/// while the rest is still being read.
/// </summary>
public static class GradingComputation
{
    public static async Task<Grading> ComputeAsync(AppDbContext db, string path, int year, ScoringModel above, ScoringModel? below, DateOnly asOf, CancellationToken ct)
    {
        var (aboveModel, belowModel) = (CompiledModel.Of(above), below is null ? null : CompiledModel.Of(below));
        CompiledModel[] models = belowModel is null ? [aboveModel] : [aboveModel, belowModel];
        var population = db.Enterprises.Where(e => e.JurisdictionPath.StartsWith(path) && e.IndustryCode != null);
        var experts = await PopulationSources.ExpertScoresAsync(db, population, year, models, ct);
        var (aboveReaders, belowReaders) = (EnterpriseValues.Readers(aboveModel.Inputs), belowModel is null ? null : EnterpriseValues.Readers(belowModel.Inputs));

        var negative = new List<Guid>();
        var rows = new BatchBuilder<PopulationSources.Sourced, (RunSubject Subject, bool Above, decimal?[] Row)>(e => (new RunSubject(e.Id, e.JurisdictionId), e.AboveScale,
            e.AboveScale
                ? PopulationSources.Row(aboveModel, aboveReaders, e.Sources!, experts.GetValueOrDefault(e.Id))
                : PopulationSources.Row(belowModel!, belowReaders!, e.Sources!, experts.GetValueOrDefault(e.Id))));
        // The land area is read whatever the models read: a negative one stops the run.
        var needs = PopulationSources.Needs.For(models);
        await foreach (var e in PopulationSources.StreamSourcesAsync(db, population, year, asOf, needs with { Facts = needs.Facts | FactColumns.LandMu }, factsOnly: true, ct))
        {
            if (e.Sources is not { } sources || !sources.Industrial) continue;
            if (sources.Year.LandMu < 0) negative.Add(e.Id);
            if (e.AboveScale || belowModel is not null) rows.Add(e);
        }
        if (negative.Count > 0)
        {
            var first = negative.Take(10).ToList();
            var named = await (from f in db.EnterpriseFacts
                               join x in db.Enterprises on f.EnterpriseId equals x.Id
                               where f.Year == year && first.Contains(x.Id)
                               select new { x.Name, f.LandMu }).ToListAsync(ct);
            throw new ValidationException("landMu", $"用地面积不能为负数，请先更正企业数据：{string.Join("、", named.Select(n => $"{n.Name}：{n.LandMu}亩"))} (negative land area)");
        }
        var built = await rows.ToListAsync();
        ScoredGroup Group(CompiledModel model, bool isAbove)
        {
            var members = built.Where(b => b.Above == isAbove).ToList();
            return ScoredGroup.Score(model, [.. members.Select(m => m.Subject)], [.. members.Select(m => m.Row)]);
        }
        return new Grading(Group(aboveModel, true), belowModel is null ? null : Group(belowModel, false));
    }
}
