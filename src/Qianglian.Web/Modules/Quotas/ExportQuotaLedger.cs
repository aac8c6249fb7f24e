using Qianglian.Core.Quotas;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>A chain's ledger for a year as .xlsx, from the same read the page shows: the balance of each element, the
/// pool's entries (grants and transfers), and the projects' requests with their allocations and use.</summary>
public sealed class ExportQuotaLedger(ReadQuotas reader)
{
    private static readonly Dictionary<QuotaMovementKind, string> Kinds = new()
    {
        [QuotaMovementKind.Grant] = "下达", [QuotaMovementKind.TransferIn] = "调入", [QuotaMovementKind.TransferOut] = "调出",
    };

    private static readonly Dictionary<QuotaRequestStatus, string> Statuses = new()
    {
        [QuotaRequestStatus.Pending] = "待分配", [QuotaRequestStatus.Allocated] = "已分配", [QuotaRequestStatus.Declined] = "不予分配",
    };

    public async Task<(byte[] Content, string FileName)> Handle(Guid chainId, int? year, CancellationToken ct)
    {
        var l = await reader.Ledger(chainId, year, ct);
        var balance = l.Elements.Select(e => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["要素"] = QuotaElements.Name(e.Element), ["单位"] = e.Unit, ["下达"] = e.Granted, ["调入"] = e.TransferredIn, ["调出"] = e.TransferredOut,
            ["指标池"] = e.Pool, ["已分配"] = e.Allocated, ["已使用"] = e.Consumed, ["可分配余额"] = e.Unallocated,
        });
        var entries = l.Movements.Select(m => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["日期"] = m.On.ToString("yyyy-MM-dd"), ["类别"] = Kinds[m.Kind], ["要素"] = QuotaElements.Name(m.Element), ["数量"] = m.Amount, ["单位"] = m.Unit,
            ["对方产业链"] = m.Counterpart ?? "", ["依据或理由"] = m.Basis, ["登记人"] = m.RecordedBy,
        });
        var requests = l.Requests.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["项目"] = r.Project, ["要素"] = QuotaElements.Name(r.Element), ["单位"] = r.Unit, ["申请数量"] = r.Requested, ["申请理由"] = r.Justification,
            ["申请人"] = r.RequestedBy, ["申请日期"] = r.RequestedOn.ToString("yyyy-MM-dd"), ["状态"] = Statuses[r.Status], ["分配数量"] = r.Allocated,
            ["已使用"] = r.Consumed, ["决定人"] = r.DecidedBy ?? "", ["决定日期"] = r.DecidedOn?.ToString("yyyy-MM-dd") ?? "", ["决定说明"] = r.DecisionNote ?? "",
        });
        var content = Workbooks.Sheets([("指标余额", balance), ("指标池台账", entries), ("项目申请与使用", requests)]);
        return (content, $"{l.Chain}{l.Year}年要素指标台账.xlsx");
    }
}
