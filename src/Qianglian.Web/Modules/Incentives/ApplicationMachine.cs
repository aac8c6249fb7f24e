using Qianglian.Core.Incentives;
using Qianglian.Core.Projects;
using Qianglian.Web.Api;
using Stateless;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// The state machine of one application, built from its workflow's transition table (Core) with Stateless. It owns
/// the moves; who may make them and what a stage needs first are checked by the operations before they fire.
/// </summary>
public sealed class ApplicationMachine
{
    private readonly StateMachine<string, WorkflowTrigger> machine;
    private readonly WorkflowDefinition definition;
    private readonly IncentiveApplication application;
    private readonly HolidayCalendar calendar;

    /// <param name="calendar">The holiday calendar of the application's jurisdiction, for stages timed in working days.</param>
    public ApplicationMachine(WorkflowDefinition definition, IncentiveApplication application, HolidayCalendar calendar)
    {
        (this.definition, this.application, this.calendar) = (definition, application, calendar);
        machine = new StateMachine<string, WorkflowTrigger>(() => application.State, s => application.State = s);
        foreach (var from in definition.Table().GroupBy(t => t.From))
        {
            var state = machine.Configure(from.Key);
            foreach (var (_, trigger, to) in from) state.Permit(trigger, to);
        }
    }

    public bool CanFire(WorkflowTrigger trigger) => machine.CanFire(trigger);

    /// <summary>Moves the application; a move its state does not permit is a 409 that names both.</summary>
    public void Fire(WorkflowTrigger trigger, DateTimeOffset now)
    {
        if (!machine.CanFire(trigger))
            throw new ConflictException($"申报当前处于“{StateName(definition, application.State)}”，不能{TriggerName(trigger)} (not permitted in this state)");
        machine.Fire(trigger);
        application.StageEnteredAt = now;
        application.StageDueOn = definition.Stage(application.State) is { } stage
            ? StageDeadline.Due(BusinessDate.Of(now), stage, calendar)
            : null;
    }

    public static string TriggerName(WorkflowTrigger t) => t switch
    {
        WorkflowTrigger.Submit => "提交",
        WorkflowTrigger.Pass => "通过本环节",
        WorkflowTrigger.Return => "退回补充",
        _ => "不予支持",
    };

    public static string StateName(WorkflowDefinition? definition, string state) => state switch
    {
        WorkflowDefinition.Draft => "草稿",
        WorkflowDefinition.Returned => "退回补充",
        WorkflowDefinition.Rejected => "不予支持",
        WorkflowDefinition.Archived => "已归档",
        _ => definition?.Stage(state)?.Name ?? state,
    };
}
