using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Projects.ProjectApi;

namespace Qianglian.Web.Tests.Projects;

/// <summary>
/// The June 2025 bulletin of 达州 against figures computed by hand. Four projects are listed by the end of June
/// (a fifth only in July); 甲 is shared 70/30 between 通川区 and 达川区. Time progress is 6/12 = 50%; with the default
/// margin of 10 points a project lags below 40% of its annual plan.
///   甲 (通川区 70% / 达川区 30%, 链): plan 10000万, Feb–Jun 1000+1000+500+500+500 = 3500万 → 35% (lags)
///   乙 (达川区, 链): plan 5000万, Mar–May 1000 each = 3000万 → 60%; no June report (unreported)
///   丙 (通川区, no chain): plan 2000万, Feb–May 450 each = 1800万 → 90%; completed 2025-05-31
///   丁 (达川区): reserve, no plan
/// Totals: plan 17000万, done 8300万 → 48.8%.  通川区: 7000+2000 = 9000万 plan, 2450+1800 = 4250万 done → 47.2%.
/// 达川区: 3000+5000 = 8000万 plan, 1050+3000 = 4050万 done → 50.6%.  Chain: 15000 plan, 6500 done → 43.3%; 未归链 90.0%.
/// </summary>
public abstract class BulletinTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task The_bulletin_figures_match_the_hand_computed_ones_and_the_docx_says_them()
    {
        Guid dazhou, tongchuan, dachuan, enterprise;
        await using (var db = host.OpenSystem())
        {
            var city = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
            // 达州's counties come with its pack.
            var a = await db.Jurisdictions.SingleAsync(j => j.Code == "511702");
            var b = await db.Jurisdictions.SingleAsync(j => j.Code == "511703");
            (dazhou, tongchuan, dachuan) = (city.Id, a.Id, b.Id);
            enterprise = (await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91511700MA6DEM004"))).Id;
        }
        var office = await host.ClientFor("dazhou.office");
        var chain = (await (await office.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = dazhou, name = "达州通报测试链" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        object Fields(string name, decimal totalWan, decimal planWan, Guid? chainId, string listed = "2025-01-02", object? shares = null) => new
        {
            name, enterpriseId = enterprise, chainId, totalInvestment = totalWan * 10_000m, listedOn = listed, shares,
            plans = planWan > 0 ? new[] { new { year = 2025, plannedInvestment = planWan * 10_000m } } : [],
        };
        var jia = await Create(office, tongchuan, Fields("达州甲项目", 20000, 10000, chain, shares: new[]
        {
            new { localityId = tongchuan, investmentPercent = 70m, outputPercent = 70m }, new { localityId = dachuan, investmentPercent = 30m, outputPercent = 30m },
        }));
        var yi = await Create(office, dachuan, Fields("达州乙项目", 10000, 5000, chain));
        var bing = await Create(office, tongchuan, Fields("达州丙项目", 5000, 2000, null));
        await Create(office, dachuan, Fields("达州丁项目", 3000, 0, null));
        await Create(office, dachuan, Fields("达州戊项目", 3000, 0, null, listed: "2025-07-10"));

        await Start(office, jia, "2025-01-10", "2025-02-01");
        await Start(office, yi, "2025-01-15", "2025-03-01");
        await Start(office, bing, "2025-01-20", "2025-02-10");
        await FileReports(office, jia, 2025, (2, 1000), (3, 1000), (4, 500), (5, 500));
        Assert.Equal(HttpStatusCode.Created, (await Report(office, jia, 2025, 6, 500, ("Land", "用地报批滞后"))).StatusCode);
        await FileReports(office, yi, 2025, (3, 1000), (5, 1000));
        Assert.Equal(HttpStatusCode.Created, (await Report(office, yi, 2025, 4, 1000, ("Finance", "贷款审批中"))).StatusCode);
        await FileReports(office, bing, 2025, (2, 450), (3, 450), (4, 450));
        Assert.Equal(HttpStatusCode.Created, (await Report(office, bing, 2025, 5, 450, ("Power", "电力增容"))).StatusCode);
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{bing}/detail");
        var power = detail.GetProperty("reports")[0].GetProperty("problems")[0];
        await using (var db = host.OpenSystem())
        {
            // The problem is a ticket of the supervision ledger; the ledger closed it (its workflow is tested there).
            var ticket = await db.Problems.SingleAsync(p => p.Id == power.GetProperty("id").GetGuid());
            (ticket.Status, ticket.Resolution) = (Core.Supervision.ProblemStatus.Closed, "供电公司已增容");
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await Stage(office, bing, "Completed", "2025-05-31")).StatusCode);

        var f = await office.GetFromJsonAsync<JsonElement>("/api/v1/projects/bulletin?year=2025&month=6");
        Assert.Equal(0.5m, f.GetProperty("timeProgress").GetDecimal());
        Assert.Equal(4, f.GetProperty("listed").GetInt32());
        Assert.Equal([1, 0, 2, 1, 0, 0], f.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("count").GetInt32()));
        static (int, decimal, decimal) Row(JsonElement r) => (r.GetProperty("projects").GetInt32(), r.GetProperty("plan").GetDecimal(), r.GetProperty("completed").GetDecimal());
        Assert.Equal((3, 170_000_000m, 83_000_000m), Row(f.GetProperty("total")));
        var byLocality = f.GetProperty("byLocality").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal((2, 90_000_000m, 42_500_000m), Row(byLocality["通川区"]));
        Assert.Equal((2, 80_000_000m, 40_500_000m), Row(byLocality["达川区"]));
        var byChain = f.GetProperty("byChain").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal((2, 150_000_000m, 65_000_000m), Row(byChain["达州通报测试链"]));
        Assert.Equal((1, 20_000_000m, 18_000_000m), Row(byChain["未归链"]));
        Assert.Equal(["达州甲项目"], f.GetProperty("laggards").EnumerateArray().Select(l => l.GetProperty("project").GetString()));
        Assert.Equal(0.35m, f.GetProperty("laggards")[0].GetProperty("rate").GetDecimal());
        Assert.Equal(["达州乙项目"], f.GetProperty("unreported").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["贷款审批中", "用地报批滞后"], f.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("description").GetString()));

        var docx = await office.GetAsync("/api/v1/projects/bulletin.docx?year=2025&month=6");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        foreach (var expected in new[]
                 {
                     "达州市重点项目2025年6月调度通报", "截至2025年6月底，库内项目4个，其中谋划储备1个，签约0个，开工2个，竣工投产1个，达产增效0个；终止/退出0个。",
                     "年度计划投资17,000.00万元，1—6月累计完成投资8,300.00万元，完成年度计划的48.8%，时序进度50.0%",
                     "通川区29,000.004,250.0047.2%", "达川区28,000.004,050.0050.6%", "达州通报测试链215,000.006,500.0043.3%", "未归链12,000.001,800.0090.0%",
                     "达州甲项目10,000.003,500.0035.0%", "以下1个项目未按时报送调度信息：达州乙项目。", "贷款审批中", "用地报批滞后",
                 })
            Assert.Contains(expected, text);
        Assert.DoesNotContain("电力增容", text);
        Assert.DoesNotContain("达州戊项目", text);

        // Only the coordination office (and those above) issue bulletins.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.ClientFor("dazhou.lead")).GetAsync("/api/v1/projects/bulletin?year=2025&month=6")).StatusCode);
    }
}

public sealed class BulletinOnSqlite(SqliteHost host) : BulletinTests<SqliteHost>(host);
public sealed class BulletinOnPostgres(PostgresHost host) : BulletinTests<PostgresHost>(host);
