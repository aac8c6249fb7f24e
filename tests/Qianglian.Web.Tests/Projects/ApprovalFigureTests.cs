using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Modules.Evaluation;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Projects;

/// <summary>
/// 安康 九's 主要手续办结率 on both databases: a county of 安康 (审批测试县) with the same yearly target as the city, and its
/// city-key projects' main approvals — the rate of a year counts those completed by 30 June of that year. And an
/// approval running long where no time limit is set is never marked over it.
/// </summary>
public abstract class ApprovalFigureTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private const int Year = 2025;

    private async Task<Guid> CountyAsync()
    {
        await using var db = host.OpenSystem();
        if (await db.Jurisdictions.FirstOrDefaultAsync(j => j.Code == "610998") is { } existing) return existing.Id;
        var city = await db.Jurisdictions.SingleAsync(j => j.Code == "610900");
        var county = Jurisdiction.Create("610998", "审批测试县", JurisdictionLevel.County, city);
        db.Jurisdictions.Add(county);
        await db.SaveChangesAsync();
        var cityTarget = await db.Targets.AsNoTracking().SingleAsync(t => t.Key == "ankang.key_approvals_completion_q2");
        db.Targets.Add(new Target
        {
            JurisdictionId = county.Id, Key = "test.key_approvals", Name = "审批测试县主要手续办结率", Metric = cityTarget.Metric, Yearly = true, FromYear = 2024,
            Comparison = ">=", Value = 100, UnitOfMeasure = "%", Scope = "jurisdiction", Source = cityTarget.Source,
        });

        Project Key(string name, string listed, ProjectFlags flags = ProjectFlags.CityKey, string? completed = null)
        {
            var p = new Project
            {
                JurisdictionId = county.Id, Name = name, ListedOn = DateOnly.Parse(listed), Flags = flags, Stage = completed is null ? ProjectStage.Reserve : ProjectStage.Completed,
                ActualCompletion = completed is null ? null : DateOnly.Parse(completed), TotalInvestment = 100_000_000m,
            };
            db.Add(p);
            return p;
        }
        void Approval(Project p, ApprovalKind kind, string? approved, ApprovalStatus status = ApprovalStatus.Approved) =>
            db.Add(new ProjectApproval
            {
                Kind = kind, Status = status, SubmittedOn = status == ApprovalStatus.NotRequired ? null : new DateOnly(2024, 12, 2),
                ApprovedOn = approved is null ? null : DateOnly.Parse(approved),
            }.For<ProjectApproval>(p));

        // 甲: 规划 and 用地 by 30 June 2025, 环评 on 1 July (late for 2025), 能评 not needed → 2 of 3 by the deadline.
        var jia = Key("审批测试甲项目", "2025-01-10");
        Approval(jia, ApprovalKind.Planning, "2025-03-01");
        Approval(jia, ApprovalKind.Land, "2025-06-30");
        Approval(jia, ApprovalKind.Environment, "2025-07-01");
        Approval(jia, ApprovalKind.Energy, null, ApprovalStatus.NotRequired);
        // 乙: 规划 in progress, nothing else recorded → 0 of 4.
        Approval(Key("审批测试乙项目", "2025-02-01"), ApprovalKind.Planning, null, ApprovalStatus.InProgress);
        // Not counted: a project listed after 30 June, one completed before the year, one that is not city-key.
        Key("审批测试丙项目（下半年入库）", "2025-08-01");
        Approval(Key("审批测试丁项目（往年竣工）", "2023-01-05", completed: "2023-12-20"), ApprovalKind.Planning, "2023-03-01");
        Key("审批测试戊项目（非市重点）", "2025-01-10", ProjectFlags.None);
        await db.SaveChangesAsync();
        return county.Id;
    }

    [Fact]
    public async Task The_key_approvals_rate_counts_the_main_approvals_completed_by_30_June_of_the_year()
    {
        await CountyAsync();
        var admin = await host.ClientFor("admin");
        var onProjects = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/targets?year={Year}")).EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "审批测试县主要手续办结率");
        // Required: 甲 3 (能评 not needed) + 乙 4 = 7; done by 2025-06-30: 甲's 规划 and 用地 = 2 → 28.6%.
        Assert.Equal(28.6m, onProjects.GetProperty("actual").GetDecimal());
        Assert.False(onProjects.GetProperty("met").GetBoolean());
        var explanation = onProjects.GetProperty("explanation").GetString()!;
        Assert.Contains("市级重点项目2个", explanation);
        Assert.Contains("应办7项，截至2025年6月30日已办结2项", explanation);
        Assert.Contains("审批测试甲项目（环评）", explanation);
        Assert.Contains("审批测试乙项目（规划、用地、环评、能评）", explanation);
        Assert.DoesNotContain("丙项目", explanation);

        // Target tracking shows the same line.
        var tracked = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/targets?year={Year}")).EnumerateArray()
            .Single(t => t.GetProperty("key").GetString() == "test.key_approvals");
        Assert.Equal(28.6m, tracked.GetProperty("actual").GetDecimal());

        // The next year: 甲's 环评 (1 July 2025) was completed by 30 June 2026; 丙 is listed by then and has nothing → 3 of 11.
        var next = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/targets?year={Year + 1}")).EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "审批测试县主要手续办结率");
        Assert.Equal(Math.Round(100m * 3 / 11, 1), next.GetProperty("actual").GetDecimal());

        // A year before any key project: no figure, never 0%.
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/targets?year=2024")).EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "审批测试县主要手续办结率");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("actual").ValueKind);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("met").ValueKind);
    }

    [Fact]
    public async Task An_approval_where_no_time_limit_is_set_is_never_over_it()
    {
        var office = await host.ClientFor("xiqu.office");
        Guid xiqu;
        await using (var db = host.OpenSystem()) xiqu = (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
        var id = await ProjectApi.Create(office, xiqu, new { name = "无时限审批项目", totalInvestment = 10_000_000m, listedOn = "2024-01-02" });
        var open = await office.PutAsJsonAsync($"/api/v1/projects/{id}/approvals", new { kind = "Planning", status = "InProgress", submittedOn = "2024-01-03", version = await ProjectApi.Version(office, id) });
        Assert.True(open.IsSuccessStatusCode, await open.Content.ReadAsStringAsync());
        var figures = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/detail")).GetProperty("approvalFigures");
        Assert.Equal(0, figures.GetProperty("limit").GetInt32());                     // 西区's pack sets no approval time limit
        Assert.True(figures.GetProperty("elapsedWorkingDays").GetInt32() > 70);       // open for years
        Assert.False(figures.GetProperty("overLimit").GetBoolean());
    }
}

public sealed class ApprovalFiguresOnSqlite(SqliteHost host) : ApprovalFigureTests<SqliteHost>(host);
public sealed class ApprovalFiguresOnPostgres(PostgresHost host) : ApprovalFigureTests<PostgresHost>(host);
