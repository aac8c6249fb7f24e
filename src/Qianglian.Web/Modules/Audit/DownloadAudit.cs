using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Audit;

/// <summary>
/// The audit administrator's export (三员分立, GB/T 22239-2019 8.1.4.3 c: 应对审计记录进行保护，定期备份): the entries of the
/// caller's subtree that the filters select, oldest first, with each entry's hash, as a workbook. The export is itself
/// recorded in the log. The whole log for archiving, verifiable offline, is the operator's `audit-export` command.
/// </summary>
public sealed class DownloadAudit(AppDb dbs, CurrentUser user)
{
    /// <summary>A workbook holds about a million rows; past this the filters must narrow the export.</summary>
    public const int MaxRows = 500_000;

    public static class Columns
    {
        public const string Sequence = "序号", At = "时间（北京时间）", User = "操作人", EntityType = "对象类型", EntityKey = "对象标识",
            Action = "操作", Changes = "变更内容", Place = "辖区路径", PreviousHash = "前一条哈希", Hash = "本条哈希", KeyId = "密钥";
    }

    public async Task<byte[]> Handle(BrowseAudit.Query query, CancellationToken ct)
    {
        user.Require(Permission.ViewAudit);
        await using var db = dbs.Open();
        var rows = BrowseAudit.Filtered(db.AuditEntries.AsNoTracking(), query);
        var count = await rows.CountAsync(ct);
        if (count > MaxRows)
            throw new ValidationException("entityType", $"共 {count} 条，超过单次导出上限 {MaxRows} 条，请按对象类型或操作人筛选 ({count} entries: narrow the export by entity type or user)");
        var entries = await rows.OrderBy(a => a.Sequence).ToListAsync(ct);
        await db.RecordReadingAsync(nameof(AuditEntry), new Dictionary<string, object?>
        {
            ["Export"] = true, ["EntityType"] = query.EntityType, ["EntityKeyFilter"] = string.IsNullOrWhiteSpace(query.EntityKey) ? null : true,
            ["UserName"] = query.UserName, ["Rows"] = entries.Count,
        }, ct);
        return Workbooks.Rows("审计日志", entries.Select(e => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Columns.Sequence] = e.Sequence, [Columns.At] = Core.Calendar.BusinessDate.LocalTime(e.At), [Columns.User] = e.UserName, [Columns.EntityType] = e.EntityType,
            [Columns.EntityKey] = e.EntityKey, [Columns.Action] = e.Action, [Columns.Changes] = e.Changes, [Columns.Place] = e.JurisdictionPath,
            [Columns.PreviousHash] = e.PreviousHash, [Columns.Hash] = e.Hash, [Columns.KeyId] = e.KeyId,
        }));
    }
}
