namespace Qianglian.Core.Cultivation;

/// <summary>
/// A run's life: a grading is computed as a draft, published as a notice with an objection window, and locked once
/// the window has closed and every objection is resolved. A tier review is proposed, then closed when every proposal
/// is decided. (Core takes no packages: the table is plain code, tested like any rule.)
/// </summary>
public enum RunStatus { Draft = 1, Published = 2, Locked = 3, Proposed = 4, Closed = 5 }

public enum RunAction { Publish, FileObjection, ResolveObjection, Lock, Decide, Close }

public static class GradingWorkflow
{
    private static readonly Dictionary<(RunStatus, RunAction), RunStatus> Table = new()
    {
        [(RunStatus.Draft, RunAction.Publish)] = RunStatus.Published,
        [(RunStatus.Published, RunAction.FileObjection)] = RunStatus.Published,
        [(RunStatus.Published, RunAction.ResolveObjection)] = RunStatus.Published,
        [(RunStatus.Published, RunAction.Lock)] = RunStatus.Locked,
        [(RunStatus.Proposed, RunAction.Decide)] = RunStatus.Proposed,
        [(RunStatus.Proposed, RunAction.Close)] = RunStatus.Closed,
    };

    /// <returns>The status after the action, or the reason it is refused.</returns>
    public static (RunStatus? Next, string? Error) Apply(RunStatus status, RunAction action, DateOnly today, DateOnly? objectionDeadline = null, int openItems = 0)
    {
        if (!Table.TryGetValue((status, action), out var next))
            return (null, $"当前状态（{Name(status)}）不能{Name(action)} (not allowed in this state)");
        if (action == RunAction.FileObjection && objectionDeadline is { } d && today > d)
            return (null, $"异议期已于 {d:yyyy-MM-dd} 截止 (the objection window has closed)");
        if (action == RunAction.Lock && objectionDeadline is { } end && today <= end)
            return (null, $"异议期至 {end:yyyy-MM-dd}，期满后方可锁定 (lock after the objection window)");
        if (action is RunAction.Lock or RunAction.Close && openItems > 0)
            return (null, $"尚有 {openItems} 项未处理 ({openItems} open items)");
        return (next, null);
    }

    /// <summary>The last day objections are accepted: the publication day plus the window.</summary>
    public static DateOnly Deadline(DateOnly published, int days) => published.AddDays(days);

    public static string Name(RunStatus s) => s switch
    {
        RunStatus.Draft => "草稿", RunStatus.Published => "已公示", RunStatus.Locked => "已锁定", RunStatus.Proposed => "待确认", _ => "已办结",
    };

    private static string Name(RunAction a) => a switch
    {
        RunAction.Publish => "公示", RunAction.FileObjection => "提出异议", RunAction.ResolveObjection => "处理异议",
        RunAction.Lock => "锁定", RunAction.Decide => "确认", _ => "办结",
    };
}
