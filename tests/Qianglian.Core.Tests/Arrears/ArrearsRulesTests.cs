using Qianglian.Core.Arrears;

namespace Qianglian.Core.Tests.Arrears;

public class ArrearsRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void Verification_agrees_up_to_the_claim_or_disputes_with_a_reason()
    {
        Assert.Empty(ClaimVerification.Check(ClaimStatus.Filed, 100_000m, true, 80_000m, "发票金额核减"));
        Assert.Empty(ClaimVerification.Check(ClaimStatus.Disputed, 100_000m, true, 100_000m, null));
        var over = Assert.Single(ClaimVerification.Check(ClaimStatus.Filed, 100_000m, true, 120_000m, null));
        Assert.Equal("agreedAmount", over.Field);
        Assert.Contains("120,000.00", over.Message);
        Assert.Contains("100,000.00", over.Message);
        Assert.Equal("reason", Assert.Single(ClaimVerification.Check(ClaimStatus.Filed, 100_000m, false, null, " ")).Field);
        Assert.Equal("agreedAmount", Assert.Single(ClaimVerification.Check(ClaimStatus.Filed, 100_000m, true, null, null)).Field);
        Assert.Equal("status", Assert.Single(ClaimVerification.Check(ClaimStatus.Agreed, 100_000m, true, 1m, null)).Field);
    }

    [Fact]
    public void A_plan_covers_exactly_what_is_still_owed_in_date_order()
    {
        Instalment[] plan = [new(new(2026, 7, 1), 30_000m), new(new(2026, 8, 1), 40_000m)];
        Assert.Empty(RepaymentPlanRule.Check(ClaimStatus.Agreed, 100_000m, 30_000m, plan));
        var sum = Assert.Single(RepaymentPlanRule.Check(ClaimStatus.Agreed, 100_000m, 0m, plan));
        Assert.Equal("instalments", sum.Field);
        Assert.Contains("70,000.00", sum.Message);
        Assert.Contains("100,000.00", sum.Message);
        Instalment[] backwards = [new(new(2026, 8, 1), 50_000m), new(new(2026, 7, 1), 50_000m)];
        Assert.Equal("instalments[1].dueOn", Assert.Single(RepaymentPlanRule.Check(ClaimStatus.Agreed, 100_000m, 0m, backwards)).Field);
        Assert.Equal("status", Assert.Single(RepaymentPlanRule.Check(ClaimStatus.Disputed, 0m, 0m, plan)).Field);
        Assert.Equal("instalments", Assert.Single(RepaymentPlanRule.Check(ClaimStatus.Agreed, 100_000m, 0m, [])).Field);
    }

    [Fact]
    public void A_repayment_never_takes_the_total_above_the_agreed_amount()
    {
        Assert.Empty(RepaymentRule.Check(ClaimStatus.Planned, 100_000m, 60_000m, 40_000m, Today, Today));
        var over = Assert.Single(RepaymentRule.Check(ClaimStatus.Planned, 100_000m, 60_000m, 40_000.01m, Today, Today));
        Assert.Equal("amount", over.Field);
        Assert.Contains("100,000.01", over.Message);   // the total it would reach
        Assert.Contains("40,000.00", over.Message);    // what is still owed
        Assert.Equal("paidOn", Assert.Single(RepaymentRule.Check(ClaimStatus.Agreed, 100_000m, 0m, 1m, Today.AddDays(1), Today)).Field);
        Assert.Equal("status", Assert.Single(RepaymentRule.Check(ClaimStatus.Filed, null, 0m, 1m, Today, Today)).Field);
        Assert.Equal("status", Assert.Single(RepaymentRule.Check(ClaimStatus.Cleared, 100m, 100m, 1m, Today, Today)).Field);
        Assert.True(RepaymentRule.Clears(100_000m, 100_000m));
        Assert.False(RepaymentRule.Clears(100_000m, 99_999.99m));
    }

    [Fact]
    public void Overdue_from_the_payment_date_or_the_first_instalment_the_repayments_do_not_cover()
    {
        var due = new DateOnly(2026, 5, 1);
        Assert.Equal(due, ArrearsOverdue.Since(ClaimStatus.Filed, due, 0m, [], Today));
        Assert.Equal(due, ArrearsOverdue.Since(ClaimStatus.Disputed, due, 0m, [], Today));
        Assert.Null(ArrearsOverdue.Since(ClaimStatus.Filed, Today, 0m, [], Today));
        Assert.Null(ArrearsOverdue.Since(ClaimStatus.Cleared, due, 100m, [], Today));
        Instalment[] plan = [new(new(2026, 6, 1), 30_000m), new(new(2026, 6, 10), 30_000m), new(new(2026, 7, 1), 40_000m)];
        // A plan replaces the contract's date: only missed instalments count.
        Assert.Null(ArrearsOverdue.Since(ClaimStatus.Planned, due, 60_000m, plan, Today));
        Assert.Equal(new DateOnly(2026, 6, 10), ArrearsOverdue.Since(ClaimStatus.Planned, due, 30_000m, plan, Today));
        Assert.Equal(new DateOnly(2026, 6, 1), ArrearsOverdue.Since(ClaimStatus.Planned, due, 0m, plan, Today));
    }

    [Fact]
    public void The_cleared_share_counts_verified_claims_only_and_is_absent_without_them()
    {
        var f = ClearedShare.Of([
            new(ClaimStatus.Planned, 100_000m, 80_000m, 20_000m, false),
            new(ClaimStatus.Cleared, 50_000m, 50_000m, 50_000m, false),
            new(ClaimStatus.Disputed, 30_000m, null, 0m, true),
        ]);
        Assert.Equal((3, 2, 1, 1, 1), (f.Claims, f.Verified, f.Disputed, f.Cleared, f.Overdue));
        Assert.Equal(130_000m, f.Agreed);
        Assert.Equal(70_000m, f.Repaid);
        Assert.Equal(Math.Round(70m / 130m, 4), f.Share);
        Assert.Null(ClearedShare.Of([]).Share);
        Assert.Null(ClearedShare.Of([new(ClaimStatus.Filed, 10m, null, 0m, false)]).Share);
    }
}
