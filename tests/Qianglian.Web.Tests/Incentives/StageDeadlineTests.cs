using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Incentives;

/// <summary>
/// 西区's pack times its approval stages in working days: deadlines skip weekends and the holidays of the calendar
/// (Projects' holiday calendar of the jurisdiction and its ancestors: the nation's shipped notices), and count a 调休
/// Saturday; overdue flags follow the date so computed. Own fixture: the test moves the clock and adds holidays.
/// </summary>
public abstract class StageDeadlineTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture, IClockHost
{
    private readonly IncentiveApi api = new(host);

    [Fact]
    public async Task Working_day_deadlines_skip_weekends_and_the_holiday_calendar_and_flag_overdue_from_the_next_day()
    {
        // 端午节 (19 June 2026) comes from the State Council's 2026 notice the nation loads at start-up.
        await using (var db = host.OpenSystem())
        {
            var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
            db.Add(new HolidayEntry { JurisdictionId = xiqu.Id, Date = new DateOnly(2026, 6, 27), IsWorkingDay = true, Name = "调休上班（测试）" });
            await db.SaveChangesAsync();
        }
        // Monday 15 June 2026, 10:00 in Beijing.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 15, 2, 0, 0, TimeSpan.Zero));
        api.SignOutAll();
        var project = await api.Project("期限·工作日项目", ProjectFlags.ChainLeader, equipmentWan: 2500);
        var enterprise = await api.As("xiqu.enterprise");
        var id = (await Json(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = await api.Measure("xiqu.7"), projectId = project, category = "整体升级改造" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await UploadXiquChecklist(enterprise, id);
        var submitted = await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK);
        // Intake: 5 working days after Monday 15 June — 16, 17, 18, (19 端午, 20–21 weekend), 22, 23.
        Assert.Equal("2026-06-23", submitted.GetProperty("stageDueOn").GetString());
        var intake = (await Detail(enterprise, id)).GetProperty("stages")[0];
        Assert.True(intake.GetProperty("workingDays").GetBoolean());

        // Accepted on Tuesday 23 June: consultation has 10 working days — 24, 25, 26, 27 (调休 Saturday), 29, 30, 1, 2, 3, 6 July.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 23, 2, 0, 0, TimeSpan.Zero));
        api.SignOutAll();
        var accepted = await Transition(await api.As("xiqu.jxj"), id, "Pass", "受理");
        Assert.Equal("2026-07-06", accepted.GetProperty("stageDueOn").GetString());

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 6, 9, 0, 0, TimeSpan.Zero));
        api.SignOutAll();
        Assert.False((await Detail(await api.As("xiqu.jxj"), id)).GetProperty("summary").GetProperty("overdue").GetBoolean());
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 7, 2, 0, 0, TimeSpan.Zero));
        api.SignOutAll();
        var late = (await Detail(await api.As("xiqu.jxj"), id)).GetProperty("summary");
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.Equal(1, late.GetProperty("daysOverdue").GetInt32());
    }
}

public sealed class StageDeadlineOnSqlite(SqliteIncentiveHost host) : StageDeadlineTests<SqliteIncentiveHost>(host);
public sealed class StageDeadlineOnPostgres(PostgresIncentiveHost host) : StageDeadlineTests<PostgresIncentiveHost>(host);
