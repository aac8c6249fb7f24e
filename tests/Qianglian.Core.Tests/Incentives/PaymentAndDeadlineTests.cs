using Qianglian.Core.Incentives;
using Qianglian.Core.Projects;

namespace Qianglian.Core.Tests.Incentives;

public class PaymentCheckTests
{
    private const decimal Wan = 10_000m;
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly PaymentPosition Instalments = new(200 * Wan, LumpSum: false, Instalments: 2, PaidSoFar: 0m, PaymentsSoFar: 0, ApprovedOn: new DateOnly(2026, 6, 10));

    [Fact]
    public void A_first_instalment_within_the_approval_passes_and_the_last_must_pay_the_rest()
    {
        var first = new PaymentEntry(120 * Wan, Today, "V-1");
        Assert.Empty(PaymentCheck.Check(Instalments, first, Today));
        var after = PaymentCheck.After(Instalments, first);
        Assert.Equal((120 * Wan, 1), (after.PaidSoFar, after.PaymentsSoFar));
        var short_ = PaymentCheck.Check(after, new PaymentEntry(50 * Wan, Today, "V-2"), Today);
        Assert.Equal(("amount", "这是最后一期（共2期），须付清余额 80万元 (the last instalment pays the rest)"), short_.Single());
        var last = new PaymentEntry(80 * Wan, Today, "V-2");
        Assert.Empty(PaymentCheck.Check(after, last, Today));
        Assert.True(PaymentCheck.PaidInFull(PaymentCheck.After(after, last)));
    }

    [Fact]
    public void Paying_more_than_approved_is_refused_with_the_figures()
    {
        var paid = Instalments with { PaidSoFar = 120 * Wan, PaymentsSoFar = 1 };
        var errors = PaymentCheck.Check(paid, new PaymentEntry(80.01m * Wan, Today, "V-3"), Today);
        Assert.Equal(("amount", "兑付金额超过审定额度：审定 200万元，已兑付 120万元，本次 80.01万元 (exceeds the approved amount)"), errors.Single());
    }

    [Fact]
    public void A_lump_sum_is_paid_in_full_at_once()
    {
        var lump = Instalments with { LumpSum = true, Instalments = null };
        Assert.Contains(PaymentCheck.Check(lump, new PaymentEntry(100 * Wan, Today, "V"), Today), e => e.Message.Contains("一次性支付，须一次付清 200万元"));
        Assert.Empty(PaymentCheck.Check(lump, new PaymentEntry(200 * Wan, Today, "V"), Today));
    }

    [Theory]
    [InlineData(0, "2026-06-30", "V", "amount")]
    [InlineData(1.005, "2026-06-30", "V", "amount")]
    [InlineData(1000000, "2026-06-30", " ", "voucher")]
    [InlineData(1000000, "2026-07-01", "V", "paidOn")]
    [InlineData(1000000, "2026-06-09", "V", "paidOn")]
    public void Bad_payments_name_their_field(decimal amount, string paidOn, string voucher, string field) =>
        Assert.Contains(PaymentCheck.Check(Instalments, new PaymentEntry(amount, DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture), voucher), Today),
            e => e.Field == field);
}

public class WorkingDayDeadlineTests
{
    private static StageDefinition Stage(int days, bool workingDays) =>
        new("intake", "受理", StageKind.Intake, new StageActor { Unit = "u" }, [], days) { WorkingDays = workingDays };

    [Fact]
    public void Calendar_day_stages_count_every_day()
    {
        var calendar = new HolidayCalendar([new DateOnly(2026, 6, 19)], [], [2026]);
        Assert.Equal(new DateOnly(2026, 6, 20), StageDeadline.Due(new DateOnly(2026, 6, 15), Stage(5, workingDays: false), calendar));
    }

    [Fact]
    public void Working_day_stages_skip_weekends_and_holidays_and_count_make_up_days()
    {
        var calendar = new HolidayCalendar([new DateOnly(2026, 6, 19)], [new DateOnly(2026, 6, 27)], [2026]);
        // Monday 15 June: 16, 17, 18, (19 holiday, 20–21 weekend), 22, 23.
        Assert.Equal(new DateOnly(2026, 6, 23), StageDeadline.Due(new DateOnly(2026, 6, 15), Stage(5, workingDays: true), calendar));
        // Tuesday 23 June: 24, 25, 26, 27 (调休 Saturday), 29, 30, 1, 2, 3, 6 July.
        Assert.Equal(new DateOnly(2026, 7, 6), StageDeadline.Due(new DateOnly(2026, 6, 23), Stage(10, workingDays: true), calendar));
        // Entered on a Friday evening: the weekend does not count.
        Assert.Equal(new DateOnly(2026, 6, 8), StageDeadline.Due(new DateOnly(2026, 6, 5), Stage(1, workingDays: true), HolidayCalendar.WeekendsOnly));
    }
}
