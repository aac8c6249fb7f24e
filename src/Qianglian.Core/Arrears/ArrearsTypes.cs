namespace Qianglian.Core.Arrears;

/// <summary>Who owes the money. 攀枝花 十四 ("建立完善拖欠企业账款风险防范机制") and the 保障中小企业款项支付条例 (国务院令第802号)
/// name government bodies (机关、事业单位) and large enterprises; the ledger keeps the state-owned ones (国有企业).</summary>
public enum DebtorKind { GovernmentBody = 1, StateOwnedEnterprise = 2 }

/// <summary>
/// Where a claim stands: filed by the enterprise or an official; verified by the office (the amount agreed, or disputed
/// with a reason); a repayment plan set; cleared when the repayments reach the agreed amount.
/// </summary>
public enum ClaimStatus { Filed = 1, Agreed = 2, Disputed = 3, Planned = 4, Cleared = 5 }

/// <summary>One instalment of a repayment plan: the date it is due and its amount.</summary>
public sealed record Instalment(DateOnly DueOn, decimal Amount);

/// <summary>A refusal of a rule, on the request field it concerns.</summary>
public sealed record ArrearsRefusal(string Field, string Message);
