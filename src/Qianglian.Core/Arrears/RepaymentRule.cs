namespace Qianglian.Core.Arrears;

/// <summary>
/// A repayment recorded against a claim: only on a verified claim with an agreed amount, positive, dated not in the
/// future, and never taking the repaid total above the agreed amount — a refusal gives the figures, so the office
/// sees by how much. The claim is cleared (清偿) when the repaid total reaches the agreed amount.
/// </summary>
public static class RepaymentRule
{
    public static IReadOnlyList<ArrearsRefusal> Check(ClaimStatus status, decimal? agreedAmount, decimal repaid, decimal amount, DateOnly paidOn, DateOnly today)
    {
        if (status == ClaimStatus.Cleared)
            return [new("status", "该欠款已清偿 (the claim is already cleared)")];
        if (status is not (ClaimStatus.Agreed or ClaimStatus.Planned) || agreedAmount is not { } agreed)
            return [new("status", "欠款须先核实确认金额，才能登记还款 (a repayment needs an agreed amount)")];
        var refusals = new List<ArrearsRefusal>();
        if (amount <= 0) refusals.Add(new("amount", "还款金额须大于0 (the amount must be positive)"));
        else if (repaid + amount > agreed)
            refusals.Add(new("amount",
                $"本次还款{amount:#,0.00}元后累计{repaid + amount:#,0.00}元，超过确认金额{agreed:#,0.00}元；尚欠{agreed - repaid:#,0.00}元 (the repayments would exceed the agreed amount)"));
        if (paidOn > today) refusals.Add(new("paidOn", $"还款日期{paidOn:yyyy-MM-dd}不能晚于今天 (the date must not be in the future)"));
        return refusals;
    }

    /// <summary>Cleared when what was repaid reaches the agreed amount.</summary>
    public static bool Clears(decimal agreed, decimal repaid) => repaid >= agreed;
}
