using Qianglian.Core.Cultivation;

namespace Qianglian.Core.Tests.Cultivation;

public class GradingWorkflowTests
{
    private static readonly DateOnly Published = new(2025, 4, 1);

    [Fact]
    public void A_draft_is_published_then_locked_after_the_window()
    {
        Assert.Equal(RunStatus.Published, GradingWorkflow.Apply(RunStatus.Draft, RunAction.Publish, Published).Next);
        var deadline = GradingWorkflow.Deadline(Published, 7);
        Assert.Equal(new DateOnly(2025, 4, 8), deadline);
        var early = GradingWorkflow.Apply(RunStatus.Published, RunAction.Lock, deadline, deadline);
        Assert.Null(early.Next);
        Assert.Contains("期满后", early.Error);
        Assert.Equal(RunStatus.Locked, GradingWorkflow.Apply(RunStatus.Published, RunAction.Lock, deadline.AddDays(1), deadline).Next);
    }

    [Fact]
    public void Objections_are_accepted_up_to_and_including_the_deadline()
    {
        var deadline = GradingWorkflow.Deadline(Published, 7);
        Assert.Null(GradingWorkflow.Apply(RunStatus.Published, RunAction.FileObjection, deadline, deadline).Error);
        Assert.Contains("截止", GradingWorkflow.Apply(RunStatus.Published, RunAction.FileObjection, deadline.AddDays(1), deadline).Error);
    }

    [Fact]
    public void Open_objections_block_the_lock_and_open_proposals_block_closing()
    {
        Assert.Contains("2 项未处理", GradingWorkflow.Apply(RunStatus.Published, RunAction.Lock, Published.AddDays(30), Published, openItems: 2).Error);
        Assert.NotNull(GradingWorkflow.Apply(RunStatus.Proposed, RunAction.Close, Published, openItems: 1).Error);
        Assert.Equal(RunStatus.Closed, GradingWorkflow.Apply(RunStatus.Proposed, RunAction.Close, Published).Next);
    }

    [Theory]
    [InlineData(RunStatus.Draft, RunAction.Lock)]
    [InlineData(RunStatus.Draft, RunAction.FileObjection)]
    [InlineData(RunStatus.Locked, RunAction.ResolveObjection)]
    [InlineData(RunStatus.Locked, RunAction.Publish)]
    [InlineData(RunStatus.Closed, RunAction.Decide)]
    public void Actions_outside_the_table_are_refused(RunStatus status, RunAction action) =>
        Assert.NotNull(GradingWorkflow.Apply(status, action, Published).Error);
}
