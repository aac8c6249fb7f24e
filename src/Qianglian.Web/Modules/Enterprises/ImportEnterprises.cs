using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>
/// Imports the registry from .xlsx: every row is checked (check character, industry code, jurisdiction and park within
/// the caller's scope, duplicates in the file, codes registered elsewhere); then, unless the mode allows good rows only,
/// a file with any bad row changes nothing. Rows upsert by 统一社会信用代码 in batches through
/// <see cref="AppDbContext.BulkSaveAsync{T}"/> (the central scope guard per batch, one audit entry per row), all in one
/// transaction, reporting progress; cancelling rolls everything back. Where the database copies in bulk (PostgreSQL),
/// each batch is written while the rest of the file is still being read: reading the workbook is then the slower half,
/// and nothing of it is visible, or kept, until the whole file has been accepted.
/// </summary>
public sealed class ImportEnterprises(AppDb dbs, CurrentUser user)
{
    /// <summary>
    /// Rows per write. Bulk copies take larger batches: each batch costs a few round trips (codes registered, scope,
    /// audit head) whatever its size. Tracked saves keep smaller ones, so the change tracker stays small.
    /// </summary>
    private static int BatchSize(AppDbContext db) => db.CopiesInBulk ? 10_000 : 2_000;

    private sealed record Row(int Number, string Uscc, string Name, Guid JurisdictionId, Guid? ParkId, string? Address, string? Industry, ListingStatus Listing, bool Cloud);

    private sealed record Place(Guid Id, string JurisdictionPath, JurisdictionLevel Level);

    /// <summary>Checked rows on their way to be written, with the enterprises already registered under their codes.</summary>
    private sealed record Batch(List<Row> Rows, Dictionary<string, Enterprise> Registered, HashSet<string> RegisteredElsewhere);

    public async Task<ImportReport> Handle(Stream file, ImportMode mode, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        user.Require(Permission.RegisterEnterprises);
        user.Require(Permission.EditEnterprises);
        var sheet = SheetReader.Open(file, EnterpriseExcel.Required, EnterpriseExcel.Optional);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);

