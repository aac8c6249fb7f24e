using Microsoft.Extensions.Localization;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Resources;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Arrears;

/// <summary>The arrears ledger as .xlsx: the caller's scope and filter, amounts in 万元 as the platform's sheets show money.</summary>
public sealed class ExportArrears(AppDb dbs, CurrentUser user, TimeProvider clock, IStringLocalizer<Strings> L)
{
    public async Task<byte[]> Handle(Core.Arrears.ClaimStatus? status, bool overdue, CancellationToken ct)
    {
        user.Require(Permission.ViewArrears);
        await using var db = dbs.Open();
        var rows = await ReadArrears.Rows(db, status, BusinessDate.Today(clock), ct);
        if (overdue) rows = rows.Where(r => r.OverdueSince is not null).ToList();
        static decimal Wan(decimal yuan) => Math.Round(yuan / 10_000m, 4);
        return Workbooks.Rows(L["ArrearsSheet"], rows.Select(r => new Dictionary<string, object?>
        {
            [L["ArrearsCreditor"]] = r.Enterprise, [L["ArrearsLocality"]] = r.Locality, [L["ArrearsDebtorKind"]] = L["DebtorKind_" + r.DebtorKind].Value,
            [L["ArrearsDebtor"]] = r.Debtor, [L["ArrearsClaimedWan"]] = Wan(r.ClaimedAmount), [L["ArrearsAgreedWan"]] = r.AgreedAmount is { } a ? Wan(a) : null,
            [L["ArrearsRepaidWan"]] = Wan(r.RepaidAmount), [L["ArrearsDueOn"]] = r.DueOn.ToString("yyyy-MM-dd"), [L["ArrearsStatus"]] = L["ClaimStatus_" + r.Status].Value,
            [L["ArrearsOverdueSince"]] = r.OverdueSince?.ToString("yyyy-MM-dd"),
        }));
    }
}
