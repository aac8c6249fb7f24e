namespace Qianglian.Core.Supervision;

/// <summary>
/// The problem ticket's states and the actions allowed in each, as one table. A refused action comes back with the
/// reason in the words the official or the enterprise will read, never as a silent no-op.
/// </summary>
public static class ProblemWorkflow
{
    private static readonly Dictionary<(ProblemStatus, ProblemAction), ProblemStatus> Table = new()
    {
        [(ProblemStatus.Open, ProblemAction.Assign)] = ProblemStatus.Open,
        [(ProblemStatus.Open, ProblemAction.Escalate)] = ProblemStatus.Open,
        [(ProblemStatus.Open, ProblemAction.Resolve)] = ProblemStatus.Resolved,
        [(ProblemStatus.Resolved, ProblemAction.Confirm)] = ProblemStatus.Closed,
        [(ProblemStatus.Resolved, ProblemAction.Reopen)] = ProblemStatus.Open,
    };

    public sealed record Outcome(bool Allowed, ProblemStatus Status, string? Refusal);

    public static Outcome Apply(ProblemStatus from, ProblemAction action) =>
        Table.TryGetValue((from, action), out var to)
            ? new Outcome(true, to, null)
            : new Outcome(false, from, RefusalOf(from, action));

    /// <summary>The enterprise's rating decides between closing and reopening.</summary>
    public static ProblemAction ActionOfRating(Satisfaction rating) =>
        rating == Satisfaction.Dissatisfied ? ProblemAction.Reopen : ProblemAction.Confirm;

    private static string RefusalOf(ProblemStatus from, ProblemAction action) => (from, action) switch
    {
        (ProblemStatus.Closed, ProblemAction.Escalate) => "问题已办结，不能再上报 (the problem is closed: it cannot be escalated)",
        (ProblemStatus.Closed, _) => "问题已办结 (the problem is closed)",
        (ProblemStatus.Resolved, ProblemAction.Escalate) => "问题已答复，正等待企业确认，不能上报 (resolved and awaiting the enterprise's confirmation: it cannot be escalated)",
        (ProblemStatus.Resolved, _) => "问题已答复，正等待企业确认 (resolved and awaiting the enterprise's confirmation)",
        (ProblemStatus.Open, ProblemAction.Confirm or ProblemAction.Reopen) => "问题尚未答复，不能确认或评价 (there is no resolution to confirm or rate yet)",
        _ => $"当前状态不允许此操作 ({action} is not allowed while {from})",
    };
}
