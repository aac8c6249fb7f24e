using Qianglian.Core.Cultivation;

namespace Qianglian.Core.Tests.Cultivation;

/// <summary>Who counts as a chain's 链主: role, evidence, place and the ledger's exits, one rule for every figure.</summary>
public class ChainLeadersTests
{
    private const string City = "/100000/510000/511700/", County = "/100000/510000/511700/511702/", Other = "/100000/510000/510400/";
    private static readonly Guid Chain = Guid.NewGuid(), Second = Guid.NewGuid(), Firm = Guid.NewGuid();

    private static LeaderLink Link(Guid enterprise, string place = County, bool leader = true, bool rejected = false, Guid? chain = null) =>
        new(chain ?? Chain, City, enterprise, place, leader, rejected);

    [Fact]
    public void A_link_names_a_leader_only_with_the_role_unrejected_evidence_and_inside_the_chains_place()
    {
        var firm = Guid.NewGuid();
        Assert.True(ChainLeaders.Names(Link(firm)));
        Assert.True(ChainLeaders.Names(Link(firm, City)));
        Assert.False(ChainLeaders.Names(Link(firm, leader: false)));   // 链属 / 配套
        Assert.False(ChainLeaders.Names(Link(firm, rejected: true)));
        Assert.False(ChainLeaders.Names(Link(firm, Other)));           // another city's enterprise
    }

    [Theory]
    // exit of 2024, asked for 2023 (before it) → still counts; 2024 and later → out
    [InlineData(2023, false)]
    [InlineData(2024, true)]
    [InlineData(2026, true)]
    [InlineData(null, true)]
    public void An_exit_counts_from_the_year_of_the_review_that_decided_it(int? year, bool exited) =>
        Assert.Equal(exited, ChainLeaders.Exited(Chain, Firm, [new LedgerExit(Chain, Firm, 2024)], [new LedgerEntry(Chain, Firm, 2023)], year));

    [Theory]
    // exit by the review of 2024, admitted again by the review of 2026 (a tier from 2027)
    [InlineData(2025, true)]
    [InlineData(2026, false)]
    [InlineData(null, false)]
    public void A_later_admission_brings_the_leader_back_from_its_reviews_year(int? year, bool exited) =>
        Assert.Equal(exited, ChainLeaders.Exited(Chain, Firm, [new LedgerExit(Chain, Firm, 2024)],
            [new LedgerEntry(Chain, Firm, 2023), new LedgerEntry(Chain, Firm, 2027)], year));

    [Fact]
    public void An_exit_from_one_chains_ledger_leaves_the_enterprise_leader_of_another()
    {
        var exits = new[] { new LedgerExit(Chain, Firm, 2024) };
        Assert.True(ChainLeaders.Exited(Chain, Firm, exits, [], null));
        Assert.False(ChainLeaders.Exited(Second, Firm, exits, [], null));
    }

    [Fact]
    public void Per_chain_each_leader_counts_once_and_the_exited_rejected_and_outside_do_not()
    {
        var (a, b, gone, rejected, outside, member) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var links = new[]
        {
            Link(a), Link(a),                  // two nodes of the same chain
            Link(b), Link(b, chain: Second),   // leader of two chains
            Link(gone), Link(rejected, rejected: true), Link(outside, Other), Link(member, leader: false),
        };
        var leaders = ChainLeaders.PerChain(links, [new LedgerExit(Chain, gone, 2024)], [], 2025);
        Assert.Equal(new HashSet<Guid> { a, b }, leaders[Chain]);
        Assert.Equal(new HashSet<Guid> { b }, leaders[Second]);
        // Before the exit the enterprise still counted.
        Assert.Equal(3, ChainLeaders.PerChain(links, [new LedgerExit(Chain, gone, 2024)], [], 2023)[Chain].Count);
    }
}
