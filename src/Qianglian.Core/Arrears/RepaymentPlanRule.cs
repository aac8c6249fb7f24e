namespace Qianglian.Core.Arrears;

/// <summary>
/// A repayment plan (还款计划) covers what is still owed, no more and no less: its instalments, each positive and on
/// a later date than the one before, add up to the agreed amount less what has been repaid already. A plan may only
/// be set on an agreed claim (a disputed one has no amount to plan).
/// </summary>
public static class RepaymentPlanRule
{
    public static IReadOnlyList<ArrearsRefusal> Check(ClaimStatus status, decimal agreed, decimal repaid, IReadOnlyList<Instalment> instalments)
    {
        if (status is not (ClaimStatus.Agreed or ClaimStatus.Planned))
            return [new("status", status == ClaimStatus.Cleared
                ? "该欠款已清偿，无需还款计划 (the claim is cleared)"
                : "欠款须先核实确认金额，才能制定还款计划 (a plan needs an agreed amount)")];
        if (instalments.Count == 0)
            return [new("instalments", "还款计划至少要有一期 (the plan needs at least one instalment)")];
        var refusals = new List<ArrearsRefusal>();
        for (var i = 0; i < instalments.Count; i++)
        {
            if (instalments[i].Amount <= 0)
                refusals.Add(new($"instalments[{i}].amount", $"第{i + 1}期金额须大于0 (an instalment must be positive)"));
            if (i > 0 && instalments[i].DueOn <= instalments[i - 1].DueOn)
                refusals.Add(new($"instalments[{i}].dueOn", $"第{i + 1}期日期须晚于第{i}期 (instalments must be in date order)"));
        }
        var owed = agreed - repaid;
        var total = instalments.Sum(x => x.Amount);
        if (refusals.Count == 0 && total != owed)
            refusals.Add(new("instalments", $"各期合计{total:#,0.00}元，应等于尚欠金额{owed:#,0.00}元（确认{agreed:#,0.00}元，已还{repaid:#,0.00}元） (the instalments must add up to what is still owed)"));
        return refusals;
    }
}
