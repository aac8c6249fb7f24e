using Qianglian.Core.Scoring;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// A stored result written out again: its figures scored under the run's model with the run's averages — the very
/// arithmetic of the run, so the lines add up to the stored total — and the class and rank the run gave it.
/// </summary>
public static class ResultExplanation
{
    public static SubjectScore Of(EvaluationResult r, CompiledModel model, IReadOnlyDictionary<string, decimal> averages, string name)
    {
        if (r.Explanation is { } stored) return ModelJson.Read<SubjectScore>(stored);
        var id = r.ChainId is { } chain ? $"{chain:N}:{r.EnterpriseId:N}" : r.EnterpriseId.ToString("N");
        IReadOnlyList<string> notes = r.Notes is { } text ? text.Split(NotesSeparator) : [];
        if (r.Figures is null) return new SubjectScore(id, name, r.Score, r.Class, r.ClassKey, r.Rank, r.Exempt, [], new Dictionary<string, decimal>(), notes);
        return Scorer.Explain(model, id, name, ResultFigures.Read(model, r.Figures), averages, new Outcome(r.Score, r.Class, r.ClassKey, r.Rank, r.Exempt, notes));
    }

    /// <summary>How a result's notes are joined in its Notes column.</summary>
    public const string NotesSeparator = "；";

    public static string? JoinNotes(IReadOnlyList<string> notes) => notes.Count > 0 ? string.Join(NotesSeparator, notes) : null;

    /// <summary>A run's averages as stored (<see cref="EvaluationRun.Averages"/>): by model, then by indicator.</summary>
    public static Dictionary<Guid, Dictionary<string, decimal>> ReadAverages(EvaluationRun run) =>
        ModelJson.Read<Dictionary<Guid, Dictionary<string, decimal>>>(run.Averages);

    /// <summary>The averages of each model's group of a run, as <see cref="EvaluationRun.Averages"/> keeps them (groups that imputed nothing left out).</summary>
    public static string WriteAverages(IEnumerable<(Guid? ModelId, ScoredGroup? Group)> groups) =>
        ModelJson.Write(groups.Where(g => g.ModelId is not null && g.Group is { Scores.Averages.Count: > 0 })
            .ToDictionary(g => g.ModelId!.Value, g => g.Group!.Scores.Averages));

    public static IReadOnlyDictionary<string, decimal> AveragesOf(Dictionary<Guid, Dictionary<string, decimal>> byModel, Guid modelId) =>
        byModel.TryGetValue(modelId, out var averages) ? averages : new Dictionary<string, decimal>();
}
