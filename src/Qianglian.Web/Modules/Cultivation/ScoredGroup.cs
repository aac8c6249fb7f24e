using Qianglian.Core.Scoring;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>Whom a row of a run scores: an enterprise, where it is, and the chain it is evaluated for (a tier review).</summary>
public readonly record struct RunSubject(Guid EnterpriseId, Guid JurisdictionId, Guid? ChainId = null)
{
    /// <summary>How a run names the subject in its explanations: the enterprise, or the chain and the enterprise.</summary>
    public static string IdOf(Guid enterpriseId, Guid? chainId) => chainId is { } chain ? $"{chain:N}:{enterpriseId:N}" : enterpriseId.ToString("N");
}

/// <summary>
/// The subjects of a run scored under one model, in one order: who each is, the row of values the model read, and the
/// outcome. A province's run holds a million of each — numbers, not text: explanations are written out on demand.
/// </summary>
public sealed record ScoredGroup(CompiledModel Model, IReadOnlyList<RunSubject> Subjects, IReadOnlyList<decimal?[]> Rows, PopulationScores Scores)
{
    public int Count => Subjects.Count;

    /// <summary>The lowest total in each class, by class key (the subjects not scored or in no band left out).</summary>
    public IReadOnlyDictionary<string, decimal> LowestTotals() => WhatIf.LowestTotals(Scores.Outcomes.Select(o => (o.Total, o.ClassKey)));

    public static ScoredGroup Score(CompiledModel model, IReadOnlyList<RunSubject> subjects, IReadOnlyList<decimal?[]> rows) =>
        new(model, subjects, rows, Scorer.ScoreAll(model, rows));

    /// <summary>One subject written out with every indicator's value, points and rule (tests, a single result).</summary>
    public SubjectScore Explain(int n, string name = "") =>
        Scorer.Explain(Model, RunSubject.IdOf(Subjects[n].EnterpriseId, Subjects[n].ChainId), name, Rows[n], Scores.Averages, Scores.Outcomes[n]);
}
