using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Modules.Evaluation;

public sealed record IndustryEventView(Guid Id, string JurisdictionPath, string Jurisdiction, IndustryEventKind Kind, string KindName, string Name, DateOnly HeldOn,
    Guid? EcosystemId, string? Ecosystem, string? Place, string? Notes, string RecordedBy, Guid JurisdictionId, int Version);

/// <summary>The office's record of events (industry conferences, 集中开工, 观摩): listed, entered, corrected, removed.</summary>
public sealed class IndustryEvents(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(Guid JurisdictionId, IndustryEventKind Kind, string? Name, DateOnly HeldOn, Guid? EcosystemId, string? Place, string? Notes);

    /// <param name="Version">The version read: a record changed since is refused (409), never overwritten.</param>
    public sealed record UpdateRequest(Guid JurisdictionId, IndustryEventKind Kind, string? Name, DateOnly HeldOn, Guid? EcosystemId, string? Place, string? Notes, int Version)
    {
        public Request Fields() => new(JurisdictionId, Kind, Name, HeldOn, EcosystemId, Place, Notes);
    }

    public static string KindName(IndustryEventKind kind) => kind switch
    {
        IndustryEventKind.IndustryConference => "产业发展（推介）大会",
        IndustryEventKind.GroupGroundbreaking => "重点项目集中开工",
        IndustryEventKind.SiteObservation => "项目观摩",
        _ => kind.ToString(),
    };

    public async Task<IReadOnlyList<IndustryEventView>> List(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        if (year is < 1 or > 9999) throw new ValidationException("year", "年度无效 (invalid year)");
        var (from, to) = year is { } y ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : (DateOnly.MinValue, DateOnly.MaxValue);
        var events = await db.IndustryEvents.AsNoTracking().Where(e => e.HeldOn >= from && e.HeldOn <= to)
            .OrderByDescending(e => e.HeldOn).ThenBy(e => e.Name).ToListAsync(ct);
        var places = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Id, j => j.Name, ct);
        var ecosystems = await db.Ecosystems.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return events.Select(e => new IndustryEventView(e.Id, e.JurisdictionPath, places.GetValueOrDefault(e.JurisdictionId, ""), e.Kind, KindName(e.Kind), e.Name, e.HeldOn,
            e.EcosystemId, e.EcosystemId is { } x ? ecosystems.GetValueOrDefault(x) : null, e.Place, e.Notes, e.RecordedBy, e.JurisdictionId, e.Version)).ToList();
    }

    /// <summary>The domains (产业领域) an event can be held for: those the caller sees.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> Domains(CancellationToken ct)
    {
        user.Require(Permission.ViewEvaluation);
        await using var db = dbs.Open();
        return (await db.Ecosystems.AsNoTracking().OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(ct)).Select(e => (e.Id, e.Name)).ToList();
    }

    public async Task<Guid> Add(Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageEvaluation);
        var f = Check(r);
        await using var db = dbs.Open();
        await RequirePlacesAsync(db, r, ct);
        var row = new IndustryEvent { RecordedBy = (await Caller.OfAsync(user, db, ct)).Name };
        Apply(row, r, f);
        db.IndustryEvents.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    /// <summary>Corrects a recorded event (a wrong date, name or domain): the same checks as entering it.</summary>
    public async Task Update(Guid id, UpdateRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageEvaluation);
        var f = Check(r.Fields());
        await using var db = dbs.Open();
        var row = await db.IndustryEvents.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("event", "活动记录不存在 (event not found)");
        await RequirePlacesAsync(db, r.Fields(), ct);
        db.ExpectVersion(row, r.Version);
        Apply(row, r.Fields(), f);
        await db.SaveChangesAsync(ct);
    }

    private sealed record Checked(string Name, string? Place, string? Notes);

    private Checked Check(Request r)
    {
        if (!Enum.IsDefined(r.Kind)) throw new ValidationException("kind", "未知的活动类别 (unknown kind)");
        var name = Text.Required(r.Name, "name", "活动名称", 200);
        if (r.HeldOn == default) throw new ValidationException("heldOn", "举办日期不能为空 (heldOn is required)");
        if (r.HeldOn > BusinessDate.Today(clock)) throw new ValidationException("heldOn", "只能登记已举办的活动 (the event must have been held)");
        return new Checked(name, Text.Optional(r.Place, "place", 200), Text.Optional(r.Notes, "notes", 2000));
    }

    private static async Task RequirePlacesAsync(AppDbContext db, Request r, CancellationToken ct)
    {
        await db.RequireVisibleAsync<Jurisdiction>(r.JurisdictionId, "jurisdictionId", "辖区不存在 (jurisdiction not found)", ct);
        await db.RequireVisibleAsync<Ecosystem>(r.EcosystemId, "ecosystemId", "产业领域不存在 (ecosystem not found)", ct);
    }

    private static void Apply(IndustryEvent row, Request r, Checked f) =>
        (row.JurisdictionId, row.Kind, row.Name, row.HeldOn, row.EcosystemId, row.Place, row.Notes) = (r.JurisdictionId, r.Kind, f.Name, r.HeldOn, r.EcosystemId, f.Place, f.Notes);

    public async Task Remove(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ManageEvaluation);
        await using var db = dbs.Open();
        var row = await db.IndustryEvents.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("event", "活动记录不存在 (event not found)");
        db.IndustryEvents.Remove(row);
        await db.SaveChangesAsync(ct);
    }
}
