using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>The registry of the caller's scope as .xlsx, in the import template's columns (so it can be edited and re-imported).</summary>
public sealed class ExportEnterprises(AppDb dbs, CurrentUser user)
{
    public byte[] Template()
    {
        user.Require(Permission.ViewEnterprises);
        return Workbooks.Template(EnterpriseExcel.SheetName, EnterpriseExcel.Headers, EnterpriseExcel.Notes);
    }

    public async Task<byte[]> Handle(CancellationToken ct)
    {
        user.Require(Permission.ViewEnterprises);
        await using var db = dbs.Open();
        var codes = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Id, j => j.Code, ct);
        var rows = db.Enterprises.AsNoTracking().OrderBy(e => e.JurisdictionPath).ThenBy(e => e.Name).AsEnumerable()
            .Select(e => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [EnterpriseExcel.Uscc] = e.Uscc,
                [EnterpriseExcel.Name] = e.Name,
                [EnterpriseExcel.Jurisdiction] = codes.GetValueOrDefault(e.JurisdictionId),
                [EnterpriseExcel.Park] = e.ParkId is { } p ? codes.GetValueOrDefault(p) : null,
                [EnterpriseExcel.Address] = e.Address,
                [EnterpriseExcel.Industry] = Core.Enterprises.IndustryCode.Label(e.IndustryCode),   // "C2614 有机化学原料制造"; the import reads it back
                [EnterpriseExcel.Listing] = EnterpriseExcel.ListingText[e.Listing],
                [EnterpriseExcel.Cloud] = e.CloudAdopted ? "是" : "否",
            });
        return Workbooks.Rows(EnterpriseExcel.SheetName, rows);
    }
}
