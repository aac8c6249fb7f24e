using Qianglian.Core.Investment;

namespace Qianglian.Core.Tests.Investment;

public class InvestmentRulesTests
{
    // Three counties of a province, three industries: A and B co-locate (related), C stands apart.
    private static readonly RegionOutput[] Province =
    [
        new("甲", "A", 60), new("甲", "B", 40), new("甲", "C", 0),
        new("乙", "A", 50), new("乙", "B", 50), new("乙", "C", 0),
        new("丙", "A", 0), new("丙", "B", 10), new("丙", "C", 90),
    ];

    [Fact]
    public void Location_quotients_compare_a_region_share_with_the_province_share()
    {
        var lq = Relatedness.LocationQuotients(Province);
        // 甲: A is 60% of its output; A is 110/300 of the province → LQ = 0.6 / (110/300) = 1.636…
        Assert.Equal(0.6m / (110m / 300m), lq[("甲", "A")]);
        Assert.Equal(0m, lq[("丙", "A")]);
        Assert.Equal(0.9m / (90m / 300m), lq[("丙", "C")]);
    }

    [Fact]
    public void Proximity_is_the_smaller_conditional_probability_of_co_specialisation()
    {
        var phi = Relatedness.Proximities(Relatedness.LocationQuotients(Province));
        // Specialised (LQ ≥ 1): A in 甲 (1.64) and 乙 (1.36); B in 甲 (1.2) and 乙 (1.5); C in 丙 (3).
        Assert.Equal(1m, phi[("A", "B")]);
        Assert.Equal(0m, phi[("A", "C")]);
        Assert.Equal(phi[("B", "A")], phi[("A", "B")]);
    }

    [Fact]
    public void Gap_nodes_rank_by_how_related_they_are_to_what_the_region_does_well()
    {
        var a = Guid.NewGuid();
        var c = Guid.NewGuid();
        // For 甲 (specialised in A and B): a gap in B sits next to A, which 甲 does well; a gap in C is related to nothing.
        var ranking = Relatedness.Rank("甲", [new(c, "C环节", "C"), new(a, "B环节", "B")], Province);
        Assert.Equal(["B环节", "C环节"], ranking.Select(r => r.Name));
        Assert.Equal(1m, ranking[0].Density);      // B's only neighbour with proximity is A, in which 甲 specialises
        Assert.Equal([("A", 1m)], ranking[0].Related);
        Assert.Equal(0m, ranking[1].Density);
    }

    [Fact]
    public void The_manufacturing_share_and_the_funds_growth_show_their_formula()
    {
        var share = AttractionKpis.ManufacturingShare([new(Guid.NewGuid(), 700_000_000m, true), new(Guid.NewGuid(), 1_300_000_000m, false)]);
        Assert.Equal(35.0m, share.Value);
        Assert.Contains("70,000万元", share.Formula);
        Assert.Equal(15.0m, AttractionKpis.FundsGrowth(115m, 100m, []).Value);
        Assert.Null(AttractionKpis.FundsGrowth(5m, 0m, []).Value);
    }

    [Fact]
    public void The_pipeline_moves_one_step_and_signs_only_with_an_approved_package()
    {
        Assert.Empty(LeadPipeline.Check(LeadStage.Lead, LeadStage.Contact, DealStatus.None, null));
        Assert.Contains("直接进入", LeadPipeline.Check(LeadStage.Lead, LeadStage.Visit, DealStatus.None, null)[0].Message);
        Assert.Equal("deal", LeadPipeline.Check(LeadStage.Negotiation, LeadStage.Signed, DealStatus.Submitted, null)[0].Field);
        Assert.Empty(LeadPipeline.Check(LeadStage.Negotiation, LeadStage.Signed, DealStatus.Approved, null));
        Assert.Equal("reason", LeadPipeline.Check(LeadStage.Visit, LeadStage.Dropped, DealStatus.None, "")[0].Field);
        Assert.Contains("重复转换", LeadPipeline.CheckConversion(LeadStage.Signed, Guid.NewGuid())[0].Message);
        Assert.Contains("只有已签约", LeadPipeline.CheckConversion(LeadStage.Negotiation, null)[0].Message);
        Assert.Empty(LeadPipeline.CheckConversion(LeadStage.Signed, null));
    }
}
