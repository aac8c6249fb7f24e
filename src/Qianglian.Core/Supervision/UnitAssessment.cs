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
public sealed record UnitRecord(int ReportsOwed, int ReportsOnTime, int TasksDue, int TasksCompletedOnTime, IReadOnlyList<TrafficLight> Lights);

public sealed record AssessmentPart(string Name, decimal Rate, int Weight, decimal Points, string Explanation);

public sealed record AssessmentScore(decimal Total, IReadOnlyList<AssessmentPart> Parts)
{
    public string Explanation => string.Join(" + ", Parts.Select(p => p.Explanation)) + $" = {Total:0.##}";
}

/// <summary>
/// 考核 of a unit (黔江 四（三）): on-time reporting, task completion and the supervisor's marks, each a rate from 0 to 1
/// times its weight. A part with nothing to count yet scores full marks, and says so. Green counts 1, yellow 0.6, red 0.
/// </summary>
public static class UnitAssessment
{
    public const decimal YellowValue = 0.6m;

    public static AssessmentScore Score(UnitRecord record, AssessmentWeights weights)
    {
        var parts = new[]
        {
            Part("按时报送率", record.ReportsOnTime, record.ReportsOwed, weights.Reporting, "无应报月报"),
            Part("任务按期完成率", record.TasksCompletedOnTime, record.TasksDue, weights.Completion, "无到期任务"),
            LightsPart(record.Lights, weights.Rating),
        };
        return new AssessmentScore(Math.Round(parts.Sum(p => p.Points), 2), parts);
    }

    private static AssessmentPart Part(string name, int part, int whole, int weight, string none)
    {
        if (whole == 0) return new AssessmentPart(name, 1m, weight, weight, $"{name}（{none}）{weight}");
        var rate = (decimal)part / whole;
        var points = Math.Round(rate * weight, 2);
        return new AssessmentPart(name, rate, weight, points, $"{name} {part}/{whole}×{weight}={points:0.##}");
    }

    private static AssessmentPart LightsPart(IReadOnlyList<TrafficLight> lights, int weight)
    {
        const string name = "督查评价";
        if (lights.Count == 0) return new AssessmentPart(name, 1m, weight, weight, $"{name}（未评价）{weight}");
        var value = lights.Sum(l => l switch { TrafficLight.Green => 1m, TrafficLight.Yellow => YellowValue, _ => 0m });
        var rate = value / lights.Count;
        var points = Math.Round(rate * weight, 2);
        var counts = $"绿{lights.Count(l => l == TrafficLight.Green)}黄{lights.Count(l => l == TrafficLight.Yellow)}红{lights.Count(l => l == TrafficLight.Red)}";
        return new AssessmentPart(name, rate, weight, points, $"{name}（{counts}）{value:0.##}/{lights.Count}×{weight}={points:0.##}");
    }
}
