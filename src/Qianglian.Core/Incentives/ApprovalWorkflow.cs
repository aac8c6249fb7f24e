namespace Qianglian.Core.Incentives;

/// <summary>What a stage is for; it decides what "passing" the stage needs.</summary>
public enum StageKind
{
    /// <summary>受理: the receiving unit accepts the application.</summary>
    Intake = 1,
    /// <summary>会商: the lead unit passes it once every consulted unit has recorded its opinion.</summary>
    Consultation = 2,
    /// <summary>专题研究: one opinion and a pass by the convener.</summary>
    Study = 3,
    /// <summary>审定: the amount (≤ the computed ceiling) and the payment method are fixed.</summary>
    Approval = 4,
    /// <summary>兑付: payments are recorded; the stage passes itself when the approved amount is paid.</summary>
    Payment = 5,
    /// <summary>归档: the file is closed.</summary>
    Archive = 6,
}

public enum WorkflowTrigger { Submit = 1, Pass = 2, Return = 3, Reject = 4 }

/// <summary>
/// Who may act on a stage: a user with one of <see cref="Roles"/> (any role when empty) and, when set, of
/// <see cref="Unit"/> (a unit key such as xiqu.jxj); or, with <see cref="ChainChief"/>, the chief of the project's chain.
/// </summary>
public sealed record StageActor
{
    public IReadOnlyList<string> Roles { get; init; } = [];
    public string? Unit { get; init; }
    public bool ChainChief { get; init; }

    public bool Allows(ActingUser user)
    {
        if (Roles.Count > 0 && !Roles.Any(user.Roles.Contains)) return false;
        if (Unit is not null && user.UnitKey != Unit) return false;
        return !ChainChief || user.IsChainChief;
    }
}

/// <summary>The facts about a user that decide whether they may act on a stage.</summary>
public sealed record ActingUser(IReadOnlyCollection<string> Roles, string? UnitKey, bool IsChainChief);

/// <param name="Opinions">Consultation: the unit keys that must each record an opinion before the stage passes.</param>
/// <param name="DeadlineDays">Days the stage may take from when the application entered it: calendar days, or working
/// days on the jurisdiction's holiday calendar when <see cref="WorkingDays"/> is set (the pack says which).</param>
public sealed record StageDefinition(string Key, string Name, StageKind Kind, StageActor Actor, IReadOnlyList<string> Opinions, int DeadlineDays)
{
    public bool WorkingDays { get; init; }
}

/// <summary>
/// An approval sequence as data (packs/&lt;code&gt;/incentives.yaml): the stages an application passes after it is
/// submitted. <see cref="Table"/> is its transition table; the host drives it with a state machine.
/// </summary>
public sealed record WorkflowDefinition(string Key, string Name, IReadOnlyList<StageDefinition> Stages)
{
    public const string Draft = "draft";
    public const string Returned = "returned";
    public const string Rejected = "rejected";
    public const string Archived = "archived";

    public static readonly IReadOnlySet<string> Reserved = new HashSet<string> { Draft, Returned, Rejected, Archived };

    public StageDefinition? Stage(string state) => Stages.FirstOrDefault(s => s.Key == state);

    /// <summary>
    /// Every permitted transition: submit (and resubmit after a return) into the first stage; each stage passes to
    /// the next (the last to archived); before payment any stage may return the file for supplement or reject it.
    /// </summary>
    public IReadOnlyList<(string From, WorkflowTrigger Trigger, string To)> Table()
    {
        var rows = new List<(string, WorkflowTrigger, string)>();
        if (Stages.Count == 0) return rows;
        rows.Add((Draft, WorkflowTrigger.Submit, Stages[0].Key));
        rows.Add((Returned, WorkflowTrigger.Submit, Stages[0].Key));
        for (var i = 0; i < Stages.Count; i++)
        {
            var stage = Stages[i];
            rows.Add((stage.Key, WorkflowTrigger.Pass, i + 1 < Stages.Count ? Stages[i + 1].Key : Archived));
            if (stage.Kind is StageKind.Payment or StageKind.Archive) continue;
            rows.Add((stage.Key, WorkflowTrigger.Return, Returned));
            rows.Add((stage.Key, WorkflowTrigger.Reject, Rejected));
        }
        return rows;
    }

    /// <summary>Problems with the definition, each naming its field; empty when it can run.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Key)) errors.Add(("key", "流程代码不能为空 (key is required)"));
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(("name", "流程名称不能为空 (name is required)"));
        if (Stages.Count == 0) errors.Add(("stages", "流程至少需要一个环节 (at least one stage)"));
        for (var i = 0; i < Stages.Count; i++)
        {
            var s = Stages[i];
            var field = $"stages[{i}]";
            if (string.IsNullOrWhiteSpace(s.Key) || Reserved.Contains(s.Key)) errors.Add(($"{field}.key", $"环节代码“{s.Key}”无效或为保留字 (invalid or reserved key)"));
            if (Stages.Take(i).Any(o => o.Key == s.Key)) errors.Add(($"{field}.key", $"环节代码“{s.Key}”重复 (duplicate key)"));
            if (string.IsNullOrWhiteSpace(s.Name)) errors.Add(($"{field}.name", "环节名称不能为空 (name is required)"));
            if (s.DeadlineDays <= 0) errors.Add(($"{field}.deadlineDays", "办理时限须为正整数天 (deadline must be positive days)"));
            if (s.Actor.Roles.Count == 0 && s.Actor.Unit is null && !s.Actor.ChainChief)
                errors.Add(($"{field}.actor", "须指明办理角色、单位或产业链链长 (name who acts: role, unit or chain chief)"));
            if (s.Kind == StageKind.Consultation && s.Opinions.Count == 0)
                errors.Add(($"{field}.opinions", "会商环节须列出会商单位 (a consultation names the units consulted)"));
        }
        if (Stages.Count(s => s.Kind == StageKind.Approval) != 1) errors.Add(("stages", "流程须有且只有一个审定环节 (exactly one approval stage)"));
        if (Stages.Count(s => s.Kind == StageKind.Payment) != 1) errors.Add(("stages", "流程须有且只有一个兑付环节 (exactly one payment stage)"));
        var approval = Stages.ToList().FindIndex(s => s.Kind == StageKind.Approval);
        var payment = Stages.ToList().FindIndex(s => s.Kind == StageKind.Payment);
        if (approval >= 0 && payment >= 0 && payment < approval) errors.Add(("stages", "兑付环节须在审定环节之后 (payment comes after approval)"));
        return errors;
    }
}

/// <summary>
/// Stage deadlines: due on the day the stage's days run out; overdue from the day after. Working days are counted on
/// the holiday calendar (weekends and holidays off, 调休 weekends on), the day the file arrived not counted.
/// </summary>
public static class StageDeadline
{
    public static DateOnly Due(DateOnly entered, int days) => entered.AddDays(days);

    public static DateOnly Due(DateOnly entered, StageDefinition stage, Projects.HolidayCalendar calendar) =>
        stage.WorkingDays ? calendar.AddWorkingDays(entered, stage.DeadlineDays) : Due(entered, stage.DeadlineDays);

    public static bool IsOverdue(DateOnly due, DateOnly today) => today > due;

    /// <summary>Days past due (0 when not overdue).</summary>
    public static int DaysOverdue(DateOnly due, DateOnly today) => Math.Max(0, today.DayNumber - due.DayNumber);
}
