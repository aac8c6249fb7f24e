using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Incentives;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Projects;

/// <summary>
/// Working days on the real calendar, on both databases: the State Council's notices shipped for 2024–2026 are every
/// place's calendar (2026 国庆 is not worked, a 调休 Saturday is); a figure that counted a year without a notice says
/// so; the office enters a year's notice, which is audited and moves the deadlines counted on the old calendar; a
/// foreign or bad entry is refused at its field and stores nothing. Own fixture: the tests move the clock.
/// </summary>
public abstract class HolidayCalendarTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture, IClockHost
{
    private readonly IncentiveApi api = new(host);

    /// <summary>Moves the clock on (it starts at 1 June 2026 and only the deadline test moves it: a fake clock never goes back).</summary>
    private void At(int year, int month, int day)
    {
        host.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero)); // 10:00 in Beijing
        api.SignOutAll();
    }

    private static async Task<List<JsonElement>> Days(HttpClient client, int year) =>
        (await Json(await client.GetAsync($"/api/v1/holidays?year={year}"), HttpStatusCode.OK)).EnumerateArray().ToList();

    private static async Task<JsonElement> Year(HttpClient client, int year) =>
        await Json(await client.GetAsync($"/api/v1/holidays/notices?year={year}"), HttpStatusCode.OK);

    private static IEnumerable<string> Dates(IEnumerable<JsonElement> days, bool working) =>
        days.Where(d => d.GetProperty("isWorkingDay").GetBoolean() == working).Select(d => d.GetProperty("date").GetString()!);

    [Fact]
    public async Task Every_place_inherits_the_shipped_notices_and_a_year_without_one_is_flagged()
    {
        foreach (var user in new[] { "xiqu.office", "dazhou.office", "xiqu.enterprise" })
        {
            var client = await api.As(user);
            var days = await Days(client, 2026);
            Assert.All(days, d => Assert.Equal("/100000/", d.GetProperty("jurisdictionPath").GetString()));
            // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
            Assert.Superset(Enumerable.Range(1, 7).Select(d => $"2026-10-{d:00}").ToHashSet(), Dates(days, false).ToHashSet());
            Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"], Dates(days, true));
            Assert.Equal(33, Dates(days, false).Count());
            Assert.Equal((28, 5), (Dates(await Days(client, 2025), false).Count(), Dates(await Days(client, 2025), true).Count()));
            Assert.Equal((28, 8), (Dates(await Days(client, 2024), false).Count(), Dates(await Days(client, 2024), true).Count()));

            var year = await Year(client, 2026);
            Assert.True(year.GetProperty("calendarEntered").GetBoolean());
            var notice = Assert.Single(year.GetProperty("notices").EnumerateArray());
            Assert.Equal(("国务院办公厅关于2026年部分节假日安排的通知", "国办发明电〔2025〕7号", "2025-11-04", true),
                (notice.GetProperty("title").GetString(), notice.GetProperty("documentNumber").GetString(), notice.GetProperty("issuedOn").GetString(),
                    notice.GetProperty("shipped").GetBoolean()));
            Assert.False((await Year(client, 2027)).GetProperty("calendarEntered").GetBoolean());
            Assert.Empty(await Days(client, 2027));
        }
    }

    [Fact]
    public async Task Approval_working_days_skip_2026_national_day_count_a_make_up_saturday_and_name_a_year_without_a_calendar()
    {
        Guid project;
        await using (var db = host.OpenSystem())
        {
            var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
            var p = new Project { JurisdictionId = xiqu.Id, Name = "节假日·审批用时项目", TotalInvestment = 10_000_000m, ListedOn = new DateOnly(2023, 12, 1) };
            db.Projects.Add(p);
            ProjectApproval Approval(ApprovalKind kind, DateOnly submitted, DateOnly approved) =>
                new ProjectApproval { Kind = kind, Status = ApprovalStatus.Approved, SubmittedOn = submitted, ApprovedOn = approved }.For<ProjectApproval>(p);
            db.AddRange(
                // Wed 30 Sep → Fri 9 Oct 2026: 10-01..07 are 国庆; Thu 8 and Fri 9 are the two working days (weekends alone: seven).
                Approval(ApprovalKind.Land, new(2026, 9, 30), new(2026, 10, 9)),
                // Fri 9 Oct → Mon 12 Oct: Saturday 10 October is worked (调休), then Monday: two.
                Approval(ApprovalKind.Planning, new(2026, 10, 9), new(2026, 10, 12)),
                // Wed 27 Dec 2023 → Wed 3 Jan 2024: 2023 has no notice here (counted on weekends), 2024-01-01 is 元旦: four.
                Approval(ApprovalKind.Environment, new(2023, 12, 27), new(2024, 1, 3)));
            await db.SaveChangesAsync();
            project = p.Id;
        }
        var office = await api.As("xiqu.office");
        var detail = await Json(await office.GetAsync($"/api/v1/projects/{project}/detail"), HttpStatusCode.OK);
        JsonElement Row(string kind) => detail.GetProperty("approvals").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == kind);
        static int[] Missing(JsonElement e) => e.GetProperty("calendarMissingYears").EnumerateArray().Select(y => y.GetInt32()).ToArray();
        Assert.Equal(2, Row("Land").GetProperty("elapsedWorkingDays").GetInt32());
        Assert.Empty(Missing(Row("Land")));
        Assert.Equal(2, Row("Planning").GetProperty("elapsedWorkingDays").GetInt32());
        Assert.Equal(4, Row("Environment").GetProperty("elapsedWorkingDays").GetInt32());
        Assert.Equal([2023], Missing(Row("Environment")));
        // The project's approvals run from 2023 to today: the figure names 2023 too.
        Assert.Equal([2023], Missing(detail.GetProperty("approvalFigures")));
    }

    [Fact]
    public async Task A_stage_deadline_follows_the_calendar_and_the_offices_notice_moves_it_and_is_audited()
    {
        // Wed 30 September 2026: intake has 5 working days — 8, 9, 10 (调休 Saturday), 12, 13 October.
        At(2026, 9, 30);
        var early = await Submit("节假日·国庆期间申报项目");
        Assert.Equal("2026-10-13", early.GetProperty("stageDueOn").GetString());
        Assert.Empty(early.GetProperty("calendarMissingYears").EnumerateArray());

        // Mon 28 December 2026: 29, 30, 31 December, then 2027 on weekends alone — Friday 1 January, Monday 4 January.
        At(2026, 12, 28);
        var late = await Submit("节假日·年末申报项目");
        var id = late.GetProperty("id").GetGuid();
        Assert.Equal("2027-01-04", late.GetProperty("stageDueOn").GetString());
        Assert.Equal([2027], late.GetProperty("calendarMissingYears").EnumerateArray().Select(y => y.GetInt32()));
        var jxj = await api.As("xiqu.jxj");
        var listed = (await Json(await jxj.GetAsync("/api/v1/incentives/applications?pageSize=200"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal([2027], listed.GetProperty("calendarMissingYears").EnumerateArray().Select(y => y.GetInt32()));

        // 西区's office enters a 2027 notice (a test text) for 西区: 1 January is off, the deadline moves to Tuesday 5 January.
        var office = await api.As("xiqu.office");
        var enterprise = await api.As("xiqu.enterprise"); // signed in first: a sign-in is itself audited
        long before;
        await using (var db = host.OpenSystem()) before = await db.AuditEntries.LongCountAsync();
        var xiqu = await Place("510403");
        var saved = await Json(await office.PostAsJsonAsync("/api/v1/holidays/notices", new
        {
            jurisdictionId = xiqu, year = 2027, title = "（测试）关于2027年部分节假日安排的通知", documentNumber = "测〔2026〕1号", issuedOn = "2026-11-20",
            text = "一、元旦：1月1日（周五）至3日（周日）放假，共3天。",
        }), HttpStatusCode.OK);
        Assert.False(saved.GetProperty("shipped").GetBoolean());
        var moved = (await Detail(jxj, id)).GetProperty("summary");
        Assert.Equal("2027-01-05", moved.GetProperty("stageDueOn").GetString());
        Assert.Empty(moved.GetProperty("calendarMissingYears").EnumerateArray());
        Assert.Equal("2026-10-13", (await Detail(jxj, early.GetProperty("id").GetGuid())).GetProperty("summary").GetProperty("stageDueOn").GetString());
        Assert.Equal(["2027-01-01", "2027-01-02", "2027-01-03"], Dates(await Days(office, 2027), false));
        Assert.True((await Year(office, 2027)).GetProperty("calendarEntered").GetBoolean());
        // Kept at 西区: 达州 still counts 2027 on weekends alone, and does not see 西区's notice.
        var dazhou = await api.As("dazhou.office");
        var theirs = await Year(dazhou, 2027);
        Assert.False(theirs.GetProperty("calendarEntered").GetBoolean());
        Assert.Empty(theirs.GetProperty("notices").EnumerateArray());

        await using (var db = host.OpenSystem())
        {
            var entries = await db.AuditEntries.Where(a => a.Sequence > before).ToListAsync();
            Assert.Contains(entries, a => a.UserName == "xiqu.office" && a.EntityType == nameof(HolidayNotice) && a.Changes.Contains("测〔2026〕1号"));
            Assert.Equal(3, entries.Count(a => a.UserName == "xiqu.office" && a.EntityType == nameof(HolidayEntry)));
            Assert.Contains(entries, a => a.EntityType == nameof(IncentiveApplication) && a.EntityKey == id.ToString() && a.Changes.Contains("2027-01-05"));
        }

        // A day entered on screen (a test entry): Monday 4 January off as well — the deadline moves to Wednesday 6 January, and back when it is removed.
        var day = await Json(await office.PostAsJsonAsync("/api/v1/holidays", new { jurisdictionId = xiqu, date = "2027-01-04", isWorkingDay = false, name = "测试假日" }), HttpStatusCode.OK);
        Assert.Equal("2027-01-06", (await Detail(jxj, id)).GetProperty("summary").GetProperty("stageDueOn").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/v1/holidays/{day.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal("2027-01-05", (await Detail(jxj, id)).GetProperty("summary").GetProperty("stageDueOn").GetString());

        // Withdrawn, the notice takes its days with it and 2027 is flagged again.
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/v1/holidays/notices/{saved.GetProperty("id").GetGuid()}")).StatusCode);
        var again = (await Detail(jxj, id)).GetProperty("summary");
        Assert.Equal("2027-01-04", again.GetProperty("stageDueOn").GetString());
        Assert.Equal([2027], again.GetProperty("calendarMissingYears").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Empty(await Days(office, 2027));
    }

    [Fact]
    public async Task A_foreign_or_bad_entry_is_refused_at_its_field_and_stores_nothing()
    {
        var office = await api.As("xiqu.office");
        var (xiqu, dazhou) = (await Place("510403"), await Place("511700"));
        var enterprise = await api.As("xiqu.enterprise"); // signed in first: a sign-in is itself audited
        long before;
        await using (var db = host.OpenSystem()) before = await db.AuditEntries.LongCountAsync();

        var foreign = await office.PostAsJsonAsync("/api/v1/holidays", new { jurisdictionId = dazhou, date = "2027-01-01", isWorkingDay = false, name = "元旦" });
        Assert.Equal("jurisdictionId", (await Json(foreign, HttpStatusCode.NotFound)).GetProperty("field").GetString());
        var foreignNotice = await office.PostAsJsonAsync("/api/v1/holidays/notices", new { jurisdictionId = dazhou, year = 2027 });
        Assert.Equal("jurisdictionId", (await Json(foreignNotice, HttpStatusCode.NotFound)).GetProperty("field").GetString());
        // Wednesday 6 January 2027 is a working day already: 班 is for a weekend worked.
        Assert.Contains("周三", await Error(await office.PostAsJsonAsync("/api/v1/holidays",
            new { jurisdictionId = xiqu, date = "2027-01-06", isWorkingDay = true, name = "调休上班" }), HttpStatusCode.BadRequest, "isWorkingDay"));
        Assert.Contains("名称", await Error(await office.PostAsJsonAsync("/api/v1/holidays",
            new { jurisdictionId = xiqu, date = "2027-01-01", isWorkingDay = false, name = " " }), HttpStatusCode.BadRequest, "name"));
        Assert.Contains("日期", await Error(await office.PostAsJsonAsync("/api/v1/holidays",
            new { jurisdictionId = xiqu, isWorkingDay = false, name = "元旦" }), HttpStatusCode.BadRequest, "date"));
        // 1 January 2027 is a Friday: the text says Thursday.
        Assert.Contains("实为周五", await Error(await office.PostAsJsonAsync("/api/v1/holidays/notices",
            new { jurisdictionId = xiqu, year = 2027, text = "一、元旦：1月1日（周四）放假。" }), HttpStatusCode.BadRequest, "text"));
        Assert.Contains("晚于今天", await Error(await office.PostAsJsonAsync("/api/v1/holidays/notices",
            new { jurisdictionId = xiqu, year = 2027, issuedOn = "2027-01-01" }), HttpStatusCode.BadRequest, "issuedOn"));
        Assert.Contains("年度", await Error(await office.PostAsJsonAsync("/api/v1/holidays/notices",
            new { jurisdictionId = xiqu, year = 1999 }), HttpStatusCode.BadRequest, "year"));
        // A workbook with a weekday marked 班 is refused row by row.
        var workbook = Web.Shared.Excel.Workbooks.Rows("节假日", [new Dictionary<string, object?> { ["日期"] = "2027-01-06", ["类型"] = "班", ["名称"] = "调休上班" }]);
        var import = await office.PostAsync($"/api/v1/holidays/import?jurisdictionId={xiqu}",
            new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "holidays.xlsx" } });
        Assert.Contains("周三", (await Json(import, HttpStatusCode.UnprocessableEntity)).GetRawText());

        // The nation's days and notice are not a district's to remove; 西区's are not 达州's; an enterprise keeps none.
        Guid national, nationalNotice;
        await using (var db = host.OpenSystem())
        {
            national = (await db.Set<HolidayEntry>().SingleAsync(h => h.Date == new DateOnly(2026, 10, 1) && h.JurisdictionPath == "/100000/")).Id;
            nationalNotice = (await db.Set<HolidayNotice>().SingleAsync(n => n.Year == 2026 && n.JurisdictionPath == "/100000/")).Id;
        }
        Assert.Equal(HttpStatusCode.NotFound, (await office.DeleteAsync($"/api/v1/holidays/{national}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.DeleteAsync($"/api/v1/holidays/notices/{nationalNotice}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync("/api/v1/holidays",
            new { jurisdictionId = xiqu, date = "2027-01-01", isWorkingDay = false, name = "元旦" })).StatusCode);
        await using (var db = host.OpenSystem())
        {
            Assert.Equal(before, await db.AuditEntries.LongCountAsync());
            Assert.False(await db.Set<HolidayEntry>().AnyAsync(h => h.Date.Year == 2027));
        }

        var kept = await Json(await office.PostAsJsonAsync("/api/v1/holidays", new { jurisdictionId = xiqu, date = "2027-02-06", isWorkingDay = true, name = "测试调休上班" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("dazhou.office")).DeleteAsync($"/api/v1/holidays/{kept.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/v1/holidays/{kept.GetProperty("id").GetGuid()}")).StatusCode);
    }

    private async Task<Guid> Place(string code)
    {
        await using var db = host.OpenSystem();
        return (await db.Jurisdictions.SingleAsync(j => j.Code == code)).Id;
    }

    /// <summary>A 西区 measure 七 application submitted today; its summary.</summary>
    private async Task<JsonElement> Submit(string projectName)
    {
        var project = await api.Project(projectName, ProjectFlags.ChainLeader, equipmentWan: 2500);
        var enterprise = await api.As("xiqu.enterprise");
        var id = (await Json(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = await api.Measure("xiqu.7"), projectId = project, category = "整体升级改造" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await UploadXiquChecklist(enterprise, id);
        return await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK);
    }
}

public sealed class HolidayCalendarOnSqlite(SqliteIncentiveHost host) : HolidayCalendarTests<SqliteIncentiveHost>(host);
public sealed class HolidayCalendarOnPostgres(PostgresIncentiveHost host) : HolidayCalendarTests<PostgresIncentiveHost>(host);
