using Qianglian.Core.Scoring;

namespace Qianglian.Core.Cultivation;

/// <summary>优质中小企业梯度: 创新型中小企业 → 专精特新中小企业 → 专精特新"小巨人" (工信部企业〔2022〕63号).</summary>
public enum GradientLevel { None = 0, InnovativeSme = 1, SrdiSme = 2, LittleGiant = 3 }

/// <param name="Met">Every applicable condition is met (a matter to verify by hand does not block the pre-score).</param>
public sealed record LevelCheck(GradientLevel Level, string Name, bool Met, decimal? Score, IReadOnlyList<ConditionOutcome> Outcomes, IReadOnlyList<string> Failures);

/// <param name="CanApplyFor">The level above the one held whose conditions are met, or None.</param>
/// <param name="Next">The level above the one held (null at the top).</param>
public sealed record GradientAssessment(GradientLevel Held, GradientLevel CanApplyFor, GradientLevel? Next, IReadOnlyList<LevelCheck> Levels, string Summary);

/// <summary>
/// Pre-scores an enterprise against the gradient: the 创新型中小企业 100-point scheme (a scoring model: pass band and
/// dimension minimums), then the entry conditions of 专精特新中小企业 and of 小巨人 (condition sets). One level at a
/// time: an enterprise applies for the level above the one it holds; for that level every failing condition is named
/// with its shortfall.
/// </summary>
public static class SrdiGradient
{
    public static GradientAssessment Assess(GradientLevel held, SubjectScore innovative, IReadOnlyList<ConditionOutcome> srdiSme, IReadOnlyList<ConditionOutcome> littleGiant)
    {
        var innovativeMet = innovative.Scored && innovative.ClassKey == "pass";
        var innovativeFailures = innovativeMet ? [] : innovative.Notes.Concat(innovative.Scored
            ? [$"评价得分 {Quantity.Number(innovative.Total!.Value)}，需达到 60 分"] : []).ToList();
        var levels = new List<LevelCheck>
        {
            new(GradientLevel.InnovativeSme, "创新型中小企业", innovativeMet, innovative.Total, [], innovativeFailures),
            Check(GradientLevel.SrdiSme, "专精特新中小企业", srdiSme),
            Check(GradientLevel.LittleGiant, "专精特新“小巨人”企业", littleGiant),
        };
        GradientLevel? next = held == GradientLevel.LittleGiant ? null : held + 1;
        var canApply = next is { } n && levels[(int)n - 1].Met ? n : GradientLevel.None;
        var summary = next is not { } nx ? "已是专精特新“小巨人”企业"
            : canApply != GradientLevel.None ? $"可申报{levels[(int)nx - 1].Name}"
            : $"申报{levels[(int)nx - 1].Name}尚不满足：{string.Join("；", levels[(int)nx - 1].Failures)}";
        return new(held, canApply, next, levels, summary);
    }

    private static LevelCheck Check(GradientLevel level, string name, IReadOnlyList<ConditionOutcome> outcomes)
    {
        var failures = outcomes.Where(o => o.Status is ConditionStatus.Failed or ConditionStatus.Unknown).Select(o => o.Text).ToList();
        return new(level, name, failures.Count == 0, null, outcomes, failures);
    }
}
