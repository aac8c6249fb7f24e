namespace Qianglian.Core.Notifications;

/// <summary>The moments a deadline is reminded at: N working days before, on the day, once past it.</summary>
public enum ReminderMoment
{
    /// <summary>Inside the kind's warning window (N working days before the due date).</summary>
    Before = 1,
    /// <summary>The due date itself.</summary>
    OnDay = 2,
    /// <summary>Past the due date (the module's own overdue rule), or escalated for it.</summary>
    Overdue = 3,
}

/// <summary>
/// Which reminder an item is owed now. An item is reminded at most once per moment and due date (the caller keeps a
/// record per moment); a host that was down sends the moment the item is in when it comes back, not the ones it
/// missed, so a late catch-up never tells a user "due in 3 days" about work that is already overdue.
/// </summary>
public static class ReminderMoments
{
    /// <param name="workingDaysLeft">Working days to the due date on the place's calendar (negative: over); null without a due date.</param>
    /// <param name="overdue">The module's own overdue flag.</param>
    /// <param name="daysBefore">The kind's warning window in working days (0: no early reminder).</param>
    public static ReminderMoment? Current(int? workingDaysLeft, bool overdue, int daysBefore)
    {
        if (overdue) return ReminderMoment.Overdue;
        if (workingDaysLeft is not { } left) return null;
        if (left < 0) return ReminderMoment.Overdue;
        if (left == 0) return ReminderMoment.OnDay;
        return left <= daysBefore ? ReminderMoment.Before : null;
    }
}

/// <summary>
/// Retry with exponential back-off for a delivery that failed (an SMTP server or a webhook away): the wait doubles
/// after each attempt from <c>first</c>, capped at <c>max</c>; after <c>attempts</c> tries the delivery is given up.
/// </summary>
public static class RetryBackoff
{
    /// <summary>The wait before the next attempt after <paramref name="attemptsMade"/> failures (1 → first, 2 → 2×first…).</summary>
    public static TimeSpan After(int attemptsMade, TimeSpan first, TimeSpan max)
    {
        if (attemptsMade < 1) return TimeSpan.Zero;
        var factor = Math.Pow(2, Math.Min(attemptsMade - 1, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, max.Ticks));
        return wait;
    }

    public static bool GiveUp(int attemptsMade, int maxAttempts) => attemptsMade >= maxAttempts;
}
