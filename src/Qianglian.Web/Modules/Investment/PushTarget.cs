using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Investment;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Investment;

/// <summary>
/// Pushes a target to the chain's host and collaborating localities (达州 （三）) and records their answer. Each
/// locality gets a row of its own (<see cref="TargetPush"/>), so its users see the target through the ordinary
/// scope; a returned target may be pushed again (after an edit), a pending or accepted one is left as it is.
/// </summary>
public sealed class PushTarget(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record PushRequest(IReadOnlyList<Guid> LocalityIds);
    public sealed record AnswerRequest(PushStatus Status, string? Reason, int Version);

    /// <returns>How many localities received it now.</returns>
    public async Task<int> Push(Guid targetId, PushRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        await using var db = dbs.Open();
        var target = await SaveTarget.Find(db, targetId, ct);
        var chain = await db.Chains.AsNoTracking().FirstAsync(c => c.Id == target.ChainId, ct);
        var to = (r.LocalityIds ?? []).Distinct().ToList();
        var localities = chain.HostJurisdictionIds.Concat(chain.CollaboratingJurisdictionIds).ToHashSet();
        // The chain names its localities, so their names may be shown; any other place is named only if the caller sees it.
        var names = await db.JurisdictionNamesAsync(to.Where(localities.Contains), ct);
        var stranger = to.FirstOrDefault(l => !localities.Contains(l));
        var strangerName = stranger == Guid.Empty ? null : await db.Jurisdictions.Where(j => j.Id == stranger).Select(j => j.Name).FirstOrDefaultAsync(ct);
        var refusals = TargetLists.CheckPush(localities, to, strangerName);
        if (refusals.Count > 0) throw new ValidationException(refusals[0].Field, refusals[0].Message);
        // A locality outside the caller's own subtree gets its row from a common superior (writes stay inside the scope).
        var reachable = await db.Jurisdictions.Where(j => to.Contains(j.Id)).Select(j => j.Id).ToListAsync(ct);
        if (to.FirstOrDefault(l => !reachable.Contains(l)) is var outside && outside != Guid.Empty)
            throw new ForbiddenException($"{names.GetValueOrDefault(outside, "该辖区")}不在本辖区范围内，须由共同的上级推送 (the locality lies outside your jurisdiction)");

        var node = await db.ChainNodes.AsNoTracking().FirstAsync(n => n.Id == target.NodeId, ct);
        var existing = await db.Set<TargetPush>().Where(p => p.TargetId == targetId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var pushed = 0;
        foreach (var locality in to)
        {
            var row = existing.FirstOrDefault(p => p.JurisdictionId == locality);
            if (row is { Status: not PushStatus.Returned }) continue;
            if (row is null) db.Add(row = new TargetPush { TargetId = targetId, JurisdictionId = locality });
            row.CopyFrom(target);
            (row.ChainName, row.NodeName, row.Status, row.PushedBy, row.PushedAt) = (chain.Name, node.Name, PushStatus.Pending, user.Name, now);
            (row.AnsweredBy, row.AnsweredAt, row.ReturnReason) = (null, null, null);
            pushed++;
        }
        await db.SaveChangesAsync(ct);
        return pushed;
    }

    public async Task Answer(Guid pushId, AnswerRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageInvestment);
        await using var db = dbs.Open();
        var push = await Find(db, pushId, ct);
        var refusals = TargetLists.CheckAnswer(push.Status, r.Status, r.Reason);
        if (refusals.Count > 0) throw new ValidationException(refusals[0].Field, refusals[0].Message);
        db.ExpectVersion(push, r.Version);
        (push.Status, push.AnsweredBy, push.AnsweredAt) = (r.Status, user.Name, clock.GetUtcNow());
        push.ReturnReason = r.Status == PushStatus.Returned ? r.Reason!.Trim() : null;
        await db.SaveChangesAsync(ct);
    }

    internal static async Task<TargetPush> Find(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<TargetPush>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("push", "推送的目标企业不存在 (pushed target not found)");
}
