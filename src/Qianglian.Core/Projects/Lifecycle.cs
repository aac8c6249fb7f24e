namespace Qianglian.Core.Projects;

/// <summary>谋划储备 → 签约 → 开工 → 竣工投产 → 达产增效, or 终止/退出.</summary>
public enum ProjectStage { Reserve = 1, Signed = 2, Started = 3, Completed = 4, AtCapacity = 5, Terminated = 9 }

/// <summary>Where an approval stands. Tolerated: 容缺受理 on a written commitment to complete it by a deadline.</summary>
public enum ApprovalStatus { NotStarted = 0, InProgress = 1, Approved = 2, Tolerated = 3, NotRequired = 4 }

/// <summary>An approval as the start precondition sees it.</summary>
public sealed record ApprovalState(ApprovalStatus Status, DateOnly? CommitmentDeadline)
{
    public static readonly ApprovalState Missing = new(ApprovalStatus.NotStarted, null);

    /// <summary>Approved, not required, or tolerated on a commitment with a deadline (容缺+承诺).</summary>
    public bool Clears => Status is ApprovalStatus.Approved or ApprovalStatus.NotRequired
                          || (Status == ApprovalStatus.Tolerated && CommitmentDeadline is not null);
}

/// <summary>What the lifecycle rule needs to know of a project.</summary>
/// <param name="StageSince">The date of the last transition (or of listing, for a reserve project).</param>
public sealed record LifecycleFacts(ProjectStage Stage, DateOnly StageSince, bool HasEnterprise, ApprovalState Land, ApprovalState ConstructionPermit);

/// <summary>
/// The transition table of the key-project library. A project moves one stage forward at a time (a jump would skip
/// the next stage's preconditions) or is terminated from any open stage with a reason. Every transition carries
/// its date: not in the future, not before the previous one. 开工 needs the land and the construction permit —
/// approved, or accepted under 容缺 with a committed deadline (攀枝花 十三: "容缺+承诺").
/// </summary>
public static class Lifecycle
{
    private static readonly IReadOnlyDictionary<ProjectStage, ProjectStage> Next = new Dictionary<ProjectStage, ProjectStage>
    {
        [ProjectStage.Reserve] = ProjectStage.Signed,
        [ProjectStage.Signed] = ProjectStage.Started,
        [ProjectStage.Started] = ProjectStage.Completed,
        [ProjectStage.Completed] = ProjectStage.AtCapacity,
    };

    public static readonly IReadOnlyList<ProjectStage> Ordered =
        [ProjectStage.Reserve, ProjectStage.Signed, ProjectStage.Started, ProjectStage.Completed, ProjectStage.AtCapacity];

    public static string Name(ProjectStage stage) => stage switch
    {
        ProjectStage.Reserve => "谋划储备", ProjectStage.Signed => "签约", ProjectStage.Started => "开工",
        ProjectStage.Completed => "竣工投产", ProjectStage.AtCapacity => "达产增效", _ => "终止/退出",
    };

    /// <summary>The stages a project may move to from here.</summary>
    public static IReadOnlyList<ProjectStage> Allowed(ProjectStage from) =>
        from == ProjectStage.Terminated ? []
        : Next.TryGetValue(from, out var next) ? [next, ProjectStage.Terminated] : [ProjectStage.Terminated];

    /// <summary>Why the transition is refused, field by field; empty when it may go ahead.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(LifecycleFacts facts, ProjectStage to, DateOnly on, string? reason, DateOnly today)
    {
        var refusals = new List<(string, string)>();
        if (facts.Stage == ProjectStage.Terminated)
            return [("to", "项目已终止/退出，不能再变更阶段 (the project has been terminated)")];
        if (to == facts.Stage)
            return [("to", $"项目已处于“{Name(to)}”阶段 (already in this stage)")];
        if (!Allowed(facts.Stage).Contains(to))
        {
            var next = Next.GetValueOrDefault(facts.Stage);
            return [("to", (int)to < (int)facts.Stage
                ? $"阶段不能倒退：当前为“{Name(facts.Stage)}” (stages do not go back)"
                : $"不能从“{Name(facts.Stage)}”直接进入“{Name(to)}”，须先经过“{Name(next)}” (a stage cannot be skipped)")];
        }
        if (on > today) refusals.Add(("on", $"日期{on:yyyy-MM-dd}不能晚于今天 (the date must not be in the future)"));
        if (on < facts.StageSince) refusals.Add(("on", $"日期{on:yyyy-MM-dd}早于上一阶段的日期{facts.StageSince:yyyy-MM-dd} (before the previous transition)"));
        switch (to)
        {
            case ProjectStage.Signed when !facts.HasEnterprise:
                refusals.Add(("enterpriseId", "签约前须先确定项目单位（投资企业） (a signed project needs its enterprise)"));
                break;
            case ProjectStage.Started:
                if (!facts.Land.Clears)
                    refusals.Add(("land", "开工须已取得用地手续，或已办理容缺受理并承诺办结时限 (starting needs the land approval or a 容缺 commitment with a deadline)"));
                if (!facts.ConstructionPermit.Clears)
                    refusals.Add(("constructionPermit", "开工须已取得施工许可，或已办理容缺受理并承诺办结时限 (starting needs the construction permit or a 容缺 commitment with a deadline)"));
                break;
            case ProjectStage.Terminated when string.IsNullOrWhiteSpace(reason):
                refusals.Add(("reason", "终止/退出须说明原因 (a termination needs its reason)"));
                break;
        }
        return refusals;
    }
}
