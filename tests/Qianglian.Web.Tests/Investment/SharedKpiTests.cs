using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Projects;

namespace Qianglian.Web.Tests.Investment;

/// <summary>
/// The attraction KPIs of a county count a neighbour's introduced project at the share credited to it — its funds in
/// place too, read through the door for shared projects — and tell the county only what a share needs; the owner's
/// KPIs keep the rest. On both databases.
/// </summary>
public abstract class SharedKpiTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task A_neighbours_introduced_project_counts_in_a_countys_kpis_at_its_share_with_its_funds()
    {
        var xiqu = await InvestmentWorld.Jurisdiction(host, "510403");
        var dongqu = await InvestmentWorld.Dongqu(host);
        Guid chain, enterprise;
        await using (var db = host.OpenSystem())
        {
            var named = new Modules.Chains.Chain { JurisdictionId = xiqu, Name = "指标分成协同链", CollaboratingJurisdictionIds = [dongqu] };
            db.Chains.Add(named);
            await db.SaveChangesAsync();
            chain = named.Id;
            enterprise = await db.Enterprises.Where(e => e.JurisdictionId == xiqu).Select(e => e.Id).FirstAsync();
        }
        var office = await host.ClientFor("xiqu.office");
        var year = BusinessDate.Today(TimeProvider.System).Year - 1;
        var project = await ProjectApi.Create(office, xiqu, new
        {
            name = "钒钛引进分成项目", enterpriseId = enterprise, chainId = chain, flags = "Introduced", industryCode = "3130", totalInvestment = 200_000_000m,
            listedOn = $"{year}-01-05",
            shares = new[] { new { localityId = xiqu, investmentPercent = 60m, outputPercent = 60m }, new { localityId = dongqu, investmentPercent = 40m, outputPercent = 40m } },
        });
        Assert.Equal(HttpStatusCode.OK, (await ProjectApi.Stage(office, project, "Signed", $"{year}-02-01")).StatusCode);
        var funds = await office.PostAsJsonAsync("/api/v1/investment/funds", new { projectId = project, year, month = 3, amount = 50_000_000m });
        Assert.True(funds.StatusCode == HttpStatusCode.OK, await funds.Content.ReadAsStringAsync());

        var neighbour = await InvestmentWorld.UserIn(host, "kpi.dq.operator", dongqu, Roles.LocalOperator);
        var theirs = await neighbour.GetFromJsonAsync<JsonElement>($"/api/v1/investment/kpis?year={year}");
        var figures = theirs.GetProperty("figures");
        Assert.Equal(20_000_000m, figures.GetProperty("fundsThisYear").GetDecimal());   // 40% of 5000万
        var row = Assert.Single(figures.GetProperty("projects").EnumerateArray());
        Assert.Equal((project, "西区", false, 80_000_000m), (row.GetProperty("projectId").GetGuid(), row.GetProperty("owner").GetString(), row.GetProperty("own").GetBoolean(),
            row.GetProperty("creditedInvestment").GetDecimal()));
        Assert.False(row.TryGetProperty("enterpriseId", out _));

        Assert.Equal(20_000_000m, row.GetProperty("fundsThisYear").GetDecimal());
        var own = await office.GetFromJsonAsync<JsonElement>($"/api/v1/investment/kpis?year={year}");
        var ownRow = Assert.Single(own.GetProperty("figures").GetProperty("projects").EnumerateArray(), p => p.GetProperty("projectId").GetGuid() == project);
        Assert.Equal((true, 30_000_000m), (ownRow.GetProperty("own").GetBoolean(), ownRow.GetProperty("fundsThisYear").GetDecimal()));   // 60% of 5000万
    }
}

public sealed class SharedKpiOnSqlite(SqliteHost host) : SharedKpiTests<SqliteHost>(host);
public sealed class SharedKpiOnPostgres(PostgresHost host) : SharedKpiTests<PostgresHost>(host);
