using Qianglian.Core.Projects;

namespace Qianglian.Core.Tests.Projects;

public class SharesTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

    [Fact]
    public void Shares_sum_to_a_hundred_for_investment_and_for_output()
    {
        Assert.Empty(Shares.Check([new(A, 60, 50), new(B, 40, 50)]));
        var problems = Shares.Check([new(A, 60, 50), new(B, 30, 50)]).ToList();
        Assert.Contains("分投资比例合计为90%", Assert.Single(problems).Message);
        Assert.Contains(Shares.Check([new(A, 50, 50), new(A, 50, 50)]), p => p.Message.Contains("重复"));
    }

    [Fact]
    public void Without_shares_the_home_jurisdiction_counts_the_whole()
    {
        Assert.Equal([(A, 1m)], Shares.InvestmentSplit(A, []));
        Assert.Equal([(A, 0.6m), (B, 0.4m)], Shares.InvestmentSplit(A, [new(A, 60, 50), new(B, 40, 50)]));
        Assert.Equal([(A, 0.5m), (B, 0.5m)], Shares.OutputSplit(A, [new(A, 60, 50), new(B, 40, 50)]));
    }
}
