using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>A graded enterprise: its score under the model of its class of size (above or below scale).</summary>
public sealed record GradedEnterprise(Guid EnterpriseId, Guid JurisdictionId, bool AboveScale, SubjectScore Score);

/// <summary>
/// 亩均论英雄 for a jurisdiction and year: the industrial enterprises with facts for the year, above-scale ones under
/// the above-scale model (six indicators), the others under the below-scale model (tax per mu and per kWh), each
/// population ranked on its own. An impossible figure (negative land) stops the run naming the enterprise.
/// </summary>
public static class GradingComputation
{
    public static async Task<IReadOnlyList<GradedEnterprise>> ComputeAsync(AppDbContext db, string path, int year, ScoringModel above, ScoringModel? below, DateOnly asOf, CancellationToken ct)
    {
        var ids = await (from f in db.EnterpriseFacts.AsNoTracking()
                         join e in db.Enterprises on f.EnterpriseId equals e.Id
                         where f.Year == year && e.JurisdictionPath.StartsWith(path) && e.IndustryCode != null
                         select e.Id).ToListAsync(ct);
        var inputs = (await EnterpriseInputs.LoadAsync(db, ids, year, asOf, ct)).Values.Where(i => i.Industrial && i.Facts is not null).ToList();
        var negative = inputs.Where(i => i.Facts!.LandMu < 0).Select(i => $"{i.Name}：{i.Facts!.LandMu}亩").ToList();
        if (negative.Count > 0) throw new ValidationException("landMu", $"用地面积不能为负数，请先更正企业数据：{string.Join("、", negative.Take(10))} (negative land area)");

        var graded = new List<GradedEnterprise>();
        foreach (var (model, population, isAbove) in new[] { (above, inputs.Where(i => i.AboveScale).ToList(), true), (below, inputs.Where(i => !i.AboveScale).ToList(), false) })
        {
            if (model is null || population.Count == 0) continue;
            var scores = Scorer.Score(model, population.Select(i => new Subject(i.Id.ToString("N"), i.Name, i.Values)).ToList());
            graded.AddRange(population.Zip(scores, (i, s) => new GradedEnterprise(i.Id, i.JurisdictionId, isAbove, s)));
        }
        return graded;
    }
}
