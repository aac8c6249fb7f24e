using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Shared.Excel;
using Text = Qianglian.Web.Modules.Supervision.Text;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>One recognition in the honours registry: who holds it (an enterprise, or a park or cluster by name), kind, level, year, 文号.</summary>
public sealed record HonourRow(Guid Id, string JurisdictionPath, string Jurisdiction, HonourKind Kind, string KindName, HonourLevel Level, string LevelName,
    int Year, string? DocumentNumber, Guid? EnterpriseId, string Holder, string? Uscc);

/// <summary>
/// The honours registry (荣誉名录): every recognition the packs' targets count, across enterprises, parks and clusters,
/// listed, entered and exchanged as a sheet. An enterprise's honour is also entered on the enterprise's page
/// (<see cref="SaveFacts.AddHonour"/>); a park's or cluster's is entered here by the office. Import upserts by holder,
/// kind, level and year (updating the 文号); a file with any bad row changes nothing unless good rows only are asked for.
/// </summary>
public sealed class HonourRegistry(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const string SheetName = "荣誉名录";
    public const string KindColumn = "荣誉类别", LevelColumn = "级别", YearColumn = "年度", DocumentColumn = "文号";
    public const string UsccColumn = "企业统一社会信用代码", HolderColumn = "获评园区或集群", CodeColumn = "所属辖区代码";

    /// <param name="HolderName">The park or cluster as the granting document names it.</param>
    public sealed record CollectiveRequest(Guid JurisdictionId, HonourKind Kind, HonourLevel Level, int Year, string? HolderName, string? DocumentNumber);

    public async Task<IReadOnlyList<HonourRow>> List(int? year, HonourKind? kind, CancellationToken ct)
    {
        user.Require(Permission.ViewEnterprises);
        await using var db = dbs.Open();
        return await Rows(db, year, kind, ct);
    }

    private static async Task<List<HonourRow>> Rows(AppDbContext db, int? year, HonourKind? kind, CancellationToken ct)
    {
        var honours = await db.EnterpriseHonours.AsNoTracking().Where(h => (year == null || h.Year == year) && (kind == null || h.Kind == kind)).ToListAsync(ct);
        var ids = honours.Where(h => h.EnterpriseId != null).Select(h => h.EnterpriseId!.Value).Distinct().ToList();
        var firms = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (e.Name, e.Uscc), ct);
        var places = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Id, j => j.Name, ct);
        return honours.Select(h =>
            {
                var firm = h.EnterpriseId is { } id ? firms.GetValueOrDefault(id) : default;
                return new HonourRow(h.Id, h.JurisdictionPath, places.GetValueOrDefault(h.JurisdictionId, ""), h.Kind, HonourNames.Of(h.Kind), h.Level, HonourNames.Of(h.Level),
                    h.Year, h.DocumentNumber, h.EnterpriseId, firm.Name ?? h.HolderName ?? "", firm.Uscc);
            })
            .OrderByDescending(r => r.Year).ThenBy(r => r.Kind).ThenBy(r => r.Level).ThenBy(r => r.Holder, StringComparer.Ordinal).ToList();
    }

    /// <summary>A park's or cluster's recognition, kept at the jurisdiction the office names (one it sees).</summary>
    public async Task<Guid> AddCollective(CollectiveRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageEvaluation);
        SaveEnterprise.Validate(("year", EnterpriseRules.Year(r.Year, clock.GetUtcNow().Year)),
            ("kind", !Enum.IsDefined(r.Kind) ? "未知的荣誉类别 (unknown kind)"
                : HonourNames.Collective(r.Kind) ? null : $"{HonourNames.Of(r.Kind)}由企业获评，请在企业页面登记 (an enterprise's honour: enter it on the enterprise)"),
            ("level", Enum.IsDefined(r.Level) ? null : "未知的级别 (unknown level)"));
        var holder = Text.Required(r.HolderName, "holderName", "获评园区或集群", 200);
        var documentNumber = Text.Optional(r.DocumentNumber, "documentNumber", 100);
        await using var db = dbs.Open();
        await db.RequireVisibleAsync<Jurisdiction>(r.JurisdictionId, "jurisdictionId", "辖区不存在 (jurisdiction not found)", ct);
        if (await db.EnterpriseHonours.AnyAsync(h => h.EnterpriseId == null && h.JurisdictionId == r.JurisdictionId && h.HolderName == holder
                                                     && h.Kind == r.Kind && h.Level == r.Level && h.Year == r.Year, ct))
            throw new ValidationException("holderName", "该荣誉已登记 (this honour is already recorded)");
        var honour = new EnterpriseHonour
        {
            JurisdictionId = r.JurisdictionId, HolderName = holder, Kind = r.Kind, Level = r.Level, Year = r.Year, DocumentNumber = documentNumber,
        };
        db.EnterpriseHonours.Add(honour);
        await db.SaveChangesAsync(ct);
        return honour.Id;
    }

    public static IReadOnlyList<string> Headers => [KindColumn, LevelColumn, YearColumn, DocumentColumn, UsccColumn, HolderColumn, CodeColumn];

    public byte[] Template()
    {
        user.Require(Permission.ViewEnterprises);
        return Workbooks.Template(SheetName, Headers,
        [
            (KindColumn, "如 专精特新中小企业、“链主”企业、数字化车间、绿色工厂、企业技术中心、科技型中小企业、绿色园区、先进制造业集群"),
            (LevelColumn, "国家级、省级或市级"), (YearColumn, "认定年度，如 2024"), (DocumentColumn, "认定文件的文号"),
            (UsccColumn, "企业获评时填写（已登记的企业）"), (HolderColumn, "园区或集群获评时填写其名称"), (CodeColumn, "园区或集群所属辖区的行政区划代码"),
        ]);
    }

    public async Task<byte[]> Export(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewEnterprises);
        await using var db = dbs.Open();
        var rows = await Rows(db, year, null, ct);
        var codes = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.JurisdictionPath, j => j.Code, ct);
        return Workbooks.Rows(SheetName, rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [KindColumn] = r.KindName, [LevelColumn] = r.LevelName, [YearColumn] = r.Year, [DocumentColumn] = r.DocumentNumber,
            [UsccColumn] = r.Uscc, [HolderColumn] = r.EnterpriseId is null ? r.Holder : null, [CodeColumn] = codes.GetValueOrDefault(r.JurisdictionPath), ["获评对象"] = r.Holder,
        }));
    }

    private sealed record Parsed(int Row, HonourKind Kind, HonourLevel Level, int Year, string? DocumentNumber, string? Uscc, string? Holder, string? Code);

    public async Task<ImportReport> Import(Stream file, ImportMode mode, CancellationToken ct)
    {
        user.Require(Permission.EditEnterprises);
        var sheet = SheetReader.Open(file, [KindColumn, LevelColumn, YearColumn], [DocumentColumn, UsccColumn, HolderColumn, CodeColumn]);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        await using var db = dbs.Open();
        var errors = new List<ImportError>();
        var parsed = new List<Parsed>();
        var currentYear = clock.GetUtcNow().Year;
        var total = 0;
        foreach (var (number, cells) in sheet.Rows)
        {
            total++;
            string Cell(string c) => cells.TryGetValue(c, out var v) ? v.Trim() : "";
            var rowErrors = new List<ImportError>();
            var kind = HonourNames.ParseKind(Cell(KindColumn));
            if (kind is null) rowErrors.Add(new(number, KindColumn, $"未知的荣誉类别“{Cell(KindColumn)}” (unknown kind)"));
            var level = HonourNames.ParseLevel(Cell(LevelColumn));
            if (level is null) rowErrors.Add(new(number, LevelColumn, $"级别“{Cell(LevelColumn)}”应为国家级、省级或市级 (level must be national, provincial or municipal)"));
            if (!int.TryParse(Cell(YearColumn), out var year)) rowErrors.Add(new(number, YearColumn, $"年度“{Cell(YearColumn)}”不是整数 (year must be a whole number)"));
            else if (EnterpriseRules.Year(year, currentYear) is { } bad) rowErrors.Add(new(number, YearColumn, bad));
            var document = Cell(DocumentColumn);
            if (document.Length > 100) rowErrors.Add(new(number, DocumentColumn, "不能超过100字 (at most 100 characters)"));
            var uscc = Cell(UsccColumn).Length > 0 ? EnterpriseRules.NormaliseUscc(Cell(UsccColumn)) : null;
            var holder = Cell(HolderColumn) is { Length: > 0 } h ? h : null;
            if (kind is { } k)
            {
                if (HonourNames.Collective(k))
                {
                    if (holder is null) rowErrors.Add(new(number, HolderColumn, $"{HonourNames.Of(k)}须填写获评园区或集群 (name the park or cluster)"));
                    else if (holder.Length > 200) rowErrors.Add(new(number, HolderColumn, "不能超过200字 (at most 200 characters)"));
                    if (Cell(CodeColumn).Length == 0) rowErrors.Add(new(number, CodeColumn, "须填写所属辖区代码 (jurisdiction code required)"));
                    if (!user.Can(Permission.ManageEvaluation)) rowErrors.Add(new(number, KindColumn, "园区、集群的荣誉由协调办登记 (the office records a park's or cluster's honour)"));
                }
                else if (uscc is null) rowErrors.Add(new(number, UsccColumn, $"{HonourNames.Of(k)}须填写企业统一社会信用代码 (the enterprise's USCC is required)"));
            }
            if (rowErrors.Count > 0) errors.AddRange(rowErrors);
            else parsed.Add(new(number, kind!.Value, level!.Value, year, document.Length == 0 ? null : document, uscc, holder, Cell(CodeColumn)));
        }
        var codes = parsed.Where(p => HonourNames.Collective(p.Kind)).Select(p => p.Code).Distinct().ToList();
        var places = await db.Jurisdictions.AsNoTracking().Where(j => codes.Contains(j.Code)).ToDictionaryAsync(j => j.Code, ct);
        var usccs = parsed.Where(p => !HonourNames.Collective(p.Kind)).Select(p => p.Uscc!).Distinct().ToList();
        var firms = new Dictionary<string, Enterprise>();
        foreach (var chunk in usccs.Chunk(1000))
            foreach (var e in await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.Uscc)).ToListAsync(ct))
                firms[e.Uscc] = e;
        var seen = new Dictionary<string, int>();
        foreach (var p in parsed.ToList())
        {
            string? error = null;
            string column = UsccColumn;
            if (HonourNames.Collective(p.Kind))
            {
                column = CodeColumn;
                if (!places.ContainsKey(p.Code!)) error = $"辖区代码“{p.Code}”不存在或不在本账号管辖范围内 (jurisdiction not found in your scope)";
            }
            else if (!firms.ContainsKey(p.Uscc!)) error = "企业未登记或不在本账号管辖范围内，请先导入企业名录 (enterprise not registered in your scope)";
            var key = $"{p.Uscc ?? p.Code + "|" + p.Holder}|{p.Kind}|{p.Level}|{p.Year}";
            if (error is null && seen.TryGetValue(key, out var first)) (error, column) = ($"与第{first}行是同一荣誉 (duplicate of row {first})", KindColumn);
            else seen.TryAdd(key, p.Row);
            if (error is null) continue;
            errors.Add(new(p.Row, column, error));
            parsed.Remove(p);
        }
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        if (total == 0) return ImportReport.Refused([new ImportError(2, "", "文件中没有数据行 (no data rows)")]);
        if (errors.Count > 0 && mode == ImportMode.AllOrNothing) return ImportReport.Refused(errors, total);

        int inserted = 0, updated = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in parsed)
        {
            var firm = p.Uscc is { } u && !HonourNames.Collective(p.Kind) ? firms[u] : null;
            var place = firm is null ? places[p.Code!] : null;
            var stored = firm is not null
                ? await db.EnterpriseHonours.FirstOrDefaultAsync(h => h.EnterpriseId == firm.Id && h.Kind == p.Kind && h.Level == p.Level && h.Year == p.Year, ct)
                : await db.EnterpriseHonours.FirstOrDefaultAsync(h => h.EnterpriseId == null && h.JurisdictionId == place!.Id && h.HolderName == p.Holder
                                                                       && h.Kind == p.Kind && h.Level == p.Level && h.Year == p.Year, ct);
            if (stored is null)
            {
                db.EnterpriseHonours.Add(new EnterpriseHonour
                {
                    JurisdictionId = firm?.JurisdictionId ?? place!.Id, EnterpriseId = firm?.Id, HolderName = firm is null ? p.Holder : null,
                    Kind = p.Kind, Level = p.Level, Year = p.Year, DocumentNumber = p.DocumentNumber,
                });
                inserted++;
            }
            else
            {
                stored.DocumentNumber = p.DocumentNumber ?? stored.DocumentNumber;
                updated++;
            }
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return new ImportReport(total, inserted, updated, true, errors);
    }
}
