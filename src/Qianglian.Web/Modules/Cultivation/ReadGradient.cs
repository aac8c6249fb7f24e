using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Modules.Cultivation;

public sealed record GradientRow(Guid EnterpriseId, string Name, string Uscc, string JurisdictionPath, GradientLevel Held, GradientLevel CanApplyFor, GradientLevel? Next,
    decimal? InnovativeScore, string Summary);

public sealed record AwardRow(Guid HonourId, Guid EnterpriseId, string Name, string Uscc, string JurisdictionPath, HonourKind Kind, HonourLevel Level, int Year);

/// <summary>
/// The 专精特新 pipeline: each SME with facts for the year pre-scored against the national gradient (the models of
/// its jurisdiction, inherited from the nation unless overridden), the level it holds from its recorded honours, the
/// level it could apply for, and what fails for the next; and the first-time recognitions that earn the one-time award.
/// </summary>
public sealed class ReadGradient(AppDb dbs, CurrentUser user)
{
    public async Task<IReadOnlyList<GradientRow>> Pipeline(int year, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var ids = await db.EnterpriseFacts.AsNoTracking().Where(f => f.Year == year).Select(f => f.EnterpriseId).ToListAsync(ct);
        var assessed = await AssessAsync(db, ids, year, CultivationClock.YearEnd(year), ct);
        return assessed.Where(a => a.Input.Values.GetValueOrDefault("sme") == 1)
            .Select(a => new GradientRow(a.Input.Id, a.Input.Name, a.Input.Uscc, a.Input.JurisdictionPath, a.Assessment.Held, a.Assessment.CanApplyFor, a.Assessment.Next,
                a.Assessment.Levels[0].Score, a.Assessment.Summary))
            .OrderByDescending(r => r.CanApplyFor != GradientLevel.None).ThenByDescending(r => r.Held).ThenByDescending(r => r.InnovativeScore).ToList();
    }

    internal sealed record Assessed(EnterpriseInput Input, GradientAssessment Assessment, SubjectScore Innovative);

    internal static async Task<IReadOnlyList<Assessed>> AssessAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, int year, DateOnly asOf, CancellationToken ct)
    {
        var inputs = (await EnterpriseInputs.LoadAsync(db, ids, year, asOf, ct)).Values.Where(i => i.Facts is not null).ToList();
        var held = await HeldLevels(db, inputs.Select(i => i.Id).ToList(), year, ct);
        var result = new List<Assessed>();
        foreach (var group in inputs.GroupBy(i => i.JurisdictionPath))
        {
            var (_, innovativeModel) = await ModelCatalog.RequireScoring(db, group.Key, ModelCatalog.InnovativeSme, year, ct);
            var srdi = await ModelCatalog.Conditions(db, group.Key, ModelCatalog.SrdiSme, year, ct) ?? new ConditionSet();
            var giant = await ModelCatalog.Conditions(db, group.Key, ModelCatalog.LittleGiant, year, ct) ?? new ConditionSet();
            var list = group.ToList();
            var scores = Scorer.Score(innovativeModel, list.Select(i => new Subject(i.Id.ToString("N"), i.Name, i.Values)).ToList());
            for (var n = 0; n < list.Count; n++)
            {
                var i = list[n];
                var assessment = SrdiGradient.Assess(held.GetValueOrDefault(i.Id), scores[n], Conditions.Check(srdi, i.Values), Conditions.Check(giant, i.Values));
                result.Add(new Assessed(i, assessment, scores[n]));
            }
        }
        return result;
    }

    /// <summary>The highest gradient level recorded as granted up to the year (any level of 创新型; 专精特新 at provincial level or above).</summary>
    private static async Task<Dictionary<Guid, GradientLevel>> HeldLevels(AppDbContext db, List<Guid> ids, int year, CancellationToken ct)
    {
        var held = new Dictionary<Guid, GradientLevel>();
        foreach (var chunk in ids.Chunk(2000))
            foreach (var h in await db.EnterpriseHonours.AsNoTracking().Where(h => h.EnterpriseId != null && chunk.Contains(h.EnterpriseId.Value) && h.Year <= year
                         && (h.Kind == HonourKind.InnovativeSme || h.Kind == HonourKind.SrdiSme || h.Kind == HonourKind.LittleGiant)).ToListAsync(ct))
            {
                var level = h.Kind switch
                {
                    HonourKind.LittleGiant => GradientLevel.LittleGiant,
                    HonourKind.SrdiSme when h.Level != HonourLevel.Municipal => GradientLevel.SrdiSme,
                    HonourKind.SrdiSme or HonourKind.InnovativeSme => GradientLevel.InnovativeSme,
                    _ => GradientLevel.None,
                };
                if (level > held.GetValueOrDefault(h.EnterpriseId!.Value)) held[h.EnterpriseId.Value] = level;
            }
        return held;
    }

    public async Task<IReadOnlyList<AwardRow>> Awards(int year, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var granted = await (from h in db.EnterpriseHonours.AsNoTracking()
                             join e in db.Enterprises on h.EnterpriseId equals (Guid?)e.Id
                             where h.Year == year
                             select new { h, e.Name, e.Uscc }).ToListAsync(ct);
        var ids = granted.Select(g => g.h.EnterpriseId).Distinct().ToList();
        var earlier = await db.EnterpriseHonours.AsNoTracking().Where(h => ids.Contains(h.EnterpriseId) && h.Year < year).Select(h => new { h.EnterpriseId, h.Kind, h.Level }).ToListAsync(ct);
        var rows = new List<AwardRow>();
        var settingsByPath = new Dictionary<string, CultivationSettings>();
        foreach (var g in granted)
        {
            if (!settingsByPath.TryGetValue(g.h.JurisdictionPath, out var settings))
                settingsByPath[g.h.JurisdictionPath] = settings = await ModelCatalog.Settings(db, g.h.JurisdictionPath, year, ct);
            if (!settings.Awards.Any(a => a.Kind == g.h.Kind && a.Level == g.h.Level)) continue;
            if (earlier.Any(x => x.EnterpriseId == g.h.EnterpriseId && x.Kind == g.h.Kind && x.Level == g.h.Level)) continue;
            rows.Add(new AwardRow(g.h.Id, g.h.EnterpriseId!.Value, g.Name, g.Uscc, g.h.JurisdictionPath, g.h.Kind, g.h.Level, g.h.Year));
        }
        return rows.OrderBy(r => r.Level).ThenBy(r => r.Kind).ThenBy(r => r.Name).ToList();
    }
}
