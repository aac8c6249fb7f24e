namespace Qianglian.Core.Incentives;

/// <summary>Where an application stands for payment: what was approved, how it is paid, and what is paid so far.</summary>
/// <param name="Instalments">The number of instalments approved (null or 1 for a lump sum).</param>
/// <param name="PaymentsSoFar">How many payments are recorded already.</param>
public sealed record PaymentPosition(decimal Approved, bool LumpSum, int? Instalments, decimal PaidSoFar, int PaymentsSoFar, DateOnly? ApprovedOn);

/// <summary>One payment to record (兑付): amount in yuan, the day it was paid and the voucher.</summary>
public sealed record PaymentEntry(decimal Amount, DateOnly PaidOn, string? Voucher);

/// <summary>
/// The rules of one payment against an approval, for the form and the ledger import alike: never more than approved
/// ("不超过" is a ceiling, and so is the approval), a lump sum is paid in full, the last instalment pays the rest, a
/// voucher is named, and the date is neither in the future nor before the approval.
/// </summary>
public static class PaymentCheck
{
    /// <returns>Each problem with its field (amount, voucher, paidOn); empty when the payment may be recorded.</returns>
    public static IReadOnlyList<(string Field, string Message)> Check(PaymentPosition position, PaymentEntry payment, DateOnly today)
    {
        var errors = new List<(string, string)>();
        var approved = position.Approved;
        var amount = payment.Amount;
        if (amount <= 0m) errors.Add(("amount", "兑付金额须大于0 (the amount must be positive)"));
        else if (amount != Wording.ToFen(amount)) errors.Add(("amount", "金额最多保留到分 (at most two decimals)"));
        else if (position.PaidSoFar + amount > approved)
            errors.Add(("amount", $"兑付金额超过审定额度：审定 {Wording.Wan(approved)}，已兑付 {Wording.Wan(position.PaidSoFar)}，本次 {Wording.Wan(amount)} (exceeds the approved amount)"));
        else
        {
            var remaining = approved - position.PaidSoFar - amount;
            var number = position.PaymentsSoFar + 1;
            if (position.LumpSum && remaining != 0m)
                errors.Add(("amount", $"审定为一次性支付，须一次付清 {Wording.Wan(approved)} (a lump sum is paid in full)"));
            else if (!position.LumpSum && number >= (position.Instalments ?? 1) && remaining != 0m)
                errors.Add(("amount", $"这是最后一期（共{position.Instalments}期），须付清余额 {Wording.Wan(approved - position.PaidSoFar)} (the last instalment pays the rest)"));
        }
        if (string.IsNullOrWhiteSpace(payment.Voucher)) errors.Add(("voucher", "须填写支付凭证号 (voucher is required)"));
        if (payment.PaidOn > today) errors.Add(("paidOn", "支付日期不能晚于今天 (date in the future)"));
        if (position.ApprovedOn is { } on && payment.PaidOn < on) errors.Add(("paidOn", $"支付日期不能早于审定日期{Wording.Date(on)} (before the approval)"));
        return errors;
    }

    /// <summary>The position after the payment is recorded.</summary>
    public static PaymentPosition After(PaymentPosition position, PaymentEntry payment) =>
        position with { PaidSoFar = position.PaidSoFar + payment.Amount, PaymentsSoFar = position.PaymentsSoFar + 1 };

    public static bool PaidInFull(PaymentPosition position) => position.PaidSoFar == position.Approved;
}
