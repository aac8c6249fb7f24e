namespace Qianglian.Core.Incentives;

/// <summary>The state of a yearly budget when an amount is about to be committed.</summary>
public sealed record BudgetPosition(decimal Budget, decimal Committed, decimal Paid, decimal Requested)
{
    public decimal Available => Budget - Committed;
    public decimal Excess => Math.Max(0m, Requested - Available);
    public bool Fits => Requested <= Available;

    /// <summary>The figures officials need to decide an override: "预算 3,000万元，已审定 2,800万元，本次 250万元，超出 50万元".</summary>
    public string Describe() =>
        $"预算 {Wording.Wan(Budget)}，已审定 {Wording.Wan(Committed)}（已兑付 {Wording.Wan(Paid)}），可用 {Wording.Wan(Available)}，本次 {Wording.Wan(Requested)}" +
        (Fits ? "" : $"，超出 {Wording.Wan(Excess)}");
}
