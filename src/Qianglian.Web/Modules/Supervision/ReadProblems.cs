using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>The problem ledger: paged and filtered on the server, one problem with its history, and the figures.</summary>
public sealed class ReadProblems(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="Mine">Only problems the caller's unit (or, at the chief's level, the caller) handles now.</param>
    /// <param name="Sort">due (default), filed, filedDesc.</param>
    public sealed record Query(string? Search = null, ProblemStatus? Status = null, EscalationLevel? Level = null, ProblemCategory? Category = null,
        Guid? ChainId = null, bool Mine = false, bool OverdueOnly = false, int Page = 1, int PageSize = 20, string? Sort = null);

    public async Task<ProblemPage> List(Query q, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var (rows, total) = await Filtered(db, q, paged: true, ct);
        return new ProblemPage(rows, total);
    }

    /// <summary>Every row of the filter, for the export.</summary>
    internal async Task<IReadOnlyList<ProblemRow>> All(AppDbContext db, Query q, CancellationToken ct) => (await Filtered(db, q, paged: false, ct)).Rows;

    private async Task<(IReadOnlyList<ProblemRow> Rows, int Total)> Filtered(AppDbContext db, Query q, bool paged, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var problems = db.Problems.AsNoTracking().AsQueryable();
        if (q.Status is { } s) problems = problems.Where(p => p.Status == s);
        if (q.Level is { } l) problems = problems.Where(p => p.Level == l);
        if (q.Category is { } c) problems = problems.Where(p => p.Category == c);
        if (q.ChainId is { } chain) problems = problems.Where(p => p.ChainId == chain);
        if (q.OverdueOnly) problems = problems.Where(p => p.Status == ProblemStatus.Open && p.DueAt < now);
        if (q.Mine)
        {
            var caller = await Caller.OfAsync(user, db, ct);
            problems = problems.Where(p => (caller.UnitId != null && p.AssignedUnitId == caller.UnitId) || (caller.UserId != null && p.AssignedUserId == caller.UserId));
        }
        var joined = problems.Join(db.Enterprises, p => p.EnterpriseId, e => e.Id, (p, e) => new { p, e.Name });
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim();
            joined = joined.Where(x => x.p.Title.Contains(term) || x.Name.Contains(term));
        }
        var total = await joined.CountAsync(ct);
        joined = q.Sort switch
        {
            "filed" => joined.OrderBy(x => x.p.FiledAt),
            "filedDesc" => joined.OrderByDescending(x => x.p.FiledAt),
            _ => joined.OrderBy(x => x.p.Status).ThenBy(x => x.p.DueAt),
        };
        if (paged)
        {
            var size = Math.Clamp(q.PageSize, 1, 200);
            joined = joined.Skip((Math.Max(q.Page, 1) - 1) * size).Take(size);
        }
        var page = await joined.ToListAsync(ct);
        return (await Rows(db, page.Select(x => (x.p, x.Name)).ToList(), now, ct), total);
    }

    public async Task<ProblemDetail> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var p = await db.Problems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("problem", "问题不存在 (problem not found)");
        var enterprise = (await db.EnterpriseNamesAsync([p.EnterpriseId], ct)).GetValueOrDefault(p.EnterpriseId, "");
        var row = (await Rows(db, [(p, enterprise)], clock.GetUtcNow(), ct))[0];
        var steps = await db.ProblemSteps.AsNoTracking().Where(s => s.ProblemId == id).ToListAsync(ct);
        var units = await db.UnitNamesAsync(steps.Select(s => s.UnitId).Append(p.FirstUnitId).OfType<Guid>(), ct);
        var attachments = await db.ProblemAttachments.AsNoTracking().Where(a => a.ProblemId == id).OrderBy(a => a.FileName)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.Size, a.UploadedAt, a.UploadedBy)).ToListAsync(ct);
        var caller = await Caller.OfAsync(user, db, ct);
        var settings = await SupervisionSettingsReader.ForPathAsync(db, p.JurisdictionPath, ct);
        var chain = await ProblemLadder.ChainOfAsync(db, p, ct);
        var above = EscalationLadder.NextLevel(p.Level, ProblemLadder.Availability(chain, settings));
        return new ProblemDetail(row, p.Description, p.SourceReference, p.FiledBy, p.FirstUnitId is { } f ? units.GetValueOrDefault(f) : null, p.Resolution,
            p.ResolvedAt, p.RatingComment, p.ClosedAt, p.ClosedOnTime, p.ReopenCount,
            steps.OrderBy(s => s.At).ThenBy(s => s.Id)
                .Select(s => new ProblemStepView(s.At, s.Kind, s.Level, s.Reason, s.UnitId is { } u ? units.GetValueOrDefault(u) : null, s.Actor, s.Note)).ToList(),
            attachments,
            CanHandle: p.Status == ProblemStatus.Open && user.Can(Permission.HandleProblems) && ProblemLadder.CanHandle(p, caller),
            CanRate: p.Status == ProblemStatus.Resolved && caller.EnterpriseId == p.EnterpriseId && user.Can(Permission.RateProblems),
            NextLevel: above,
            CanSteer: p.Status == ProblemStatus.Open && user.Can(Permission.SteerProblems) && PullLevers.Steers(p, caller, chain));
    }

    /// <summary>On-time, escalation and satisfaction rates of a jurisdiction's problems (default: the caller's scope), overall, by first unit and by chain.</summary>
    public async Task<ProblemFiguresView> Figures(Guid? jurisdictionId, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var problems = db.Problems.AsNoTracking();
        if (jurisdictionId is { } j)
        {
            var path = await db.Jurisdictions.Where(x => x.Id == j).Select(x => x.JurisdictionPath).FirstOrDefaultAsync(ct)
                       ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
            problems = problems.Where(p => p.JurisdictionPath.StartsWith(path));
        }
        var facts = await problems.Select(p => new { p.FirstUnitId, p.ChainId, p.Status, p.ClosedOnTime, p.Escalated, p.Rating }).ToListAsync(ct);
        var units = await db.UnitNamesAsync(facts.Select(f => f.FirstUnitId).OfType<Guid>(), ct);
        var chains = await db.ChainNamesAsync(facts.Select(f => f.ChainId).OfType<Guid>(), ct);
        FiguresRow Row(Guid? key, string name, IEnumerable<ProblemFacts> of)
        {
            var f = ProblemFigures.Of(of);
            return new FiguresRow(key, name, f.Total, f.Closed, f.ClosedOnTime, f.OnTimeRate, f.Escalated, f.EscalationRate, f.Rated, f.SatisfactionRate);
        }
        var all = facts.Select(x => new ProblemFacts(x.Status, x.ClosedOnTime, x.Escalated, x.Rating)).ToList();
        var byUnit = facts.GroupBy(f => f.FirstUnitId)
            .Select(g => Row(g.Key, g.Key is { } u ? units.GetValueOrDefault(u, "") : "未分派", g.Select(x => new ProblemFacts(x.Status, x.ClosedOnTime, x.Escalated, x.Rating))))
            .OrderByDescending(r => r.Total).ToList();
        var byChain = facts.GroupBy(f => f.ChainId)
            .Select(g => Row(g.Key, g.Key is { } c ? chains.GetValueOrDefault(c, "") : "未关联产业链", g.Select(x => new ProblemFacts(x.Status, x.ClosedOnTime, x.Escalated, x.Rating))))
            .OrderByDescending(r => r.Total).ToList();
        return new ProblemFiguresView(Row(null, "合计", all), byUnit, byChain);
    }

    private static async Task<IReadOnlyList<ProblemRow>> Rows(AppDbContext db, IReadOnlyList<(Problem P, string Enterprise)> page, DateTimeOffset now, CancellationToken ct)
    {
        var units = await db.UnitNamesAsync(page.Select(x => x.P.AssignedUnitId).OfType<Guid>(), ct);
        var people = await db.UserNamesAsync(page.Select(x => x.P.AssignedUserId).OfType<Guid>(), ct);
        var chains = await db.ChainNamesAsync(page.Select(x => x.P.ChainId).OfType<Guid>(), ct);
        var settings = await SupervisionSettingsReader.GoverningAsync(db, page.Select(x => x.P.JurisdictionPath), ct);
        int ReminderDays(string path) => InheritedConfiguration.Nearest(settings, path)?.ProblemReminderDays ?? 2;
        return page.Select(x =>
        {
            var p = x.P;
            var handler = p.AssignedUnitId is { } u ? units.GetValueOrDefault(u) : p.AssignedUserId is { } who ? people.GetValueOrDefault(who) : null;
            return new ProblemRow(p.Id, p.Title, p.EnterpriseId, x.Enterprise, p.ChainId, p.ChainId is { } c ? chains.GetValueOrDefault(c) : null, p.Category,
                p.Source, p.Status, p.Level, handler, p.FiledAt, p.DueAt, EscalationLadder.IsOverdue(p.Status, p.DueAt, now),
                EscalationLadder.IsDueSoon(p.Status, p.DueAt, now, ReminderDays(p.JurisdictionPath)), p.Rating, p.JurisdictionPath, p.Version);
        }).ToList();
    }
}
