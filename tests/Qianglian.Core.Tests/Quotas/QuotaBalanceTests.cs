using Qianglian.Core.Quotas;

namespace Qianglian.Core.Tests.Quotas;

public class QuotaBalanceTests
{
    // 100亩 granted, 20 moved in, 30 moved out, 60 allocated: the pool is 90, 30 still to allocate.
    private static readonly QuotaPoolFigures Land = new(100, 20, 30, 60, 25);

    [Fact]
    public void The_pool_is_grants_plus_transfers_in_less_out_and_the_balance_what_is_not_allocated()
    {
        Assert.Equal(90, Land.Pool);
        Assert.Equal(30, Land.Unallocated);
        Assert.Equal(35, Land.AllocatedUnused);
        Assert.Equal(0.6667m, Land.AllocatedShare);
        Assert.Equal(0.4167m, Land.UsedShare);
    }

    [Fact]
    public void Without_a_pool_or_an_allocation_there_is_no_share_rather_than_zero()
    {
        Assert.Null(QuotaPoolFigures.Empty.AllocatedShare);
        Assert.Null(QuotaPoolFigures.Empty.UsedShare);
        Assert.Null(new QuotaPoolFigures(10, 0, 0, 0, 0).UsedShare);
    }

    [Fact]
    public void Allocating_up_to_the_balance_passes_and_one_unit_more_is_refused_with_the_figures()
    {
        Assert.Empty(QuotaBalance.CheckAllocation(Land, QuotaElement.Land, 30));
        var refusal = Assert.Single(QuotaBalance.CheckAllocation(Land, QuotaElement.Land, 31));
        Assert.Equal("amount", refusal.Field);
        Assert.Contains("31亩", refusal.Message);
        Assert.Contains("可分配余额30亩", refusal.Message);
        Assert.Contains("指标池90亩", refusal.Message);
        Assert.Contains("已分配60亩", refusal.Message);
    }

    [Fact]
    public void Use_beyond_the_allocation_is_refused_in_the_elements_unit()
    {
        Assert.Empty(QuotaBalance.CheckConsumption(500, 200, QuotaElement.Energy, 300));
        var refusal = Assert.Single(QuotaBalance.CheckConsumption(500, 200, QuotaElement.Energy, 300.5m));
        Assert.Equal("amount", refusal.Field);
        Assert.Contains("剩余分配额300吨标准煤", refusal.Message);
    }

    [Fact]
    public void A_transfer_takes_only_the_giving_chains_unallocated_quota_and_needs_two_chains()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.Empty(QuotaBalance.CheckTransfer(Land, a, b, QuotaElement.Land, 30));
        Assert.Equal("amount", Assert.Single(QuotaBalance.CheckTransfer(Land, a, b, QuotaElement.Land, 30.0001m)).Field);
        Assert.Equal("toChainId", Assert.Single(QuotaBalance.CheckTransfer(Land, a, a, QuotaElement.Land, 1)).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.00001)]
    public void Amounts_are_positive_with_at_most_four_decimals(decimal amount) =>
        Assert.Equal("amount", Assert.Single(QuotaBalance.CheckAmount(amount)).Field);

    [Fact]
    public void Each_element_has_one_unit_and_the_discharge_quota_is_split_into_the_four_controlled_pollutants()
    {
        Assert.Equal("亩", QuotaElements.Unit(QuotaElement.Land));
        Assert.Equal("吨标准煤", QuotaElements.Unit(QuotaElement.Energy));
        Assert.Equal("万千瓦时", QuotaElements.Unit(QuotaElement.Power));
        Assert.Equal(["化学需氧量排放指标", "氨氮排放指标", "二氧化硫排放指标", "氮氧化物排放指标"],
            new[] { QuotaElement.ChemicalOxygenDemand, QuotaElement.AmmoniaNitrogen, QuotaElement.SulphurDioxide, QuotaElement.NitrogenOxides }.Select(QuotaElements.Name));
        Assert.All(new[] { QuotaElement.ChemicalOxygenDemand, QuotaElement.AmmoniaNitrogen, QuotaElement.SulphurDioxide, QuotaElement.NitrogenOxides },
            e => Assert.Equal("吨", QuotaElements.Unit(e)));
    }
}
