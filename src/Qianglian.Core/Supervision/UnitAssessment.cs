namespace Qianglian.Core.Supervision;

public enum TrafficLight { Green = 1, Yellow = 2, Red = 3 }

/// <summary>Weights (points out of 100) of the three parts of a unit's assessment; they must sum to 100.</summary>
public sealed record AssessmentWeights(int Reporting, int Completion, int Rating)
{
    public static readonly AssessmentWeights Default = new(40, 40, 20);

    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (Reporting < 0 || Completion < 0 || Rating < 0) yield return ("assessment", "权重不能为负 (weights cannot be negative)");
        var sum = Reporting + Completion + Rating;
        if (sum != 100) yield return ("assessment", $"考核权重之和应为100，实为{sum} (weights must sum to 100, not {sum})");
    }
}

/// <summary>A unit's record over its tasks up to the assessment day.</summary>
/// <param name="ReportsOwed">Monthly reports already due.</param>
/// <param name="ReportsOnTime">Of those, submitted by the due date.</param>
/// <param name="TasksDue">Tasks whose due date has passed (or that are completed).</param>
/// <param name="TasksCompletedOnTime">Of those, completed by their due date.</param>
/// <param name="Lights">The supervisor's latest mark of each marked task.</param>
/// <param name="UnmarkedTasks">Tasks the supervisor has not marked (yet): they count in no part of 督查评价.</param>
public sealed record UnitRecord(int ReportsOwed, int ReportsOnTime, int TasksDue, int TasksCompletedOnTime, IReadOnlyList<TrafficLight> Lights, int UnmarkedTasks = 0);

/// <param name="Rated">The part had something to count; a part that had nothing is left out of the total (not given its weight).</param>
public sealed record AssessmentPart(string Name, bool Rated, decimal? Rate, int Weight, decimal Points, string Explanation);

/// <param name="Total">Out of 100, over the rated parts; null when no part could be rated (未考核).</param>
/// <param name="RatedWeight">The weights of the rated parts (100 when every part was rated).</param>
public sealed record AssessmentScore(decimal? Total, int RatedWeight, IReadOnlyList<AssessmentPart> Parts)
{
    public bool Rated => Total is not null;

    public string Explanation => Total is not { } total
        ? $"{UnitAssessment.Unrated}：{string.Join("；", Parts.Select(p => p.Explanation))}"
        : string.Join(" + ", Parts.Select(p => p.Explanation))
          + (RatedWeight == 100 ? $" = {total:0.##}" : $" = {Parts.Where(p => p.Rated).Sum(p => p.Points):0.##}，按已考核的{RatedWeight}分折算为百分制：{total:0.##}");
}

/// <summary>
/// 考核 of a unit (黔江 四（三）: the text asks for a 专项考核 without its method, so the parts, their weights and the
/// rules below are the platform's defaults, labelled as such on screen): on-time reporting, task completion and the
/// supervisor's marks, each a rate from 0 to 1 times its weight. Green counts 1, yellow 0.6, red 0.
/// <list type="bullet">
/// <item>A task the supervisor has not marked counts in no part of 督查评价: the marks part averages the marked tasks.</item>
/// <item>A part with nothing to count yet (no report due, no task due, no task marked) is not rated: it gets neither
/// full marks nor zero, and the total is the rated parts' points scaled to 100 (按已考核部分折算).</item>
/// <item>A unit with no part rated has no score (未考核) and ranks after every rated unit, never above one.</item>
/// <item>Equal scores share a rank (1, 1, 3).</item>
/// </list>
/// </summary>
public static class UnitAssessment
{
    public const decimal YellowValue = 0.6m;
    public const string Unrated = "未考核（尚无应报月报、到期任务或督查评价）";

    public static AssessmentScore Score(UnitRecord record, AssessmentWeights weights)
    {
        var parts = new[]
        {
            Part("按时报送率", record.ReportsOnTime, record.ReportsOwed, weights.Reporting, "无应报月报"),
            Part("任务按期完成率", record.TasksCompletedOnTime, record.TasksDue, weights.Completion, "无到期任务"),
            LightsPart(record.Lights, record.UnmarkedTasks, weights.Rating),
        };
        var rated = parts.Where(p => p.Rated).ToList();
        var ratedWeight = rated.Sum(p => p.Weight);
        decimal? total = rated.Count == 0 || ratedWeight == 0 ? null : Math.Round(rated.Sum(p => p.Points) * 100m / ratedWeight, 2);
        return new AssessmentScore(total, ratedWeight, parts);
    }

    /// <summary>The rank of each score (null for an unrated unit): 1 = best, equal scores share the better rank.</summary>
    public static int?[] Ranks(IReadOnlyList<decimal?> scores) => Scoring.Scorer.Ranks(scores);

    private static AssessmentPart Part(string name, int part, int whole, int weight, string none)
    {
        if (whole == 0) return new AssessmentPart(name, false, null, weight, 0, $"{name}（{none}，不计入）");
        var rate = (decimal)part / whole;
        var points = Math.Round(rate * weight, 2);
        return new AssessmentPart(name, true, rate, weight, points, $"{name} {part}/{whole}×{weight}={points:0.##}");
    }

    private static AssessmentPart LightsPart(IReadOnlyList<TrafficLight> lights, int unmarked, int weight)
    {
        const string name = "督查评价";
        var aside = unmarked > 0 ? $"，{unmarked}项任务未评价不计入" : "";
        if (lights.Count == 0) return new AssessmentPart(name, false, null, weight, 0, $"{name}（未评价{aside}）");
        var value = lights.Sum(l => l switch { TrafficLight.Green => 1m, TrafficLight.Yellow => YellowValue, _ => 0m });
        var rate = value / lights.Count;
        var points = Math.Round(rate * weight, 2);
        var counts = $"绿{lights.Count(l => l == TrafficLight.Green)}黄{lights.Count(l => l == TrafficLight.Yellow)}红{lights.Count(l => l == TrafficLight.Red)}{aside}";
        return new AssessmentPart(name, true, rate, weight, points, $"{name}（{counts}）{value:0.##}/{lights.Count}×{weight}={points:0.##}");
    }
}
