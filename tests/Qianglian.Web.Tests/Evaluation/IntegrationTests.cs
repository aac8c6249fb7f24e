using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Projects.ProjectApi;

namespace Qianglian.Web.Tests.Evaluation;

/// <summary>
/// Projects meet supervision on both databases: a monthly report's problems become tickets of the one problem ledger,
/// and the chain chief's desk lists the chain's stuck (red/yellow) projects.
/// </summary>
public abstract class IntegrationTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<(Guid County, Guid Chain, Guid Enterprise)> WorldAsync()
    {
        var ids = await EvaluationWorld.EnsureAsync(host);
        await using var db = host.OpenSystem();
        return (ids.County, ids.Yi, await db.Enterprises.Where(e => e.Name == "测评乙一公司").Select(e => e.Id).SingleAsync());
    }

    private async Task<int> Tickets()
    {
        await using var db = host.OpenSystem();
        return await db.Problems.CountAsync();
    }

    [Fact]
    public async Task A_monthly_report_problem_is_a_ticket_of_the_problem_ledger_and_the_report_reads_its_state()
    {
        var (county, chain, enterprise) = await WorldAsync();
        var office = await host.ClientFor("dazhou.office");
        var project = await Create(office, county, new { name = $"集成测试项目{Guid.NewGuid():N}"[..14], enterpriseId = enterprise, chainId = chain, totalInvestment = 100_000_000m, listedOn = "2025-01-02" });
        await Start(office, project, "2025-01-10", "2025-02-01");
        var before = await Tickets();
        Assert.Equal(HttpStatusCode.Created, (await Report(office, project, 2025, 3, 500, ("Power", "施工用电增容"), ("Land", "临时用地手续"))).StatusCode);
        Assert.Equal(before + 2, await Tickets());

        var report = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/detail")).GetProperty("reports")[0];
        var power = report.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("category").GetString() == "Power");
        var ticket = await office.GetFromJsonAsync<JsonElement>($"/api/v1/problems/{power.GetProperty("id").GetGuid()}");
        var row = ticket.GetProperty("row");
        Assert.Equal(("ProjectMonthlyReport", "施工用电增容", enterprise, chain), (row.GetProperty("source").GetString(), ticket.GetProperty("description").GetString(),
            row.GetProperty("enterpriseId").GetGuid(), row.GetProperty("chainId").GetGuid()));
        Assert.Contains("2025年3月调度", row.GetProperty("title").GetString());

        // The ledger closes it; the report and the dispatch read the ticket's state, there is no second status to keep.
        await using (var db = host.OpenSystem())
        {
            var stored = await db.Problems.SingleAsync(p => p.Id == power.GetProperty("id").GetGuid());
            (stored.Status, stored.Resolution) = (Core.Supervision.ProblemStatus.Closed, "已增容");
            await db.SaveChangesAsync();
        }
        var again = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/detail")).GetProperty("reports")[0].GetProperty("problems")
            .EnumerateArray().Single(p => p.GetProperty("category").GetString() == "Power");
        Assert.Equal(("Closed", "已增容"), (again.GetProperty("status").GetString(), again.GetProperty("resolution").GetString()));
        var dispatch = await office.GetFromJsonAsync<JsonElement>("/api/v1/projects/dispatch?year=2025&month=4");
        var mine = dispatch.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("projectId").GetGuid() == project).ToList();
        Assert.Equal(["Land"], mine.Select(p => p.GetProperty("category").GetString()));   // the closed one from an earlier month drops off
    }

    [Fact]
    public async Task A_problem_of_a_project_without_an_enterprise_is_refused_and_nothing_is_stored()
    {
        var (county, chain, enterprise) = await WorldAsync();
        var office = await host.ClientFor("dazhou.office");
        var project = await Create(office, county, new { name = $"无企业项目{Guid.NewGuid():N}"[..13], enterpriseId = enterprise, chainId = chain, totalInvestment = 100_000_000m, listedOn = "2025-01-02" });
        await Start(office, project, "2025-01-10", "2025-02-01");
        await using (var db = host.OpenSystem())   // signing needs an enterprise; a project can lose it afterwards (or come in by import without one)
        {
            var stored = await db.Projects.SingleAsync(p => p.Id == project);
            stored.EnterpriseId = null;
            await db.SaveChangesAsync();
        }
        var before = await Tickets();
        Assert.Contains("项目未关联企业", await Error(await Report(office, project, 2025, 3, 500, ("Power", "施工用电增容")), "problems"));
        Assert.Equal(before, await Tickets());
        Assert.Equal(0, (await office.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/detail")).GetProperty("reports").GetArrayLength());
    }

    [Fact]
    public async Task The_chain_chief_desk_lists_the_chain_s_stuck_projects()
    {
        var (county, chain, enterprise) = await WorldAsync();
        var office = await host.ClientFor("dazhou.office");
        var name = $"签约未开工项目{Guid.NewGuid():N}"[..15];
        var project = await Create(office, county, new { name, enterpriseId = enterprise, chainId = chain, totalInvestment = 100_000_000m, listedOn = "2024-01-02" });
        Assert.Equal(HttpStatusCode.OK, (await Stage(office, project, "Signed", "2024-01-10")).StatusCode);   // years ago: past the red line

        var desk = await office.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/chief-home");
        var stuck = desk.GetProperty("stuckProjects").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == project);
        Assert.Equal((name, "Red"), (stuck.GetProperty("name").GetString(), stuck.GetProperty("light").GetString()));
        Assert.Contains(stuck.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("签约未开工"));
        var other = await office.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{(await EvaluationWorld.EnsureAsync(host)).Jia}/chief-home");
        Assert.DoesNotContain(other.GetProperty("stuckProjects").EnumerateArray(), p => p.GetProperty("id").GetGuid() == project);
    }
}

public sealed class IntegrationOnSqlite(SqliteHost host) : IntegrationTests<SqliteHost>(host);
public sealed class IntegrationOnPostgres(PostgresHost host) : IntegrationTests<PostgresHost>(host);
