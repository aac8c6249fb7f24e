using Qianglian.Core.Chains;
using Qianglian.Core.Investment;

namespace Qianglian.Core.Tests.Investment;

public class TargetListTests
{
    private static readonly Guid Missing = Guid.NewGuid(), MissingDownstream = Guid.NewGuid(), Short = Guid.NewGuid(), Weak = Guid.NewGuid(), Covered = Guid.NewGuid();

    private static readonly GapNodeFacts[] Gaps =
    [
        new(Weak, "钒制品", GapKind.Weak, false, "弱链"),
        new(Short, "海绵钛", GapKind.Short, false, "短链"),
        new(MissingDownstream, "涂料", GapKind.Missing, true, "缺链"),
        new(Missing, "钒渣", GapKind.Missing, false, "缺链"),
        new(Covered, "钛白粉", GapKind.None, false, ""),
    ];

    [Fact]
    public void Gaps_suggest_targets_missing_first_and_downstream_gaps_extend_the_chain()
    {
        var suggestions = TargetLists.FromGaps(Gaps, new HashSet<Guid>());
        Assert.Equal(["涂料", "钒渣", "海绵钛", "钒制品"], suggestions.Select(s => s.NodeName));
        Assert.Equal(TargetPurpose.Extend, suggestions[0].Purpose);
        Assert.Equal(TargetPurpose.Fill, suggestions[1].Purpose);
        Assert.Equal([TargetPriority.High, TargetPriority.High, TargetPriority.Medium, TargetPriority.Low], suggestions.Select(s => s.Priority));
        Assert.All(suggestions, s => Assert.Equal(TargetSource.GapAnalysis, s.Source));
    }

    [Fact]
    public void A_node_already_on_the_list_is_not_suggested_again()
    {
        var suggestions = TargetLists.FromGaps(Gaps, new HashSet<Guid> { Missing, Short });
        Assert.Equal(["涂料", "钒制品"], suggestions.Select(s => s.NodeName));
    }

    [Fact]
    public void Targets_go_only_to_the_chain_localities()
    {
        var host = Guid.NewGuid();
        var other = Guid.NewGuid();
        Assert.Empty(TargetLists.CheckPush([host], [host]));
        Assert.Contains("不是该产业链的主要承载地或协同发展地", TargetLists.CheckPush([host], [host, other], "达州市")[0].Message);
        Assert.Contains("尚未设定", TargetLists.CheckPush([], [host])[0].Message);
        Assert.Equal("localityIds", TargetLists.CheckPush([host], [])[0].Field);
    }

    [Fact]
    public void A_push_is_answered_once_and_a_return_needs_its_reason()
    {
        Assert.Empty(TargetLists.CheckAnswer(PushStatus.Pending, PushStatus.Accepted, null));
        Assert.Equal("reason", TargetLists.CheckAnswer(PushStatus.Pending, PushStatus.Returned, " ")[0].Field);
        Assert.Empty(TargetLists.CheckAnswer(PushStatus.Pending, PushStatus.Returned, "本地无用地指标"));
        Assert.Contains("不能重复答复", TargetLists.CheckAnswer(PushStatus.Accepted, PushStatus.Returned, "x")[0].Message);
    }

    [Fact]
    public void A_major_investor_signs_only_with_an_approved_package()
    {
        Assert.Empty(LeadPipeline.Check(LeadStage.Negotiation, LeadStage.Signed, DealStatus.None, null));
        Assert.Equal("deal", LeadPipeline.Check(LeadStage.Negotiation, LeadStage.Signed, DealStatus.None, null, major: true)[0].Field);
        Assert.Equal("deal", LeadPipeline.Check(LeadStage.Negotiation, LeadStage.Signed, DealStatus.Rejected, null, major: true)[0].Field);
        Assert.Empty(LeadPipeline.Check(LeadStage.Negotiation, LeadStage.Signed, DealStatus.Approved, null, major: true));
    }

    [Fact]
    public void The_package_is_drafted_submitted_and_decided_and_a_rejection_gives_its_reason()
    {
        Assert.Empty(LeadPipeline.CheckDeal(DealStatus.None, DealStatus.Draft, LeadStage.Negotiation, null));
        Assert.Empty(LeadPipeline.CheckDeal(DealStatus.Draft, DealStatus.Submitted, LeadStage.Negotiation, null));
        Assert.Equal("status", LeadPipeline.CheckDeal(DealStatus.Draft, DealStatus.Approved, LeadStage.Negotiation, null)[0].Field);
        Assert.Equal("note", LeadPipeline.CheckDeal(DealStatus.Submitted, DealStatus.Rejected, LeadStage.Negotiation, "")[0].Field);
        Assert.Empty(LeadPipeline.CheckDeal(DealStatus.Rejected, DealStatus.Draft, LeadStage.Negotiation, null));
        Assert.Equal("status", LeadPipeline.CheckDeal(DealStatus.Approved, DealStatus.Draft, LeadStage.Negotiation, null)[0].Field);
        Assert.Equal("deal", LeadPipeline.CheckDeal(DealStatus.Draft, DealStatus.Submitted, LeadStage.Signed, null)[0].Field);
    }
}
