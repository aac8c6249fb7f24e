using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>
/// Imports the registry from .xlsx: every row is checked first (check character, industry code, jurisdiction and
/// park within the caller's scope, duplicates in the file, codes registered elsewhere); then, unless the mode allows
/// good rows only, a file with any bad row changes nothing. Writes upsert by 统一社会信用代码 in one transaction,
/// in batches, reporting progress; cancelling rolls everything back.
/// </summary>
public sealed class ImportEnterprises(AppDb dbs, CurrentUser user)
{
    private const int BatchSize = 500;

    private sealed record Row(int Number, string Uscc, string Name, Guid JurisdictionId, Guid? ParkId, string? Address, string? Industry, ListingStatus Listing, bool Cloud);

    public async Task<ImportReport> Handle(Stream file, ImportMode mode, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        user.Require(Permission.RegisterEnterprises);
        user.Require(Permission.EditEnterprises);
        var sheet = SheetReader.Open(file, EnterpriseExcel.Required, EnterpriseExcel.Optional);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);

        await using var db = dbs.Open();
        var places = await db.Jurisdictions.AsNoTracking()
            .Select(j => new { j.Code, j.Id, j.JurisdictionPath, j.Level }).ToDictionaryAsync(j => j.Code, ct);
        var errors = new List<ImportError>();
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>();
        var total = 0;
        foreach (var (number, cells) in sheet.Rows)
        {
            ct.ThrowIfCancellationRequested();
            total++;
            var rowErrors = new List<ImportError>();
            void Error(string column, string message) => rowErrors.Add(new ImportError(number, column, message));
            string Cell(string column) => cells.TryGetValue(column, out var v) ? v : "";

            var uscc = EnterpriseRules.NormaliseUscc(Cell(EnterpriseExcel.Uscc));
            if (EnterpriseRules.Uscc(uscc) is { } usccError) Error(EnterpriseExcel.Uscc, usccError);
            else if (seen.TryGetValue(uscc, out var first)) Error(EnterpriseExcel.Uscc, $"与第{first}行重复 (duplicate of row {first})");
            else seen[uscc] = number;
            if (EnterpriseRules.Name(Cell(EnterpriseExcel.Name)) is { } nameError) Error(EnterpriseExcel.Name, nameError);
            var place = places.GetValueOrDefault(Cell(EnterpriseExcel.Jurisdiction));
            if (place is null) Error(EnterpriseExcel.Jurisdiction, $"辖区代码“{Cell(EnterpriseExcel.Jurisdiction)}”不存在或不在本账号管辖范围内 (unknown jurisdiction or outside your scope)");
            Guid? parkId = null;
            if (Cell(EnterpriseExcel.Park) is { Length: > 0 } parkCode)
            {
                var park = places.GetValueOrDefault(parkCode);
                if (park is null || park.Level != Jurisdictions.JurisdictionLevel.Park || place is null || !park.JurisdictionPath.StartsWith(place.JurisdictionPath, StringComparison.Ordinal))
                    Error(EnterpriseExcel.Park, $"园区代码“{parkCode}”不是所属辖区内的园区 (not a park within the jurisdiction)");
                else parkId = park.Id;
            }
            if (EnterpriseRules.Industry(Cell(EnterpriseExcel.Industry)) is { } industryError) Error(EnterpriseExcel.Industry, industryError);
            var listing = EnterpriseExcel.ParseListing(Cell(EnterpriseExcel.Listing));
            if (listing is null) Error(EnterpriseExcel.Listing, $"“{Cell(EnterpriseExcel.Listing)}”不是有效的上市状态：无/上市后备/辅导/申报/上市 (unknown listing status)");
            var cloud = EnterpriseExcel.ParseYesNo(Cell(EnterpriseExcel.Cloud));
            if (cloud is null) Error(EnterpriseExcel.Cloud, $"应填“是”或“否”，实为“{Cell(EnterpriseExcel.Cloud)}” (yes or no)");

            if (rowErrors.Count > 0) errors.AddRange(rowErrors);
            else rows.Add(new Row(number, uscc, Cell(EnterpriseExcel.Name).Trim(), place!.Id, parkId, Cell(EnterpriseExcel.Address),
                Cell(EnterpriseExcel.Industry), listing!.Value, cloud!.Value));
            if (total % 1000 == 0) progress?.Report(new ImportProgress("检查", total, 0));
        }

        var existing = await ExistingAsync(db, rows.Select(r => r.Uscc).ToList(), ct);
        foreach (var row in rows.Where(r => existing.TryGetValue(r.Uscc, out var e) && !e.InScope).ToList())
        {
            errors.Add(new ImportError(row.Number, EnterpriseExcel.Uscc, "该企业已在本账号管辖范围以外的辖区登记 (registered in a jurisdiction outside your scope)"));
            rows.Remove(row);
        }
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        if (total == 0) return ImportReport.Refused([new ImportError(2, "", "文件中没有数据行 (no data rows)")]);
        if (errors.Count > 0 && mode == ImportMode.AllOrNothing) return ImportReport.Refused(errors, total);

        var (inserted, updated) = await WriteAsync(db, rows, existing, progress, ct);
        return new ImportReport(total, inserted, updated, true, errors);
    }

    private sealed record Existing(Guid Id, bool InScope);

    private async Task<Dictionary<string, Existing>> ExistingAsync(AppDbContext db, List<string> codes, CancellationToken ct)
    {
        var found = new Dictionary<string, Existing>();
        foreach (var chunk in codes.Chunk(1000))
            foreach (var e in await db.Enterprises.IgnoreQueryFilters().Where(e => chunk.Contains(e.Uscc)).Select(e => new { e.Uscc, e.Id, e.JurisdictionPath }).ToListAsync(ct))
                found[e.Uscc] = new Existing(e.Id, db.Scope.Covers(e.JurisdictionPath) && (db.Scope.EnterpriseId is null || db.Scope.EnterpriseId == e.Id));
        return found;
    }

    private static async Task<(int Inserted, int Updated)> WriteAsync(AppDbContext db, List<Row> rows, Dictionary<string, Existing> existing,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        int inserted = 0, updated = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in rows.Chunk(BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            var ids = batch.Where(r => existing.ContainsKey(r.Uscc)).Select(r => existing[r.Uscc].Id).ToList();
            var stored = await db.Enterprises.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Uscc, ct);
            foreach (var row in batch)
            {
                if (!stored.TryGetValue(row.Uscc, out var enterprise))
                {
                    enterprise = new Enterprise { Uscc = row.Uscc };
                    db.Enterprises.Add(enterprise);
                    inserted++;
                }
                else updated++;
                enterprise.JurisdictionId = row.JurisdictionId;
                SaveEnterprise.Apply(enterprise, row.Name, row.ParkId, row.Address, row.Industry, row.Listing, row.Cloud);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress("写入", inserted + updated, rows.Count));
        }
        await transaction.CommitAsync(ct);
        return (inserted, updated);
    }
}
