using Qianglian.Core.Cultivation;

namespace Qianglian.Core.Tests.Cultivation;

public class TierReviewTests
{
    [Theory]
    [InlineData(null, null, ProposalKind.None)]
    [InlineData(null, Tier.Candidate, ProposalKind.Admit)]
    [InlineData(Tier.Cultivation, Tier.Demonstration, ProposalKind.Promote)]
    [InlineData(Tier.Cultivation, Tier.Cultivation, ProposalKind.Keep)]
    [InlineData(Tier.Demonstration, Tier.Candidate, ProposalKind.Demote)]
    [InlineData(Tier.Candidate, null, ProposalKind.Exit)]
    public void A_review_proposes_from_the_tier_held_and_the_tier_reached(Tier? held, Tier? reached, ProposalKind expected) =>
        Assert.Equal(expected, TierReview.Propose(held, reached));

    [Fact]
    public void An_enterprise_that_could_not_be_evaluated_keeps_its_tier() =>
        Assert.Equal(ProposalKind.None, TierReview.Propose(Tier.Demonstration, null, evaluated: false));

    [Fact]
    public void Confirming_a_proposal_gives_the_tier_held_after()
    {
        Assert.Null(TierReview.After(Tier.Candidate, null, ProposalKind.Exit));
        Assert.Equal(Tier.Demonstration, TierReview.After(Tier.Cultivation, Tier.Demonstration, ProposalKind.Promote));
        Assert.Equal(Tier.Cultivation, TierReview.After(Tier.Cultivation, Tier.Cultivation, ProposalKind.Keep));
    }

    [Fact]
    public void Class_keys_of_the_model_map_to_tiers()
    {
        Assert.Equal(Tier.Demonstration, TierReview.FromClassKey("demonstration"));
        Assert.Null(TierReview.FromClassKey(""));
    }
}
