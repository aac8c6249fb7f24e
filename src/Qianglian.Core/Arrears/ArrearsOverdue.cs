namespace Qianglian.Core.Arrears;

/// <summary>
/// When a claim is overdue and goes to the office (逾期上报): an open claim whose payment date has passed with nothing
/// planned, or whose plan has an instalment due that the repayments so far do not cover. The date returned is the
/// earliest date missed; null when nothing is overdue. A disputed claim still counts from its payment date: the
/// dispute is itself the office's to settle.
/// </summary>
public static class ArrearsOverdue
{
    public static DateOnly? Since(ClaimStatus status, DateOnly dueOn, decimal repaid, IReadOnlyList<Instalment> plan, DateOnly today)
    {
        if (status == ClaimStatus.Cleared) return null;
        if (status != ClaimStatus.Planned || plan.Count == 0)
            return dueOn < today ? dueOn : null;
        // The instalments due by today, cumulatively: the first whose running total the repayments do not reach.
        var due = 0m;
        foreach (var instalment in plan.OrderBy(i => i.DueOn))
        {
            if (instalment.DueOn >= today) break;
            due += instalment.Amount;
            if (repaid < due) return instalment.DueOn;
        }
        return null;
    }
}
