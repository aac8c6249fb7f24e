using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Chains;

/// <summary>
/// Supply links from .xlsx: supplier → customer, product, year, amount (万元). The customer must be in the caller's
/// scope; the supplier, named by its public credit code, anywhere in the registry (through the <see cref="Suppliers"/>
/// door: nothing of it comes back but whether the code is registered). Upserts by (supplier, customer, product, year);
/// a file with any bad row changes nothing.
/// </summary>
public sealed class SupplyExcel(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const string Supplier = "供应商统一社会信用代码", Customer = "客户统一社会信用代码", Product = "产品", Year = "年度", Amount = "采购金额（万元）";
    public static readonly IReadOnlyList<string> Headers = [Supplier, Customer, Product, Year, Amount];

    public byte[] Template()
    {
        user.Require(Permission.ViewChains);
        return Workbooks.Template("供应关系", Headers, [(Supplier, "须已在企业名录中，可为外地企业"), (Customer, "本辖区企业"), (Amount, "万元，不能为负")]);
    }

    public async Task<ImportReport> Import(Stream file, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        var sheet = SheetReader.Open(file, Headers, []);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        var rows = new List<(int Row, string Supplier, string Customer, string Product, int Year, decimal Amount)>();
        var errors = new List<ImportError>();
        foreach (var (number, cells) in sheet.Rows)
        {
            string Cell(string c) => cells.TryGetValue(c, out var v) ? v : "";
            var before = errors.Count;
            if (Cell(Product).Length == 0) errors.Add(new(number, Product, "产品不能为空 (product is required)"));
            if (!int.TryParse(Cell(Year), out var year) || Enterprises.EnterpriseRules.Year(year, clock.GetUtcNow().Year) is not null)
                errors.Add(new(number, Year, $"年度“{Cell(Year)}”无效 (invalid year)"));
            if (!decimal.TryParse(Cell(Amount), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount < 0)
                errors.Add(new(number, Amount, $"“{Cell(Amount)}”不是非负数 (must be a non-negative number)"));
            var (supplier, customer) = (Enterprises.EnterpriseRules.NormaliseUscc(Cell(Supplier)), Enterprises.EnterpriseRules.NormaliseUscc(Cell(Customer)));
            if (supplier == customer) errors.Add(new(number, Supplier, "供应商与客户不能是同一企业 (supplier and customer are the same)"));
            if (errors.Count == before) rows.Add((number, supplier, customer, Cell(Product), year, amount * 10_000m));
        }
        await using var db = dbs.Open();
        var suppliers = await db.SupplierIdsByCodeAsync(rows.Select(r => r.Supplier), ct);
        var customers = new Dictionary<string, (Guid Id, Guid JurisdictionId)>();
        foreach (var chunk in rows.Select(r => r.Customer).Distinct().Chunk(1000))
            foreach (var e in await db.Enterprises.Where(e => chunk.Contains(e.Uscc)).Select(e => new { e.Uscc, e.Id, e.JurisdictionId }).ToListAsync(ct))
                customers[e.Uscc] = (e.Id, e.JurisdictionId);
        foreach (var r in rows.ToList())
        {
            if (!suppliers.ContainsKey(r.Supplier)) errors.Add(new(r.Row, Supplier, "供应商不在企业名录中，请先登记 (the supplier is not in the registry)"));
            else if (!customers.ContainsKey(r.Customer)) errors.Add(new(r.Row, Customer, "客户不在本账号管辖范围内 (the customer is outside your scope)"));
            else continue;
            rows.Remove(r);
        }
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        if (errors.Count > 0 || rows.Count == 0)
            return ImportReport.Refused(errors.Count > 0 ? errors : [new ImportError(2, "", "文件中没有数据行 (no data rows)")], rows.Count + errors.Count);

        var customerIds = rows.Select(r => customers[r.Customer].Id).Distinct().ToList();
        var stored = await db.SupplyLinks.Where(s => customerIds.Contains(s.CustomerId)).ToListAsync(ct);
        int inserted = 0, updated = 0;
        foreach (var r in rows)
        {
            var (supplierId, (customerId, jurisdictionId)) = (suppliers[r.Supplier], customers[r.Customer]);
            var link = stored.FirstOrDefault(s => s.SupplierId == supplierId && s.CustomerId == customerId && s.Product == r.Product && s.Year == r.Year);
            if (link is null)
            {
                link = new SupplyLink { SupplierId = supplierId, CustomerId = customerId, JurisdictionId = jurisdictionId, Product = r.Product, Year = r.Year };
                db.SupplyLinks.Add(link);
                stored.Add(link);
                inserted++;
            }
            else updated++;
            link.Amount = r.Amount;
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, inserted, updated, true, []);
    }
}
