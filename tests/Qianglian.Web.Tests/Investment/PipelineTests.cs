using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Investment;

/// <summary>The lead pipeline through the API on both databases: steps, the 一事一议 package, conversion once; and the 安康 KPIs against hand-computed values.</summary>
public abstract class PipelineTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static async Task<string> Error(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task A_major_lead_signs_only_with_an_approved_package_and_converts_into_a_project_once()
    {
        var office = await host.ClientFor("xiqu.office");
        var operatorClient = await host.ClientFor("xiqu.operator");
        var xiqu = await InvestmentWorld.Jurisdiction(host, "510403");
        Guid chain, node, enterprise;
        await using (var db = host.OpenSystem())
        {
            chain = (await db.Chains.SingleAsync(c => c.Name == DemoChain.Name)).Id;
            node = (await db.ChainNodes.SingleAsync(n => n.ChainId == chain && n.Name == "钛合金材料")).Id;
            enterprise = (await db.Enterprises.SingleAsync(e => e.Name == "演示·西区钒钛新材料有限公司")).Id;
        }
        var today = BusinessDate.Today(TimeProvider.System);
        var opened = today.AddDays(-60).ToString("yyyy-MM-dd");
        var lead = await InvestmentWorld.Id(await operatorClient.PostAsJsonAsync("/api/v1/investment/leads", new
        {
            jurisdictionId = xiqu,
            lead = new { name = "宝钛钛合金棒材项目", investorName = "宝钛集团有限公司", plannedInvestment = 1_500_000_000m, chainId = chain, nodeId = node, purpose = "Extend",
                industryCode = "3259", major = true, taskForce = "钛合金项目招商专班", responsibleLeader = "区长", openedOn = opened },
        }));

        var jump = await InvestmentWorld.Move(operatorClient, lead, "Visit");
        Assert.Contains("不能从“线索”直接进入“考察”", await Error(jump, "to"));
        await InvestmentWorld.MoveOk(operatorClient, lead, "Contact", today.AddDays(-50).ToString("yyyy-MM-dd"));
        var early = await InvestmentWorld.Move(operatorClient, lead, "Visit", today.AddDays(-55).ToString("yyyy-MM-dd"));
        Assert.Contains("早于上一阶段", await Error(early, "on"));
        await InvestmentWorld.MoveOk(operatorClient, lead, "Visit", today.AddDays(-40).ToString("yyyy-MM-dd"));
        await InvestmentWorld.MoveOk(operatorClient, lead, "Negotiation", today.AddDays(-30).ToString("yyyy-MM-dd"));
        Assert.Equal(HttpStatusCode.Created, (await operatorClient.PostAsJsonAsync($"/api/v1/investment/leads/{lead}/follow-ups", new { note = "赴宝鸡总部洽谈用地和电价" })).StatusCode);

        // 签约 without an approved 一事一议 package: refused, nothing changed.
        var before = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/investment/leads/{lead}");
        var unsigned = await InvestmentWorld.Move(operatorClient, lead, "Signed");
        Assert.Contains("一事一议", await Error(unsigned, "deal"));
        var after = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/investment/leads/{lead}");
        Assert.Equal("Negotiation", after.GetProperty("lead").GetProperty("stage").GetString());
        Assert.Equal(before.GetProperty("followUps").GetArrayLength(), after.GetProperty("followUps").GetArrayLength());
        Assert.Equal(before.GetProperty("lead").GetProperty("version").GetInt32(), after.GetProperty("lead").GetProperty("version").GetInt32());

        var draft = await operatorClient.PutAsJsonAsync($"/api/v1/investment/leads/{lead}/deal",
            new { terms = "标准地120亩；到户电价0.45元/千瓦时；设备投资补助5%", estimatedValue = 60_000_000m, submit = true, version = await InvestmentWorld.LeadVersion(operatorClient, lead) });
        Assert.Equal(HttpStatusCode.NoContent, draft.StatusCode);
        Assert.Contains("尚未审定", await Error(await InvestmentWorld.Move(operatorClient, lead, "Signed"), "deal"));
        // The operator may draft but not approve; the coordination office approves.
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync($"/api/v1/investment/leads/{lead}/deal/decision",
            new { approve = true, version = await InvestmentWorld.LeadVersion(operatorClient, lead) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/investment/leads/{lead}/deal/decision",
            new { approve = true, note = "同意", version = await InvestmentWorld.LeadVersion(office, lead) })).StatusCode);
        var signedOn = today.AddDays(-20).ToString("yyyy-MM-dd");
        await InvestmentWorld.MoveOk(operatorClient, lead, "Signed", signedOn);

        var noEnterprise = await operatorClient.PostAsJsonAsync($"/api/v1/investment/leads/{lead}/convert", new { version = await InvestmentWorld.LeadVersion(operatorClient, lead) });
        Assert.Contains("企业", await Error(noEnterprise, "enterpriseId"));
        var converted = await operatorClient.PostAsJsonAsync($"/api/v1/investment/leads/{lead}/convert", new { enterpriseId = enterprise, version = await InvestmentWorld.LeadVersion(operatorClient, lead) });
        var projectId = await InvestmentWorld.Id(converted);
        var project = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}");
        Assert.Equal("宝钛钛合金棒材项目", project.GetProperty("name").GetString());
        Assert.Equal("Signed", project.GetProperty("stage").GetString());
        Assert.Equal(signedOn, project.GetProperty("signedOn").GetString());
        Assert.Equal(1_500_000_000m, project.GetProperty("totalInvestment").GetDecimal());
        Assert.Equal(node, project.GetProperty("nodeId").GetGuid());
        Assert.Equal("3259", project.GetProperty("industryCode").GetString());
        Assert.Equal("钛合金项目招商专班", project.GetProperty("taskForce").GetString());
        Assert.Equal("Extend", project.GetProperty("purpose").GetString());
        Assert.Equal("MajorLeading, Introduced", project.GetProperty("flags").GetString());

        var twice = await operatorClient.PostAsJsonAsync($"/api/v1/investment/leads/{lead}/convert", new { enterpriseId = enterprise, version = await InvestmentWorld.LeadVersion(operatorClient, lead) });
        Assert.Contains("重复转换", await Error(twice, "lead"));
        await using (var db = host.OpenSystem())
            Assert.Equal(1, await db.Projects.CountAsync(p => p.Name == "宝钛钛合金棒材项目"));
        var landed = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/investment/leads/{lead}");
        Assert.Equal("Landed", landed.GetProperty("lead").GetProperty("stage").GetString());
        Assert.Equal(projectId, landed.GetProperty("lead").GetProperty("projectId").GetGuid());
    }

    [Fact]
    public async Task The_ankang_kpis_count_introduced_projects_at_their_shares_against_hand_computed_values()
    {
        var admin = await host.ClientFor("admin");
        var ankang = await InvestmentWorld.Jurisdiction(host, "610900");
        Guid enterprise;
        await using (var db = host.OpenSystem()) enterprise = (await db.Enterprises.SingleAsync(e => e.Name == "演示·安康富硒食品有限公司")).Id;
        var year = BusinessDate.Today(TimeProvider.System).Year - 1;

        // Two leads signed last year: 富硒食品 (C 1491, manufacturing) 7000万, a trade centre (F 5191) 1.3亿.
        async Task<Guid> Signed(string name, string industry, decimal investment)
        {
            var lead = await InvestmentWorld.Id(await admin.PostAsJsonAsync("/api/v1/investment/leads", new
                { jurisdictionId = ankang, lead = new { name, investorName = name + "投资方", plannedInvestment = investment, industryCode = industry, openedOn = $"{year}-01-10" } }));
            foreach (var (stage, month) in new[] { ("Contact", 2), ("Visit", 3), ("Negotiation", 4), ("Signed", 5) })
                await InvestmentWorld.MoveOk(admin, lead, stage, $"{year}-{month:00}-01");
            return await InvestmentWorld.Id(await admin.PostAsJsonAsync($"/api/v1/investment/leads/{lead}/convert", new { enterpriseId = enterprise, version = await InvestmentWorld.LeadVersion(admin, lead) }));
        }
        var food = await Signed("富硒食品精深加工项目", "1491", 70_000_000m);
        await Signed("陕南商贸物流中心", "5191", 130_000_000m);

        async Task Funds(Guid project, int y, int month, decimal wan)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/investment/funds", new { projectId = project, year = y, month, amount = wan * 10_000m });
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        await Funds(food, year, 6, 1000);
        await Funds(food, year + 1, 1, 1150);
        var future = await admin.PostAsJsonAsync("/api/v1/investment/funds", new { projectId = food, year = year + 2, month = 1, amount = 1m });
        Assert.Contains("尚未到来", await Error(future, "month"));
        var tooMuch = await admin.PostAsJsonAsync("/api/v1/investment/funds", new { projectId = food, year, month = 7, amount = 69_000_000m });
        Assert.Contains("超过项目总投资", await Error(tooMuch, "amount"));

        // 7000 ÷ (7000 + 13000) = 35.0%; (1150 − 1000) ÷ 1000 = 15.0% (this year's funds against last year's, for last year's report the year before has none).
        var kpis = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/investment/kpis?year={year}&jurisdictionId={ankang}");
        Assert.Equal(35.0m, kpis.GetProperty("figures").GetProperty("manufacturingShare").GetProperty("value").GetDecimal());
        Assert.Equal(35m, kpis.GetProperty("shareTarget").GetDecimal());
        Assert.Equal(JsonValueKind.Null, kpis.GetProperty("figures").GetProperty("fundsGrowth").GetProperty("value").ValueKind);
        Assert.Equal(2, kpis.GetProperty("figures").GetProperty("projects").GetArrayLength());
        var next = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/investment/kpis?year={year + 1}&jurisdictionId={ankang}");
        Assert.Equal(15.0m, next.GetProperty("figures").GetProperty("fundsGrowth").GetProperty("value").GetDecimal());
        Assert.Equal(food, Assert.Single(next.GetProperty("figures").GetProperty("projects").EnumerateArray()).GetProperty("projectId").GetGuid());

        // The targets page shows the same actuals through the metric interface.
        var targets = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/targets?year={year + 1}")).EnumerateArray()
            .Where(t => t.GetProperty("metric").GetString()!.StartsWith("investment.", StringComparison.Ordinal))
            .ToDictionary(t => t.GetProperty("metric").GetString()!, t => t);
        Assert.Equal(15.0m, targets["investment.manufacturing_funds_in_place.growth"].GetProperty("actual").GetDecimal());
        Assert.True(targets["investment.manufacturing_funds_in_place.growth"].GetProperty("met").GetBoolean());
        var lastYear = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/targets?year={year}")).EnumerateArray()
            .Single(t => t.GetProperty("metric").GetString() == "investment.new_manufacturing.share");
        Assert.Equal(35.0m, lastYear.GetProperty("actual").GetDecimal());
        Assert.Contains("7,000万元", lastYear.GetProperty("explanation").GetString());
    }
}

public sealed class PipelineOnSqlite(SqliteHost host) : PipelineTests<SqliteHost>(host);
public sealed class PipelineOnPostgres(PostgresHost host) : PipelineTests<PostgresHost>(host);
