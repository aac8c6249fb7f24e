using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// The office keeps the holiday calendar on screen: a day off (休) or a weekend worked (班) for a jurisdiction, and a
/// year's notice — its title, 国办发明电 number and date, and optionally its text, whose items become the year's days.
/// Each is kept at a jurisdiction the caller sees and applies there and below. A bad field is refused at the field, a
/// place the caller cannot see is a 404 on <c>jurisdictionId</c>; nothing is half-written, and the audit trail
/// records every change. What was stored from the old calendar (working-day stage deadlines) is counted again in the
/// same transaction (<see cref="ICalendarDependent"/>).
/// </summary>
public sealed class SaveHolidays(AppDb dbs, CurrentUser user, TimeProvider clock, IEnumerable<ICalendarDependent> dependents)
{
    /// <param name="IsWorkingDay">true: a weekend worked (班, 调休上班); false: a day off (休).</param>
    public sealed record DayRequest(Guid JurisdictionId, DateOnly? Date, bool IsWorkingDay, string? Name);

    /// <param name="Text">The notice as published (optional): its items set the year's days at the jurisdiction.</param>
    public sealed record NoticeRequest(Guid JurisdictionId, int Year, string? Title, string? DocumentNumber, DateOnly? IssuedOn, string? Text);

    /// <summary>The years a calendar may be kept for.</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    /// <summary>Sets a day of the jurisdiction's calendar (the day kept there already is changed).</summary>
    public async Task<HolidayView> Day(DayRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageHolidays);
        var errors = new Dictionary<string, string[]>();
        if (r.Date is not { } date) errors["date"] = ["请填写日期 (date is required)"];
        else if (date.Year is < FirstYear or > LastYear) errors["date"] = [$"日期应在{FirstYear}至{LastYear}年之间 (date out of range)"];
        else if (r.IsWorkingDay && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            errors["isWorkingDay"] = [$"{date:yyyy-MM-dd}是{HolidayNoticeText.Weekday(date)}，本就是工作日；“班”只用于调休上班的周六、周日 (only a weekend day can be a make-up working day)"];
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = ["请填写名称，如“国庆节”或“国庆节调休上班” (name is required)"];
        else if (name.Length > 100) errors["name"] = ["名称不超过100字 (at most 100 characters)"];
        if (errors.Count > 0) throw new ValidationException(errors);

        await using var db = dbs.Open();
        var place = await PlaceAsync(db, r.JurisdictionId, ct);
        var entry = await db.Set<HolidayEntry>().FirstOrDefaultAsync(h => h.JurisdictionId == r.JurisdictionId && h.Date == r.Date, ct);
        if (entry is null) entry = db.Set<HolidayEntry>().Add(new HolidayEntry { JurisdictionId = r.JurisdictionId, Date = r.Date!.Value }).Entity;
        (entry.IsWorkingDay, entry.Name) = (r.IsWorkingDay, name);
        await CalendarChange.SaveAsync(db, dependents, [place], ct);
        return new HolidayView(entry.Id, entry.Date, entry.IsWorkingDay, entry.Name, entry.JurisdictionPath);
    }

