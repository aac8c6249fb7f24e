using Qianglian.Core.Projects;

namespace Qianglian.Core.Tests.Projects;

public class LifecycleTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly ApprovalState Approved = new(ApprovalStatus.Approved, null);

    private static LifecycleFacts Facts(ProjectStage stage, bool enterprise = true, ApprovalState? land = null, ApprovalState? permit = null) =>
        new(stage, new DateOnly(2026, 1, 10), enterprise, land ?? ApprovalState.Missing, permit ?? ApprovalState.Missing);

    [Fact]
    public void The_stages_go_one_step_forward_or_to_termination()
    {
        Assert.Equal([ProjectStage.Signed, ProjectStage.Terminated], Lifecycle.Allowed(ProjectStage.Reserve));
        Assert.Equal([ProjectStage.Terminated], Lifecycle.Allowed(ProjectStage.AtCapacity));
        Assert.Empty(Lifecycle.Allowed(ProjectStage.Terminated));
    }

    [Fact]
    public void Skipping_a_stage_names_the_stage_skipped()
    {
        var refusal = Assert.Single(Lifecycle.Check(Facts(ProjectStage.Reserve), ProjectStage.Started, Today, null, Today));
        Assert.Equal("to", refusal.Field);
        Assert.Contains("须先经过“签约”", refusal.Message);
        Assert.Contains("倒退", Assert.Single(Lifecycle.Check(Facts(ProjectStage.Started), ProjectStage.Signed, Today, null, Today)).Message);
    }

    [Fact]
    public void Starting_needs_land_and_permit_or_a_dated_tolerance_commitment()
    {
        var refused = Lifecycle.Check(Facts(ProjectStage.Signed), ProjectStage.Started, Today, null, Today);
        Assert.Equal(["land", "constructionPermit"], refused.Select(r => r.Field));

        var toleratedWithoutDeadline = new ApprovalState(ApprovalStatus.Tolerated, null);
        Assert.Single(Lifecycle.Check(Facts(ProjectStage.Signed, land: Approved, permit: toleratedWithoutDeadline), ProjectStage.Started, Today, null, Today));

        var tolerated = new ApprovalState(ApprovalStatus.Tolerated, new DateOnly(2026, 8, 1));
        Assert.Empty(Lifecycle.Check(Facts(ProjectStage.Signed, land: Approved, permit: tolerated), ProjectStage.Started, Today, null, Today));
    }

    [Fact]
    public void Signing_needs_an_enterprise_and_termination_a_reason()
    {
        Assert.Equal("enterpriseId", Assert.Single(Lifecycle.Check(Facts(ProjectStage.Reserve, enterprise: false), ProjectStage.Signed, Today, null, Today)).Field);
        Assert.Equal("reason", Assert.Single(Lifecycle.Check(Facts(ProjectStage.Started), ProjectStage.Terminated, Today, " ", Today)).Field);
        Assert.Empty(Lifecycle.Check(Facts(ProjectStage.Started), ProjectStage.Terminated, Today, "投资方撤资", Today));
    }

    [Fact]
    public void A_transition_date_is_neither_in_the_future_nor_before_the_previous_one()
    {
        var future = Lifecycle.Check(Facts(ProjectStage.Reserve), ProjectStage.Signed, Today.AddDays(1), null, Today);
        Assert.Contains("晚于今天", Assert.Single(future).Message);
        var early = Lifecycle.Check(Facts(ProjectStage.Reserve), ProjectStage.Signed, new DateOnly(2026, 1, 9), null, Today);
        Assert.Contains("早于上一阶段", Assert.Single(early).Message);
    }

    [Fact]
    public void A_terminated_project_moves_no_more()
    {
        Assert.Contains("已终止", Assert.Single(Lifecycle.Check(Facts(ProjectStage.Terminated), ProjectStage.Signed, Today, null, Today)).Message);
    }
}
