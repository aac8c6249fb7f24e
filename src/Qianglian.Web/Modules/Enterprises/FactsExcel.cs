using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>
/// Yearly facts as a sheet: one row per enterprise and year, amounts in 万元 as the statistics are written. Import
/// upserts by (统一社会信用代码, 年度) for enterprises in the caller's scope; a file with any bad row changes nothing
/// unless good rows only are asked for.
/// </summary>
public sealed class FactsExcel(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const string SheetName = "企业年度数据";
    public const string Uscc = "统一社会信用代码", Year = "年度";

    /// <summary>(header, field, scale to stored units, integer?) — 万元 columns are stored in yuan.</summary>
    private static readonly (string Header, string Field, decimal Scale, bool Integer)[] Numbers =
    [
        ("营业收入（万元）", "revenue", 10_000m, false), ("工业总产值（万元）", "outputValue", 10_000m, false),
        ("工业增加值（万元）", "valueAdded", 10_000m, false), ("利润总额（万元）", "profit", 10_000m, false),
        ("实缴税金（万元）", "taxPaid", 10_000m, false), ("从业人员（人）", "employees", 1m, true),
        ("研发经费（万元）", "rdSpend", 10_000m, false), ("有效发明专利（件）", "inventionPatents", 1m, true),
        ("综合能耗（吨标准煤）", "energyTce", 1m, false), ("用电量（千瓦时）", "electricityKwh", 1m, false),
        ("主要污染物排放（吨）", "emissionsTonnes", 1m, false), ("用地面积（亩）", "landMu", 1m, false),
    ];

    public static IReadOnlyList<string> Headers => [Uscc, Year, .. Numbers.Select(n => n.Header)];

    public byte[] Template()
    {
        user.Require(Permission.ViewEnterprises);
        return Workbooks.Template(SheetName, Headers, [(Uscc, "已登记企业的代码"), (Year, "如 2024"), ("金额", "万元；利润可为负数，其余不能为负"), ("空格", "按 0 计")]);
    }

    public async Task<byte[]> Export(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewEnterprises);
        await using var db = dbs.Open();
        var query = from f in db.EnterpriseFacts.AsNoTracking()
                    join e in db.Enterprises on f.EnterpriseId equals e.Id
                    where year == null || f.Year == year
                    orderby e.Name, f.Year
                    select new { e.Uscc, Fact = f };
        var rows = query.AsEnumerable().Select(x =>
        {
            var values = Values(x.Fact);
            var row = new Dictionary<string, object?> { [Uscc] = x.Uscc, [Year] = x.Fact.Year };
            for (var i = 0; i < Numbers.Length; i++) row[Numbers[i].Header] = values[i] / Numbers[i].Scale;
            return (IDictionary<string, object?>)row;
        });
        return Workbooks.Rows(SheetName, rows);
    }

    private static decimal[] Values(EnterpriseYearFact f) =>
        [f.Revenue, f.OutputValue, f.ValueAdded, f.Profit, f.TaxPaid, f.Employees, f.RdSpend, f.InventionPatents, f.EnergyTce, f.ElectricityKwh, f.EmissionsTonnes, f.LandMu];

    public async Task<ImportReport> Import(Stream file, ImportMode mode, CancellationToken ct)
    {
        user.Require(Permission.EditEnterprises);
        var sheet = SheetReader.Open(file, [Uscc, Year], Numbers.Select(n => n.Header).ToList());
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        await using var db = dbs.Open();
        var errors = new List<ImportError>();
        var parsed = new List<(int Row, string Uscc, int Year, SaveFacts.FactsRequest Facts)>();
        var seen = new Dictionary<(string, int), int>();
        var currentYear = clock.GetUtcNow().Year;
        var total = 0;
        foreach (var (number, cells) in sheet.Rows)
        {
            total++;
            string Cell(string c) => cells.TryGetValue(c, out var v) ? v : "";
            var rowErrors = new List<ImportError>();
            var uscc = EnterpriseRules.NormaliseUscc(Cell(Uscc));
            if (!int.TryParse(Cell(Year), out var year)) rowErrors.Add(new(number, Year, $"年度“{Cell(Year)}”不是整数 (year must be a whole number)"));
            else if (seen.TryGetValue((uscc, year), out var first)) rowErrors.Add(new(number, Year, $"与第{first}行是同一企业同一年度 (duplicate of row {first})"));
            else seen[(uscc, year)] = number;
            var values = new decimal[Numbers.Length];
            for (var i = 0; i < Numbers.Length; i++)
            {
                var text = Cell(Numbers[i].Header);
                if (text.Length == 0) continue;
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                    rowErrors.Add(new(number, Numbers[i].Header, $"“{text}”不是数字 (not a number)"));
                else values[i] = value * Numbers[i].Scale;
            }
            var facts = new SaveFacts.FactsRequest(values[0], values[1], values[2], values[3], values[4], (int)values[5], values[6], (int)values[7], values[8], values[9], values[10], values[11]);
            if (rowErrors.Count == 0)
                foreach (var (field, error) in SaveFacts.Check(year, facts, currentYear).Where(c => c.Error is not null))
                    rowErrors.Add(new(number, field == "year" ? Year : Numbers.First(n => n.Field == field).Header, error!));
            if (rowErrors.Count > 0) errors.AddRange(rowErrors);
            else parsed.Add((number, uscc, year, facts));
        }
        var codes = parsed.Select(p => p.Uscc).Distinct().ToList();
        var enterprises = new Dictionary<string, Enterprise>();
        foreach (var chunk in codes.Chunk(1000))
            foreach (var e in await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.Uscc)).ToListAsync(ct))
                enterprises[e.Uscc] = e;
        foreach (var p in parsed.Where(p => !enterprises.ContainsKey(p.Uscc)).ToList())
        {
            errors.Add(new(p.Row, Uscc, "企业未登记或不在本账号管辖范围内，请先导入企业名录 (enterprise not registered in your scope)"));
            parsed.Remove(p);
        }
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        if (total == 0) return ImportReport.Refused([new ImportError(2, "", "文件中没有数据行 (no data rows)")]);
        if (errors.Count > 0 && mode == ImportMode.AllOrNothing) return ImportReport.Refused(errors, total);

        int inserted = 0, updated = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in parsed.Chunk(500))
        {
            var ids = batch.Select(p => enterprises[p.Uscc].Id).Distinct().ToList();
            var years = batch.Select(p => p.Year).Distinct().ToList();
            var stored = await db.EnterpriseFacts.Where(f => ids.Contains(f.EnterpriseId) && years.Contains(f.Year)).ToListAsync(ct);
            foreach (var p in batch)
            {
                var enterprise = enterprises[p.Uscc];
                var fact = stored.FirstOrDefault(f => f.EnterpriseId == enterprise.Id && f.Year == p.Year);
                if (fact is null)
                {
                    db.EnterpriseFacts.Add(fact = new EnterpriseYearFact { EnterpriseId = enterprise.Id, JurisdictionId = enterprise.JurisdictionId, Year = p.Year });
                    inserted++;
                }
                else updated++;
                SaveFacts.Apply(fact, p.Facts);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return new ImportReport(total, inserted, updated, true, errors);
    }
}
