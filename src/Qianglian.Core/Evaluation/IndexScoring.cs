using Qianglian.Core.Scoring;

namespace Qianglian.Core.Evaluation;

/// <summary>One subject's outcome of a chain index or park evaluation: its values, score (or why none) and verdict.</summary>
public sealed record IndexOutcome(SubjectFacts Facts, IReadOnlyDictionary<string, decimal?> Values, SubjectScore Score, Verdict Verdict)
{
    public bool Insufficient => Score.ClassKey == IndexScoring.InsufficientKey;
}

/// <summary>
/// Scores the subjects of a chain index (达州 （七）) or park evaluation (攀枝花 十六) for a year — only those with the
/// year's data. A subject without it says "数据不足，不予评价": no score, no rank, no praise or criticism, and it takes
/// no part in the averages or rank shares the others are scored by. A year nobody reported is never scored as zero
/// output and −100% growth.
/// </summary>
public static class IndexScoring
{
    public const string InsufficientClass = "数据不足，不予评价";
    public const string InsufficientKey = "insufficient";

    /// <summary>
    /// Why a subject cannot be evaluated for the year under the model, or null when it can: the model reads the year's
    /// enterprise figures (产值, 增速, 规上企业数, 研发投入强度 — the statistics every chain and park figure rests on) and no
    /// enterprise of the subject reported the year; or none of the year's values the model reads has any value.
    /// A model that reads only the chain's structure (nodes, 链主, tiers) can always be evaluated.
    /// </summary>
    public static string? Insufficiency(ScoringModel model, SubjectFacts facts, IReadOnlyDictionary<string, decimal?> values, int year)
    {
        var reads = model.Reads();
        if (reads.Any(IndexInputs.FromYearFigures.Contains) && !facts.Members.Any(m => m.Reported))
            return $"{year}年没有企业报送产值、营业收入等年度数据：{InsufficientClass}";
        var ofTheYear = reads.Where(IndexInputs.OfTheYear.Contains).ToList();
        if (ofTheYear.Count > 0 && ofTheYear.All(k => values.GetValueOrDefault(k) is null))
            return $"{year}年没有评价所需的年度数据：{InsufficientClass}";
        return null;
    }

    public static IReadOnlyList<IndexOutcome> Score(ScoringModel model, IReadOnlyList<SubjectFacts> subjects, int year,
        IReadOnlyCollection<string> praise, IReadOnlyCollection<string> criticism)
    {
        var values = subjects.Select(IndexInputs.Values).ToList();
        var why = subjects.Select((s, n) => Insufficiency(model, s, values[n], year)).ToList();
        var evaluable = Enumerable.Range(0, subjects.Count).Where(n => why[n] is null).ToList();
        var scores = Scorer.Score(model, evaluable.Select(n => new Subject(subjects[n].Id, subjects[n].Name, values[n])).ToList());
        var byIndex = evaluable.Zip(scores).ToDictionary(p => p.First, p => p.Second);
        return subjects.Select((s, n) =>
        {
            var score = byIndex.TryGetValue(n, out var scored)
                ? scored
                : new SubjectScore(s.Id, s.Name, null, InsufficientClass, InsufficientKey, null, false, [], new Dictionary<string, decimal>(), [why[n]!]);
            return new IndexOutcome(s, values[n], score, Verdicts.Of(score, praise, criticism));
        }).ToList();
    }
}
