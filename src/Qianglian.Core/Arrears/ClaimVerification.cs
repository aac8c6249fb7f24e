namespace Qianglian.Core.Arrears;

/// <summary>
/// The office's verification of a claim (核实): either it agrees an amount — positive and never above what the
/// enterprise claimed (the creditor's own figure is the ceiling; a lower figure is a partial agreement) — or it
/// disputes the claim, which needs the reason in words so the enterprise knows what to answer.
/// </summary>
public static class ClaimVerification
{
    public static IReadOnlyList<ArrearsRefusal> Check(ClaimStatus status, decimal claimed, bool agrees, decimal? agreedAmount, string? reason)
    {
        if (status is not (ClaimStatus.Filed or ClaimStatus.Disputed))
            return [new("status", "该欠款已核实，不能再次核实 (the claim has already been verified)")];
        if (!agrees)
            return string.IsNullOrWhiteSpace(reason) ? [new("reason", "有争议的欠款须写明争议理由 (a disputed claim needs its reason)")] : [];
        if (agreedAmount is not { } amount)
            return [new("agreedAmount", "请填写核实确认的金额 (the agreed amount is required)")];
        if (amount <= 0)
            return [new("agreedAmount", "确认金额须大于0 (the agreed amount must be positive)")];
        if (amount > claimed)
            return [new("agreedAmount", $"确认金额{amount:#,0.00}元超过企业申报金额{claimed:#,0.00}元 (the agreed amount exceeds the claimed amount)")];
        return [];
    }
}
