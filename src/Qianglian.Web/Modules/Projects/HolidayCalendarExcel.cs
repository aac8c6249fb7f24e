using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Projects;

public sealed record HolidayView(Guid Id, DateOnly Date, bool IsWorkingDay, string Name, string JurisdictionPath);

/// <summary>
/// The holiday calendar an office keeps for a jurisdiction, loaded from .xlsx (日期, 类型 休/班, 名称): each row adds or
/// updates that day; a file with any bad row changes nothing. Working days are counted on it — in the years whose
/// notice is recorded (<see cref="HolidayNotice"/>; the State Council's are shipped for the nation).
/// </summary>
public sealed class HolidayCalendarExcel(AppDb dbs, CurrentUser user, IEnumerable<ICalendarDependent> dependents)
{
    public const string Date = "日期", Type = "类型", Name = "名称";
    private static readonly string[] Required = [Date, Type];
    private static readonly string[] Optional = [Name];

    /// <summary>
    /// The days that apply in the caller's jurisdiction — its own and its ancestors' entries (usually kept by the
    /// national administrator), through the <see cref="InheritedConfiguration"/> door — and the entries its subtree keeps.
    /// </summary>
    public async Task<IReadOnlyList<HolidayView>> List(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        Expression<Func<HolidayEntry, bool>>? inYear = year is { } y ? h => h.Date >= new DateOnly(y, 1, 1) && h.Date <= new DateOnly(y, 12, 31) : null;
        var inherited = await db.InheritedAsync<HolidayEntry>([db.Scope.Path], ct, inYear);
        var below = await (inYear is null ? db.Set<HolidayEntry>() : db.Set<HolidayEntry>().Where(inYear)).AsNoTracking().ToListAsync(ct);
        return inherited.Concat(below).DistinctBy(h => h.Id).OrderBy(h => h.Date).ThenBy(h => h.JurisdictionPath, StringComparer.Ordinal)
            .Select(h => new HolidayView(h.Id, h.Date, h.IsWorkingDay, h.Name, h.JurisdictionPath)).ToList();
    }

    public byte[] Template() => Workbooks.Template("节假日", [Date, Type, Name],
    [
        (Date, "日期，如 2026-10-01"), (Type, "“休”为法定节假日，“班”为调休上班的周末"), (Name, "节日名称，如 国庆节"),
    ]);

    public async Task<ImportReport> Import(Guid jurisdictionId, Stream file, CancellationToken ct)
    {
        user.Require(Permission.ManageHolidays);
        var sheet = SheetReader.Open(file, Required, Optional);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        var errors = new List<ImportError>();
        var rows = new List<(int Row, DateOnly Date, bool Working, string Name)>();
        foreach (var (number, cells) in sheet.Rows)
        {
            string Cell(string c) => cells.TryGetValue(c, out var v) ? v : "";
            if (!DateOnly.TryParseExact(Cell(Date), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.Add(new(number, Date, $"“{Cell(Date)}”不是日期，应为 2026-10-01 的格式 (not a date)"));
            else if (date.Year is < SaveHolidays.FirstYear or > SaveHolidays.LastYear)
                errors.Add(new(number, Date, $"日期应在{SaveHolidays.FirstYear}至{SaveHolidays.LastYear}年之间 (date out of range)"));
            var type = Cell(Type);
            if (type is not ("休" or "班")) errors.Add(new(number, Type, $"“{type}”应为“休”或“班” (must be 休 or 班)"));
            else if (type == "班" && date != default && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                errors.Add(new(number, Type, $"{date:yyyy-MM-dd}是{Qianglian.Core.Projects.HolidayNoticeText.Weekday(date)}，本就是工作日；“班”只用于调休上班的周六、周日 (only a weekend day can be a make-up working day)"));
            if (rows.Any(r => r.Date == date) && date != default) errors.Add(new(number, Date, $"{date:yyyy-MM-dd}在文件中重复 (duplicate date)"));
            rows.Add((number, date, type == "班", Cell(Name)));
        }
        if (errors.Count > 0) return ImportReport.Refused(errors, rows.Count);
        await using var db = dbs.Open();
        var place = await SaveHolidays.PlaceAsync(db, jurisdictionId, ct);
        var dates = rows.Select(r => r.Date).ToList();
        var stored = await db.Set<HolidayEntry>().Where(h => h.JurisdictionId == jurisdictionId && dates.Contains(h.Date)).ToDictionaryAsync(h => h.Date, ct);
        int inserted = 0, updated = 0;
        foreach (var r in rows)
        {
            if (!stored.TryGetValue(r.Date, out var entry))
            {
                entry = new HolidayEntry { JurisdictionId = jurisdictionId, Date = r.Date };
                db.Add(entry);
                inserted++;
            }
            else updated++;
            (entry.IsWorkingDay, entry.Name) = (r.Working, r.Name);
        }
        await CalendarChange.SaveAsync(db, dependents, [place], ct);
        return new ImportReport(rows.Count, inserted, updated, true, []);
    }
}
