namespace Qianglian.Core.Supervision;

/// <summary>Days a problem may stay at each level before it is overdue there (per jurisdiction, from its pack).</summary>
public sealed record EscalationDeadlines(int LocalDays, int LeadDepartmentDays, int ChainChiefDays, int JointMeetingDays)
{
    public static readonly EscalationDeadlines Default = new(7, 10, 15, 20);

    public int DaysAt(EscalationLevel level) => level switch
    {
        EscalationLevel.Local => LocalDays,
        EscalationLevel.LeadDepartment => LeadDepartmentDays,
        EscalationLevel.ChainChief => ChainChiefDays,
        _ => JointMeetingDays,
    };

    /// <summary>Every level needs at least one day: the field named is the one at fault.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        foreach (var (field, days) in new[] { ("local", LocalDays), ("leadDepartment", LeadDepartmentDays), ("chainChief", ChainChiefDays), ("jointMeeting", JointMeetingDays) })
            if (days is < 1 or > 365) yield return (field, $"期限应为1至365天，实为{days} (days must be 1–365)");
    }
}

/// <summary>
/// Which levels above the county/park exist for a problem: a chain without a lead department or a chief skips that
/// rung, and a jurisdiction whose text gives no joint meeting (达州 （三） ends at the chain chief) has none.
/// </summary>
public sealed record LevelAvailability(bool HasLeadDepartment, bool HasChainChief, bool HasJointMeeting = true)
{
    /// <summary>The rungs a problem can climb: those the jurisdiction's ladder has and the problem's chain fills.</summary>
    public static LevelAvailability Of(LadderRungs rungs, bool chainHasLeadDepartment, bool chainHasChief) =>
        new(rungs.LeadDepartment && chainHasLeadDepartment, rungs.ChainChief && chainHasChief, rungs.JointMeeting);

    public bool Has(EscalationLevel level) => level switch
    {
        EscalationLevel.LeadDepartment => HasLeadDepartment,
        EscalationLevel.ChainChief => HasChainChief,
        EscalationLevel.JointMeeting => HasJointMeeting,
        _ => true,
    };
}

/// <summary>
/// The timing rules of escalation, pure: callers pass <c>now</c> (a <see cref="TimeProvider"/> at the edge), so the
/// ladder is tested with a fake clock. Deadlines are calendar days from the moment the problem reached its level.
/// </summary>
public static class EscalationLadder
{
    /// <summary>The next rung that exists above <paramref name="current"/>; null at the joint meeting (the top).</summary>
    public static EscalationLevel? NextLevel(EscalationLevel current, LevelAvailability available)
    {
        for (var level = current + 1; level <= EscalationLevel.JointMeeting; level++)
            if (available.Has(level)) return level;
        return null;
    }

    public static DateTimeOffset DueAt(DateTimeOffset reachedLevelAt, EscalationLevel level, EscalationDeadlines deadlines) =>
        reachedLevelAt.AddDays(deadlines.DaysAt(level));

    /// <summary>Overdue once the deadline has passed (the deadline itself is still in time).</summary>
    public static bool IsOverdue(ProblemStatus status, DateTimeOffset dueAt, DateTimeOffset now) =>
        status == ProblemStatus.Open && now > dueAt;

    /// <summary>An open problem past its deadline goes up automatically, unless it is already at the top.</summary>
    public static bool ShouldEscalate(ProblemStatus status, EscalationLevel level, DateTimeOffset dueAt, DateTimeOffset now, LevelAvailability available) =>
        IsOverdue(status, dueAt, now) && NextLevel(level, available) is not null;

    /// <summary>Reminder window: an open problem whose deadline falls within <paramref name="days"/> days.</summary>
    public static bool IsDueSoon(ProblemStatus status, DateTimeOffset dueAt, DateTimeOffset now, int days) =>
        status == ProblemStatus.Open && now <= dueAt && dueAt - now <= TimeSpan.FromDays(days);

    /// <summary>On time: resolved at or before its level's deadline, and never escalated for being overdue.</summary>
    public static bool ResolvedOnTime(DateTimeOffset resolvedAt, DateTimeOffset dueAt, bool everOverdue) =>
        !everOverdue && resolvedAt <= dueAt;
}