    /// <summary>Removes a day kept in the caller's subtree (an ancestor's day is not the caller's to remove: 404).</summary>
    public async Task DeleteDay(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ManageHolidays);
        await using var db = dbs.Open();
        var entry = await db.Set<HolidayEntry>().FirstOrDefaultAsync(h => h.Id == id, ct)
                    ?? throw new NotFoundException("holiday", "该日期不存在或不属于本辖区 (day not found)");
        db.Remove(entry);
        await CalendarChange.SaveAsync(db, dependents, [entry.JurisdictionPath], ct);
    }

    /// <summary>
    /// Records the year's notice at the jurisdiction (the year then counts as having a calendar there and below). With
    /// its text, the notice's items replace the jurisdiction's days of that year; a text that does not read is refused
    /// at <c>text</c>, naming the item.
    /// </summary>
    public async Task<HolidayNoticeView> Notice(NoticeRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageHolidays);
        var errors = new Dictionary<string, string[]>();
        var today = BusinessDate.Today(clock);
        if (r.Year is < FirstYear or > LastYear) errors["year"] = [$"年度应在{FirstYear}至{LastYear}之间 (year out of range)"];
        HolidayArrangement? arrangement = null;
        if (!string.IsNullOrWhiteSpace(r.Text) && errors.Count == 0)
        {
            var (parsed, problems) = HolidayNoticeText.Parse(r.Text, r.Year);
            if (problems.Count > 0) errors["text"] = problems.Select(p => p.Where is "title" or "text" ? p.Message : $"{p.Where}：{p.Message}").ToArray();
            arrangement = parsed;
        }
        var title = (string.IsNullOrWhiteSpace(r.Title) ? arrangement?.Title ?? $"国务院办公厅关于{r.Year}年部分节假日安排的通知" : r.Title).Trim();
        var number = (string.IsNullOrWhiteSpace(r.DocumentNumber) ? arrangement?.DocumentNumber : r.DocumentNumber)?.Trim();
        var issuedOn = r.IssuedOn ?? arrangement?.IssuedOn;
        if (title.Length > 200) errors["title"] = ["标题不超过200字 (at most 200 characters)"];
        if (number?.Length > 100) errors["documentNumber"] = ["文号不超过100字 (at most 100 characters)"];
        if (issuedOn is { } on && on > today) errors["issuedOn"] = [$"发布日期{on:yyyy-MM-dd}晚于今天 (a date in the future)"];
        else if (issuedOn is { } o && o.Year > r.Year) errors["issuedOn"] = [$"发布日期{o:yyyy-MM-dd}晚于所安排的{r.Year}年 (issued after the year it arranges)"];
        if (errors.Count > 0) throw new ValidationException(errors);

        await using var db = dbs.Open();
        var place = await PlaceAsync(db, r.JurisdictionId, ct);
        var notice = await db.Set<HolidayNotice>().FirstOrDefaultAsync(n => n.JurisdictionId == r.JurisdictionId && n.Year == r.Year, ct)
                     ?? db.Set<HolidayNotice>().Add(new HolidayNotice { JurisdictionId = r.JurisdictionId, Year = r.Year }).Entity;
        (notice.Title, notice.DocumentNumber, notice.IssuedOn) = (title, string.IsNullOrEmpty(number) ? null : number, issuedOn);
        if (arrangement is not null) await HolidayNoticeLoader.ReplaceDaysAsync(db, r.JurisdictionId, arrangement, ct);
        await CalendarChange.SaveAsync(db, dependents, [place], ct);
        var names = await db.JurisdictionNamesAsync([r.JurisdictionId], ct);
        return ReadHolidayNotices.View(notice, names.GetValueOrDefault(r.JurisdictionId, ""));
    }

    /// <summary>Withdraws a year's notice kept in the caller's subtree, and the days it kept there for that year.</summary>
    public async Task DeleteNotice(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ManageHolidays);
        await using var db = dbs.Open();
        var notice = await db.Set<HolidayNotice>().FirstOrDefaultAsync(n => n.Id == id, ct)
                     ?? throw new NotFoundException("notice", "该年度通知不存在或不属于本辖区 (notice not found)");
        var (first, last) = (new DateOnly(notice.Year, 1, 1), new DateOnly(notice.Year, 12, 31));
        db.RemoveRange(await db.Set<HolidayEntry>().Where(h => h.JurisdictionId == notice.JurisdictionId && h.Date >= first && h.Date <= last).ToListAsync(ct));
        db.Remove(notice);
        await CalendarChange.SaveAsync(db, dependents, [notice.JurisdictionPath], ct);
    }

    /// <summary>The path of a jurisdiction the caller sees; 404 on <c>jurisdictionId</c> otherwise.</summary>
    internal static async Task<string> PlaceAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Jurisdictions.Where(j => j.Id == id).Select(j => j.JurisdictionPath).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("jurisdictionId", "所属辖区不存在 (jurisdictionId: jurisdiction not found)");
}
