using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// Who handles a problem at each rung, and the moves every problem operation shares (a step in the history, the new
/// deadline). The timing itself is Core's <see cref="EscalationLadder"/>; this class only looks up people and units.
/// </summary>
public static class ProblemLadder
{
    /// <summary>
    /// The leaders of the problem's chain, who handle it above the county (its lead department and chief), wherever the
    /// chain is kept: a district's problem on its city's chain goes up to the city (the chain-leadership door).
    /// </summary>
    public static async Task<ChainLeadership?> ChainOfAsync(AppDbContext db, Problem problem, CancellationToken ct) =>
        problem.ChainId is { } id ? await db.ChainLeadershipAsync(id, ct) : null;

    /// <summary>The rungs above the county a problem can climb: those the jurisdiction's ladder has and its chain fills.</summary>
    public static LevelAvailability Availability(ChainLeadership? chain, SupervisionSettings? settings) =>
        LevelAvailability.Of(settings?.Rungs ?? LadderRungs.All, chain?.LeadUnitId is not null, chain?.ChiefUserId is not null);

    /// <summary>
    /// The first unit of a new problem: the enterprise's park committee when it sits in a park; else, where the text
    /// starts the ladder at the county (达州 （三） 县级层面), the government of the enterprise's county; else the unit the
    /// jurisdiction's settings name for the category; else the coordination office. The park lies within the
    /// enterprise's jurisdiction, so whoever sees the enterprise sees it and its committee; the county government is
    /// the enterprise's own place or above it (government units are inherited configuration).
    /// </summary>
    public static async Task<Guid?> FirstUnitAsync(AppDbContext db, Enterprises.Enterprise enterprise, ProblemCategory category, SupervisionSettings? settings, CancellationToken ct)
    {
        var park = enterprise.ParkId ?? await db.Jurisdictions
            .Where(j => j.Id == enterprise.JurisdictionId && j.Level == JurisdictionLevel.Park).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
        if (park is { } p && await db.Units.Where(u => u.JurisdictionId == p && u.Kind == UnitKind.ParkCommittee)
                .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct) is { } committee)
            return committee;
        if (settings?.StartsAtCounty == true && await CountyGovernmentAsync(db, enterprise.JurisdictionPath, ct) is { } county)
            return county;
        if (settings?.LocalUnitIds.TryGetValue(category.ToString(), out var unit) == true) return unit;
        return settings?.JointMeetingUnitId;
    }

    /// <summary>The government of the county a place lies in (itself or its nearest county ancestor), if registered.</summary>
    public static async Task<Guid?> CountyGovernmentAsync(AppDbContext db, string place, CancellationToken ct) =>
        InheritedConfiguration.Nearest(await db.InheritedAsync<GovernmentUnit>([place], ct, u => u.Kind == UnitKind.CountyGovernment), place)?.Id;

    /// <summary>Moves the problem to a level: its handler there, the level's fresh deadline.</summary>
    public static void PlaceAt(Problem problem, EscalationLevel level, ChainLeadership? chain, SupervisionSettings? settings, DateTimeOffset now)
    {
        problem.Level = level;
        (problem.AssignedUnitId, problem.AssignedUserId) = level switch
        {
            EscalationLevel.LeadDepartment => (chain?.LeadUnitId, (Guid?)null),
            EscalationLevel.ChainChief => (null, chain?.ChiefUserId),
            EscalationLevel.JointMeeting => (settings?.JointMeetingUnitId, null),
            _ => (problem.AssignedUnitId, null),
        };
        problem.LevelReachedAt = now;
        problem.DueAt = EscalationLadder.DueAt(now, level, SupervisionSettingsReader.RulesOf(settings).Deadlines);
    }

    /// <inheritdoc cref="PlaceAt(Problem, EscalationLevel, ChainLeadership?, SupervisionSettings?, DateTimeOffset)"/>
    public static void PlaceAt(Problem problem, EscalationLevel level, Chain? chain, SupervisionSettings? settings, DateTimeOffset now) =>
        PlaceAt(problem, level, chain is null ? null : ChainLeadership.Of(chain), settings, now);

    /// <summary>Up one rung (skipping missing ones), recorded with its reason. Refused when the problem is not open or at the top.</summary>
    public static async Task EscalateAsync(AppDbContext db, Problem problem, EscalationReason reason, string? note, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = ProblemWorkflow.Apply(problem.Status, ProblemAction.Escalate);
        if (!outcome.Allowed) throw new ConflictException(outcome.Refusal!);
        var chain = await ChainOfAsync(db, problem, ct);
        var settings = await SupervisionSettingsReader.ForPathAsync(db, problem.JurisdictionPath, ct);
        var next = EscalationLadder.NextLevel(problem.Level, Availability(chain, settings))
                   ?? throw new ConflictException("问题已在最高层级，不能再上报 (already at the top of the ladder)");
        PlaceAt(problem, next, chain, settings, now);
        problem.Escalated = true;
        if (reason == EscalationReason.Overdue) problem.EverOverdue = true;
        Record(db, problem, ProblemStepKind.Escalated, actor, now, note, reason);
    }

    public static void Record(AppDbContext db, Problem problem, ProblemStepKind kind, string actor, DateTimeOffset now, string? note = null, EscalationReason? reason = null) =>
        db.Add(new ProblemStep
        {
            JurisdictionId = problem.JurisdictionId, ProblemId = problem.Id, EnterpriseId = problem.EnterpriseId, At = now, Kind = kind,
            Level = problem.Level, Reason = reason, UnitId = problem.AssignedUnitId, Actor = actor, Note = note,
        });

    /// <summary>Only the handler of the current level acts on it: the assigned unit's staff, or at the chief's level the chief and the chain's deputies.</summary>
    public static bool CanHandle(Problem problem, Caller caller) => problem.Level == EscalationLevel.ChainChief
        ? caller.UserId is { } me && (problem.AssignedUserId == me || problem.ChainId is { } chain && caller.DeputyOf.Contains(chain))
        : caller.UnitId is { } unit && unit == problem.AssignedUnitId;

    public static void RequireHandler(Problem problem, Caller caller)
    {
        if (!CanHandle(problem, caller))
            throw new ForbiddenException(problem.Level == EscalationLevel.ChainChief
                ? "该问题已提交链长，只有链长、副链长可以办理 (only the chain chief or a deputy handles it now)"
                : "该问题当前不由您所在单位办理 (your unit is not handling this problem)");
    }

    public static async Task<Problem> FindAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Problems.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("problem", "问题不存在 (problem not found)");
}
