using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The chain chief's work, recorded by the chief or the lead department: field visits with findings, promotion
/// meetings whose decisions become assigned matters (one transaction), and matters assigned directly.
/// </summary>
public sealed class RecordChainWork(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record VisitRequest(DateOnly? VisitedOn, string? Place, IReadOnlyList<Guid>? EnterpriseIds, string? Participants, string? Findings);
    public sealed record DecisionRequest(string? Decision, Guid? UnitId, DateOnly? DueOn);
    public sealed record MeetingRequest(DateOnly? HeldOn, string? Title, string? Agenda, string? Attendees, IReadOnlyList<DecisionRequest>? Decisions);
    public sealed record MatterRequest(string? Decision, Guid? UnitId, DateOnly? DueOn, Guid? VisitId);

    public async Task<Guid> Visit(Guid chainId, VisitRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageChainWork);
        await using var db = dbs.Open();
        var chain = await ChainAsync(db, chainId, ct);
        var on = r.VisitedOn ?? throw new ValidationException("visitedOn", "请填写调研日期 (the date is required)");
        if (on > BusinessDate.Today(clock)) throw new ValidationException("visitedOn", "调研日期不能晚于今天 (cannot be in the future)");
        var enterprises = (r.EnterpriseIds ?? []).Distinct().ToList();
        await db.RequireVisibleAsync<Enterprises.Enterprise>(enterprises, "enterpriseIds", "调研企业不存在 (enterprise not found)", ct);
        var visit = new FieldVisit
        {
            JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, VisitedOn = on, Place = Text.Required(r.Place, "place", "调研地点", 200),
            EnterpriseIds = enterprises, Participants = Text.Optional(r.Participants, "participants", 500) ?? "",
            Findings = Text.Required(r.Findings, "findings", "调研发现", 4000), RecordedBy = (await Caller.OfAsync(user, db, ct)).Name,
        };
        db.FieldVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return visit.Id;
    }

    public async Task<Guid> Meeting(Guid chainId, MeetingRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageChainWork);
        await using var db = dbs.Open();
        var chain = await ChainAsync(db, chainId, ct);
        var on = r.HeldOn ?? throw new ValidationException("heldOn", "请填写会议日期 (the date is required)");
        var caller = await Caller.OfAsync(user, db, ct);
        var meeting = new PromotionMeeting
        {
            JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, HeldOn = on, Title = Text.Required(r.Title, "title", "会议名称", 200),
            Agenda = Text.Required(r.Agenda, "agenda", "会议议题", 4000), Attendees = Text.Required(r.Attendees, "attendees", "参会人员", 1000), RecordedBy = caller.Name,
        };
        db.PromotionMeetings.Add(meeting);
        var decisions = r.Decisions ?? [];
        for (var i = 0; i < decisions.Count; i++)
        {
            var matter = await MatterAsync(db, chain, decisions[i].Decision, decisions[i].UnitId, decisions[i].DueOn, $"decisions[{i}].", caller.Name, on, ct);
            matter.MeetingId = meeting.Id;
            db.AssignedMatters.Add(matter);
        }
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    public async Task<Guid> Matter(Guid chainId, MatterRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageChainWork);
        await using var db = dbs.Open();
        var chain = await ChainAsync(db, chainId, ct);
        if (r.VisitId is { } v && !await db.FieldVisits.AnyAsync(x => x.Id == v && x.ChainId == chainId, ct))
            throw new NotFoundException("visitId", "调研记录不存在 (visit not found)");
        var caller = await Caller.OfAsync(user, db, ct);
        var matter = await MatterAsync(db, chain, r.Decision, r.UnitId, r.DueOn, "", caller.Name, BusinessDate.Today(clock), ct);
        matter.VisitId = r.VisitId;
        db.AssignedMatters.Add(matter);
        await db.SaveChangesAsync(ct);
        return matter.Id;
    }

    private static async Task<AssignedMatter> MatterAsync(AppDbContext db, Chain chain, string? decision, Guid? unitId, DateOnly? dueOn, string prefix,
        string by, DateOnly from, CancellationToken ct)
    {
        var text = Text.Required(decision, prefix + "decision", "交办事项", 2000);
        var unit = unitId is { } u ? await db.Units.FirstOrDefaultAsync(x => x.Id == u, ct) : null;
        if (unit is null) throw new ValidationException(prefix + "unitId", "请选择承办单位（本辖区内） (a unit of your jurisdiction is required)");
        // A chain's leadership assigns work within the chain's own line: its place, below it, or the level above it.
        if (!Core.Jurisdictions.JurisdictionPath.InLine(unit.JurisdictionPath, chain.JurisdictionPath))
            throw new ValidationException(prefix + "unitId", "承办单位须属于该产业链所在辖区或其上下级 (the unit must be of the chain's jurisdiction, above or below it)");
        var due = dueOn ?? throw new ValidationException(prefix + "dueOn", "请填写办结时限 (the deadline is required)");
        if (due < from) throw new ValidationException(prefix + "dueOn", "办结时限不能早于交办日期 (the deadline is before the assignment)");
        return new AssignedMatter { JurisdictionId = unit.JurisdictionId, ChainId = chain.Id, Decision = text, UnitId = unit.Id, DueOn = due, AssignedBy = by };
    }

    private static async Task<Chain> ChainAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
}

/// <summary>The unit a matter was assigned to reports it done, with what was done. Only that unit's staff may.</summary>
public sealed class CompleteMatter(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(string? Note, int Version);

    public async Task Handle(Guid id, Request r, CancellationToken ct)
    {
        user.Require(Permission.ReportProgress);
        await using var db = dbs.Open();
        var matter = await db.AssignedMatters.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("matter", "交办事项不存在 (matter not found)");
        if ((await Caller.OfAsync(user, db, ct)).UnitId != matter.UnitId)
            throw new ValidationException("matterId", "该事项未交办给本单位 (the matter is not assigned to your unit)");
        if (matter.Status == MatterStatus.Done) throw new ConflictException("该事项已办结 (already done)");
        var note = Text.Required(r.Note, "note", "办理情况", 2000);
        db.ExpectVersion(matter, r.Version);
        (matter.Status, matter.DoneOn, matter.CompletionNote) = (MatterStatus.Done, BusinessDate.Today(clock), note);
        await db.SaveChangesAsync(ct);
    }
}
