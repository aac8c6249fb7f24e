using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Projects;

/// <summary>The project record through the API on both databases: validation, references, versions, enterprise scope.</summary>
public abstract class ProjectLibraryTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<(Guid Xiqu, Guid Enterprise)> Xiqu()
    {
        await using var db = host.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
        var enterprise = await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91510403MA6DEM001"));
        return (xiqu.Id, enterprise.Id);
    }

    private static async Task<string> Error(HttpResponseMessage response, string field) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task A_project_is_created_edited_and_seen_by_its_enterprise_only()
    {
        var (xiqu, enterprise) = await Xiqu();
        var office = await host.ClientFor("xiqu.office");
        var created = await office.PostAsJsonAsync("/api/v1/projects", new
        {
            jurisdictionId = xiqu,
            project = new { name = "年产2万吨钛白粉技改项目", enterpriseId = enterprise, kind = "TechRenovation", flags = "ChainLeader, MajorLeading",
                totalInvestment = 300_000_000m, equipmentInvestment = 80_000_000m, newOutputValue = 25_000_000m,
                plannedStart = "2025-03-01", plannedCompletion = "2026-06-30" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var update = await office.PutAsJsonAsync($"/api/v1/projects/{id}", new
        {
            project = new { name = "年产2万吨钛白粉技改项目", enterpriseId = enterprise, flags = "ChainLeader, MajorLeading", totalInvestment = 320_000_000m, equipmentInvestment = 80_000_000m },
            version = 0,
        });
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        var stale = await office.PutAsJsonAsync($"/api/v1/projects/{id}", new { project = new { name = "改名", totalInvestment = 1m }, version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var own = await host.ClientFor("xiqu.enterprise");
        var seen = await own.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        Assert.Equal(320_000_000m, seen.GetProperty("totalInvestment").GetDecimal());
        Assert.Equal("ChainLeader, MajorLeading", seen.GetProperty("flags").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.ClientFor("dazhou.office")).GetAsync($"/api/v1/projects/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_stored()
    {
        var (xiqu, _) = await Xiqu();
        var office = await host.ClientFor("xiqu.office");
        var negative = await office.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = xiqu, project = new { name = "负数项目", totalInvestment = -1m } });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("不能为负数", await Error(negative, "totalInvestment"));

        var equipment = await office.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = xiqu, project = new { name = "设备超总投资", totalInvestment = 100m, equipmentInvestment = 200m } });
        Assert.Contains("不能超过总投资", await Error(equipment, "equipmentInvestment"));

        var nodeWithoutChain = await office.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = xiqu, project = new { name = "无链环节", nodeId = Guid.NewGuid() } });
        Assert.Contains("须先选择产业链", await Error(nodeWithoutChain, "nodeId"));

        await office.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = xiqu, project = new { name = "重名项目" } });
        var duplicate = await office.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = xiqu, project = new { name = "重名项目" } });
        Assert.Contains("已有项目", await Error(duplicate, "name"));

        await using var check = host.OpenSystem();
        Assert.False(await check.Projects.AnyAsync(p => p.Name == "负数项目" || p.Name == "设备超总投资" || p.Name == "无链环节"));
        Assert.Equal(1, await check.Projects.CountAsync(p => p.Name == "重名项目"));
    }
}

public sealed class ProjectLibraryOnSqlite(SqliteHost host) : ProjectLibraryTests<SqliteHost>(host);
public sealed class ProjectLibraryOnPostgres(PostgresHost host) : ProjectLibraryTests<PostgresHost>(host);
