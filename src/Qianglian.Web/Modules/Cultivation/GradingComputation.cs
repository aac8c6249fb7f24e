using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
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
/// The enterprises are streamed by one query; each keeps only the values its model reads.
/// </summary>
public static class GradingComputation
{
    private sealed record Graded(Guid Id, Guid JurisdictionId, Subject Subject);

    public static async Task<IReadOnlyList<GradedEnterprise>> ComputeAsync(AppDbContext db, string path, int year, ScoringModel above, ScoringModel? below, DateOnly asOf, CancellationToken ct)
    {
        var population = db.Enterprises.Where(e => e.JurisdictionPath.StartsWith(path) && e.IndustryCode != null
                                                   && db.EnterpriseFacts.Any(f => f.EnterpriseId == e.Id && f.Year == year));
        var previousYears = EnterpriseValues.NeedPreviousYears(above) || below is not null && EnterpriseValues.NeedPreviousYears(below);
        var (aboveReads, belowReads) = (above.Reads(), below?.Reads() ?? new HashSet<string>());
        var (abovePopulation, belowPopulation) = (new List<Graded>(), new List<Graded>());
        var negative = new List<string>();
        await foreach (var i in EnterpriseInputs.StreamAsync(db, population, year, asOf, previousYears, ct))
        {
            if (!i.Industrial || i.Facts is null) continue;
            if (i.Facts.LandMu < 0) negative.Add($"{i.Name}：{i.Facts.LandMu}亩");
            var reads = i.AboveScale ? aboveReads : belowReads;
            var values = i.Values.Where(v => reads.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            (i.AboveScale ? abovePopulation : belowPopulation).Add(new Graded(i.Id, i.JurisdictionId, new Subject(i.Id.ToString("N"), i.Name, values)));
        }
        if (negative.Count > 0) throw new ValidationException("landMu", $"用地面积不能为负数，请先更正企业数据：{string.Join("、", negative.Take(10))} (negative land area)");

        var graded = new List<GradedEnterprise>(abovePopulation.Count + belowPopulation.Count);
        foreach (var (model, members, isAbove) in new[] { (above, abovePopulation, true), (below, belowPopulation, false) })
        {
            if (model is null || members.Count == 0) continue;
            var scores = Scorer.Score(model, members.Select(m => m.Subject).ToList());
            graded.AddRange(members.Zip(scores, (m, s) => new GradedEnterprise(m.Id, m.JurisdictionId, isAbove, s)));
        }
        return graded;
    }
}
