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
        var id = RunSubject.IdOf(r.EnterpriseId, r.ChainId);
        IReadOnlyList<string> notes = r.Notes is { } text ? text.Split(NotesSeparator) : [];
        if (r.Figures is null) return new SubjectScore(id, name, r.Score, r.Class, r.ClassKey, r.Rank, r.Exempt, [], new Dictionary<string, decimal>(), notes);
        return Scorer.Explain(model, id, name, ResultFigures.Read(model, r.Figures), averages, new Outcome(r.Score, r.Class, r.ClassKey, r.Rank, r.Exempt, notes));
    }

    /// <summary>How a result's notes are joined in its Notes column.</summary>
    public const string NotesSeparator = "；";

    public static string? JoinNotes(IReadOnlyList<string> notes) => notes.Count > 0 ? string.Join(NotesSeparator, notes) : null;

    /// <summary>A run's figures by model and key as stored (<see cref="EvaluationRun.Averages"/>, <see cref="EvaluationRun.LowestTotals"/>).</summary>
    public static Dictionary<Guid, Dictionary<string, decimal>> ReadByModel(string json) => ModelJson.Read<Dictionary<Guid, Dictionary<string, decimal>>>(json);

    /// <summary>Figures by model and key, as a run keeps them (models without any left out).</summary>
    public static string WriteByModel(IEnumerable<(Guid? ModelId, IReadOnlyDictionary<string, decimal>? Values)> byModel) =>
        ModelJson.Write(byModel.Where(m => m.ModelId is not null && m.Values is { Count: > 0 }).ToDictionary(m => m.ModelId!.Value, m => m.Values!));

    public static IReadOnlyDictionary<string, decimal> ForModel(Dictionary<Guid, Dictionary<string, decimal>> byModel, Guid modelId) =>
        byModel.TryGetValue(modelId, out var values) ? values : new Dictionary<string, decimal>();
}