        await using var db = dbs.Open();
        // Only the places the caller may manage are known: a row naming any other is refused.
        var places = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Code, j => new Place(j.Id, j.JurisdictionPath, j.Level), ct);
        // Where writing overlaps reading, the reader looks up the codes already registered on a connection of its own, so
        // the writer's connection only writes. (The file's own rows cannot be among them: duplicates are refused.)
        await using var lookup = db.CopiesInBulk ? dbs.Open() : null;
        var run = new Run(db, lookup ?? db, mode, progress);
        var batches = db.CopiesInBulk ? Channel.CreateBounded<Batch>(2) : Channel.CreateUnbounded<Batch>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writing = db.CopiesInBulk ? Task.Run(() => run.WriteAsync(batches.Reader, stop), CancellationToken.None) : null;
        try
        {
            await run.ReadAsync(sheet.Rows, places, batches.Writer, stop.Token);
        }
        catch
        {
            // Reading failed or was cancelled: stop the writer (its transaction rolls back) and report what stopped us.
            batches.Writer.TryComplete();
            await stop.CancelAsync();
            if (writing is not null)
            {
                await writing.ContinueWith(_ => { }, TaskScheduler.Default);
                if (writing.IsFaulted) ExceptionDispatchInfo.Throw(writing.Exception!.InnerException!);
            }
            throw;
        }
        await (writing ?? run.WriteAsync(batches.Reader, stop));

        if (run.Total == 0) return ImportReport.Refused([new ImportError(2, "", "文件中没有数据行 (no data rows)")]);
        var errors = run.Errors;
        if (errors.Count > 0 && mode == ImportMode.AllOrNothing) return ImportReport.Refused(errors, run.Total);
        ct.ThrowIfCancellationRequested();
        if (db.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(ct);
        return new ImportReport(run.Total, run.Inserted, run.Updated, true, errors);
    }

    /// <summary>One import: the reader checks rows and hands over batches of good ones; the writer upserts them.</summary>
    private sealed class Run(AppDbContext db, AppDbContext lookup, ImportMode mode, IProgress<ImportProgress>? progress)
    {
        private readonly List<ImportError> readErrors = [];
        private readonly List<ImportError> writeErrors = [];
        private volatile bool badRowRead;
        private volatile int checkedRows = -1;

        public int Total { get; private set; }
        public int Inserted { get; private set; }
        public int Updated { get; private set; }

        public List<ImportError> Errors => [.. readErrors.Concat(writeErrors).OrderBy(e => e.Row)];

        private bool Refusing => mode == ImportMode.AllOrNothing && (badRowRead || writeErrors.Count > 0);

        public async Task ReadAsync(IEnumerable<(int Row, IReadOnlyDictionary<string, string> Cells)> rows, IReadOnlyDictionary<string, Place> places,
            ChannelWriter<Batch> batches, CancellationToken ct)
        {
            var seen = new Dictionary<string, int>();
            var size = BatchSize(db);
            var batch = new List<Row>(size);
            var good = 0;
            foreach (var (number, cells) in rows)
            {
                ct.ThrowIfCancellationRequested();
                Total++;
                if (Check(number, cells, places, seen) is { } row)
                {
                    batch.Add(row);
                    good++;
                }
                if (batch.Count == size)
                {
                    var (visible, elsewhere) = await Registered(batch, ct);
                    await batches.WriteAsync(new Batch(batch, visible, elsewhere), ct);
                    batch = new List<Row>(size);
                }
                if (Total % 1000 == 0 && Inserted + Updated == 0) progress?.Report(new ImportProgress("检查", Total, 0));
            }
            checkedRows = good;
            if (batch.Count > 0)
            {
                var (visible, elsewhere) = await Registered(batch, ct);
                await batches.WriteAsync(new Batch(batch, visible, elsewhere), ct);
            }
            batches.Complete();
        }

        /// <summary>
        /// The enterprises of the caller's scope already registered under the rows' codes (to update), and the codes
        /// registered anywhere else (a credit code is registered once in the whole country: those rows are refused).
        /// </summary>
        private async Task<(Dictionary<string, Enterprise> Visible, HashSet<string> Elsewhere)> Registered(List<Row> rows, CancellationToken ct)
        {
            var codes = rows.Select(r => r.Uscc).ToList();
            var visible = await lookup.Enterprises.AsNoTracking().Where(e => codes.Contains(e.Uscc)).ToDictionaryAsync(e => e.Uscc, ct);
            var taken = await lookup.NumbersTakenAsync<Enterprise>(e => codes.Contains(e.Uscc), e => e.Uscc, ct);
            return (visible, taken.Where(code => !visible.ContainsKey(code)).ToHashSet());
        }

        private Row? Check(int number, IReadOnlyDictionary<string, string> cells, IReadOnlyDictionary<string, Place> places, Dictionary<string, int> seen)
        {
            var errors = new List<ImportError>();
            void Error(string column, string message) => errors.Add(new ImportError(number, column, message));
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
                if (park is null || park.Level != JurisdictionLevel.Park || place is null || !park.JurisdictionPath.StartsWith(place.JurisdictionPath, StringComparison.Ordinal))
                    Error(EnterpriseExcel.Park, $"园区代码“{parkCode}”不是所属辖区内的园区 (not a park within the jurisdiction)");
                else parkId = park.Id;
            }
            if (EnterpriseRules.Industry(Cell(EnterpriseExcel.Industry)) is { } industryError) Error(EnterpriseExcel.Industry, industryError);
            var listing = EnterpriseExcel.ParseListing(Cell(EnterpriseExcel.Listing));
            if (listing is null) Error(EnterpriseExcel.Listing, $"“{Cell(EnterpriseExcel.Listing)}”不是有效的上市状态：无/上市后备/辅导/申报/上市 (unknown listing status)");
            var cloud = EnterpriseExcel.ParseYesNo(Cell(EnterpriseExcel.Cloud));
            if (cloud is null) Error(EnterpriseExcel.Cloud, $"应填“是”或“否”，实为“{Cell(EnterpriseExcel.Cloud)}” (yes or no)");

            if (errors.Count == 0)
                return new Row(number, uscc, Cell(EnterpriseExcel.Name).Trim(), place!.Id, parkId, Cell(EnterpriseExcel.Address), Cell(EnterpriseExcel.Industry), listing!.Value, cloud!.Value);
            readErrors.AddRange(errors);
            badRowRead = true;
            return null;
        }

        /// <summary>
        /// Per batch: refuses the codes registered outside the caller's scope; then, unless the file is being refused
        /// anyway, the upsert — inside one transaction opened at the first write.
        /// </summary>
        public async Task WriteAsync(ChannelReader<Batch> batches, CancellationTokenSource stop)
        {
            var ct = stop.Token;
            try
            {
                await foreach (var (rows, existing, elsewhere) in batches.ReadAllAsync(ct))
                {
                    var batch = db.NewBulkBatch<Enterprise>();
                    int inserted = 0, updated = 0;
                    foreach (var row in rows)
                    {
                        if (elsewhere.Contains(row.Uscc))
                            writeErrors.Add(new ImportError(row.Number, EnterpriseExcel.Uscc, "该企业已在本账号管辖范围以外的辖区登记 (registered in a jurisdiction outside your scope)"));
                        else if (!existing.TryGetValue(row.Uscc, out var enterprise))
                        {
                            var added = new Enterprise { Uscc = row.Uscc, JurisdictionId = row.JurisdictionId };
                            SaveEnterprise.Apply(added, row.Name, row.ParkId, row.Address, row.Industry, row.Listing, row.Cloud);
                            batch.Add(added);
                            inserted++;
                        }
                        else
                        {
                            batch.Update(enterprise, e =>
                            {
                                e.JurisdictionId = row.JurisdictionId;
                                SaveEnterprise.Apply(e, row.Name, row.ParkId, row.Address, row.Industry, row.Listing, row.Cloud);
                            });
                            updated++;
                        }
                    }
                    if (Refusing) continue; // keep checking, so the report names every bad row
                    if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(ct);
                    await db.BulkSaveAsync(batch, ct);
                    (Inserted, Updated) = (Inserted + inserted, Updated + updated);
                    progress?.Report(new ImportProgress("写入", Inserted + Updated, Math.Max(0, checkedRows - writeErrors.Count)));
                }
            }
            catch
            {
                await stop.CancelAsync(); // unblocks the reader
                throw;
            }
        }
    }
}
