using Qianglian.Core.Scoring;

namespace Qianglian.Core.Evaluation;

/// <summary>通报表扬 / 通报批评 (达州 （七）: 对发展成效显著的产业链进行表扬，对推进不力的进行通报批评).</summary>
public enum Verdict { None = 0, Praise = 1, Criticism = 2 }

/// <summary>
/// Which subjects of a ranking are praised and which criticised: by the class the model gives them (the pack names
/// the praised and the criticised class keys). A subject that was not scored is neither.
/// </summary>
public static class Verdicts
{
    public static Verdict Of(SubjectScore s, IReadOnlyCollection<string> praise, IReadOnlyCollection<string> criticism) =>
        !s.Scored ? Verdict.None
        : praise.Contains(s.ClassKey) ? Verdict.Praise
        : criticism.Contains(s.ClassKey) ? Verdict.Criticism
        : Verdict.None;

    /// <summary>Class keys the model's classification can give: its bands' keys (or labels) and "" for the otherwise class.</summary>
    public static IReadOnlySet<string> ClassKeys(ScoringModel m) =>
        m.Classification.Bands.Select(b => b.Key.Length > 0 ? b.Key : b.Label).Append("").ToHashSet();
}
