using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Audit;

public sealed record AuditView(long Sequence, DateTimeOffset At, string UserName, string EntityType, string EntityKey, string Action, string Changes, string JurisdictionPath, string Hash);

public sealed record AuditPage(IReadOnlyList<AuditView> Items, int Total, int Page, int PageSize);

/// <summary>The audit log of the caller's subtree, newest first, filtered by entity type, key and user. Every reading is audited.</summary>
public sealed class BrowseAudit(AppDb dbs, CurrentUser user)
{
    public sealed record Query(string? EntityType, string? EntityKey, string? UserName, int Page = 1, int PageSize = 50);

    public async Task<AuditPage> Handle(Query query, CancellationToken ct)
    {
        user.Require(Permission.ViewAudit);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 500);
        await using var db = dbs.Open();
        var rows = Filtered(db.AuditEntries.AsNoTracking(), query);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(a => a.Sequence).Skip((page - 1) * size).Take(size)
            .Select(a => new AuditView(a.Sequence, a.At, a.UserName, a.EntityType, a.EntityKey, a.Action, a.Changes, a.JurisdictionPath, a.Hash))
            .ToListAsync(ct);
        // Reading the log is itself in the log (三员分立): who read which part, when.
        await db.RecordReadingAsync(nameof(AuditEntry), new Dictionary<string, object?>
        {
            // The key filter is recorded as present only: it may name a row of another jurisdiction, and this entry lies in the reader's.
            ["EntityType"] = query.EntityType, ["EntityKeyFilter"] = string.IsNullOrWhiteSpace(query.EntityKey) ? null : true, ["UserName"] = query.UserName,
            ["Page"] = page, ["PageSize"] = size, ["Rows"] = items.Count,
        }, ct);
        return new AuditPage(items, total, page, size);
    }

    /// <summary>The entries the filters select (the page and its export share them).</summary>
    public static IQueryable<AuditEntry> Filtered(IQueryable<AuditEntry> rows, Query query)
    {
        if (!string.IsNullOrWhiteSpace(query.EntityType)) rows = rows.Where(a => a.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityKey)) rows = rows.Where(a => a.EntityKey == query.EntityKey);
        if (!string.IsNullOrWhiteSpace(query.UserName)) rows = rows.Where(a => a.UserName == query.UserName);
        return rows;
    }

    /// <summary>The entity types and user names present in the log, for the page's filters.</summary>
    public async Task<(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> UserNames)> Facets(CancellationToken ct)
    {
        user.Require(Permission.ViewAudit);
        await using var db = dbs.Open();
        var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var names = await db.AuditEntries.Select(a => a.UserName).Distinct().OrderBy(t => t).ToListAsync(ct);
        return (types, names);
    }
}
