using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Incentives;

/// <summary>
/// The seeds' measures as the packs configure them, a new measure of a new document configured through the API
/// without code, an award "to be set", 免申即享 and what-if — on both databases.
/// </summary>
public abstract class IncentiveConfigurationTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture, IClockHost
{
    private readonly IncentiveApi api = new(host);

    private async Task<JsonElement> Evaluate(string measureKey, Guid project, string? category = null) =>
        await Json(await (await api.As("xiqu.office")).PostAsJsonAsync($"/api/v1/incentives/measures/{await api.Measure(measureKey)}/evaluate",
            new { projectId = project, category }), HttpStatusCode.OK);

    [Fact]
    public async Task The_packs_configure_the_seed_measures_and_their_amounts_hold_through_the_api()
    {
        Assert.Equal(240 * Wan, (await Evaluate("xiqu.6", await api.Project("包·六", ProjectFlags.ChainLeader, 8000, newOutputWan: 2000))).GetProperty("ceiling").GetDecimal());
        Assert.Equal(500 * Wan, (await Evaluate("xiqu.6", await api.Project("包·六封顶", ProjectFlags.MajorLeading, 20000, newOutputWan: 2000))).GetProperty("ceiling").GetDecimal());
        var scale = await Evaluate("xiqu.6", await api.Project("包·六规模不足", ProjectFlags.ChainLeader, 8000, newOutputWan: 1999));
        Assert.False(scale.GetProperty("eligible").GetBoolean());
        Assert.Contains("新增生产规模 1,999万元 未达到 2,000万元", scale.GetProperty("explanation").GetProperty("conclusion").GetString());
        Assert.Equal(75 * Wan, (await Evaluate("xiqu.7", await api.Project("包·七", ProjectFlags.ChainLeader, 2500), "整体升级改造")).GetProperty("ceiling").GetDecimal());
        Assert.Equal(1600 * Wan, (await Evaluate("xiqu.8", await api.Project("包·八", ProjectFlags.StrategicResource, 1000, totalWan: 20000))).GetProperty("ceiling").GetDecimal());

        await using var db = host.OpenSystem();
        var six = await db.Set<IncentiveMeasure>().SingleAsync(m => m.Key == "xiqu.6");
        Assert.Equal((new DateOnly(2027, 12, 31), "六、促进重点项目早日竣工投产", "区级工业发展专项资金"), (six.ValidUntil!.Value, six.Title, six.Fund!));
        var checklist = six.Checklist;
        Assert.Equal(6, checklist.Count);
        Assert.Equal(2, checklist.Single(c => c.Number == 3).Alternatives.Count);
        Assert.False(checklist.Single(c => c.Number == 6).Required);
        Assert.True((await db.Set<IncentiveMeasure>().SingleAsync(m => m.Key == "ankang.5.single-champion-national")).Rule.AmountToBeSet);
        var workflow = (await db.Set<IncentiveWorkflow>().SingleAsync(w => w.Key == "xiqu.measure10")).Definition;
        Assert.Equal(["intake", "consultation", "study", "approval", "payment", "archive"], workflow.Stages.Select(s => s.Key));
        Assert.True(workflow.Stage("study")!.Actor.ChainChief);
    }

    [Fact]
    public async Task Project_eligibility_does_not_assume_seven_s_best_paying_direction_and_keeps_six_and_seven_exclusive()
    {
        var project = await api.Project("取高·链主技改", ProjectFlags.ChainLeader, 8000, newOutputWan: 3000);
        var rows = await Json(await (await api.As("xiqu.office")).GetAsync($"/api/v1/incentives/projects/{project}/eligibility"), HttpStatusCode.OK);
        var six = rows.EnumerateArray().Single(r => r.GetProperty("measureKey").GetString() == "xiqu.6");
        var seven = rows.EnumerateArray().Single(r => r.GetProperty("measureKey").GetString() == "xiqu.7");
        Assert.Equal((true, 240 * Wan), (six.GetProperty("eligible").GetBoolean(), six.GetProperty("ceiling").GetDecimal()));
        // 西区 七: no direction declared — eligible, amount open (never 8% 智改数转 assumed), the range named.
        Assert.True(seven.GetProperty("eligible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seven.GetProperty("ceiling").ValueKind);
        var explanation = seven.GetProperty("explanation");
        Assert.Contains("改造方向", explanation.GetProperty("conclusion").GetString());
        Assert.Contains(explanation.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("按方向240万元至250万元"));
        var note = six.GetProperty("explanation").GetProperty("notes")[0].GetString();
        Assert.Contains("七、推动重点企业设备更新和技术改造", note);
        Assert.Contains("金额未定者确定后再比较", note);
        Assert.Contains("攀枝花市聚焦产业建圈强链促进工业经济高质量发展十六条措施", note);

        // Declared, the direction decides: 整体升级改造 3% of 8,000万元 = 240万元.
        Assert.Equal(240 * Wan, (await Evaluate("xiqu.7", project, "整体升级改造")).GetProperty("ceiling").GetDecimal());

        // 免申即享 lists it with the amount open; what-if does not cost it under any direction but names it; the offer
        // leaves the direction to the enterprise.
        var office = await api.As("xiqu.office");
        var sevenId = await api.Measure("xiqu.7");
        var candidate = (await Json(await office.GetAsync($"/api/v1/incentives/measures/{sevenId}/candidates"), HttpStatusCode.OK))
            .EnumerateArray().Single(c => c.GetProperty("projectId").GetGuid() == project);
        Assert.Equal(JsonValueKind.Null, candidate.GetProperty("ceiling").ValueKind);
        var whatIf = await Json(await office.PostAsJsonAsync($"/api/v1/incentives/measures/{sevenId}/what-if", new { cap = 300 * Wan }), HttpStatusCode.OK);
        Assert.Contains("取高·链主技改", whatIf.GetProperty("directionUndeclared").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain("取高·链主技改", whatIf.GetProperty("changedCases").EnumerateArray().Select(c => c.GetString()));
        var offered = await Json(await office.PostAsJsonAsync($"/api/v1/incentives/measures/{sevenId}/offers", new { projectId = project }), HttpStatusCode.Created);
        var detail = await Json(await office.GetAsync($"/api/v1/incentives/applications/{offered.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("category").ValueKind);
    }

    [Fact]
    public async Task A_new_measure_of_a_new_document_is_configured_through_the_api_and_applied_for_without_code()
    {
        var office = await api.As("xiqu.office");
        Guid xiqu;
        await using (var db = host.OpenSystem()) xiqu = (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
        var imported = await Json(await office.PostAsJsonAsync("/api/v1/documents", new
        {
            jurisdictionId = xiqu, validUntil = "2028-12-31",
            text = "西区支持企业贷款贴息的若干措施\n一、流动资金贷款贴息。对链主企业新增流动资金贷款给予贴息，单户最高50万元。\n〔责任单位：区财政局，区经济和信息化局〕",
        }), HttpStatusCode.Created);
        var measureOfDocument = imported.GetProperty("document").GetProperty("measures")[0].GetProperty("id").GetGuid();
        var workflows = await Json(await office.GetAsync("/api/v1/incentives/workflows"), HttpStatusCode.OK);
        var workflow = workflows.EnumerateArray().Single(w => w.GetProperty("key").GetString() == "xiqu.measure10").GetProperty("id").GetGuid();

        var bad = await office.PostAsJsonAsync("/api/v1/incentives/measures", new
        {
            jurisdictionId = xiqu,
            measure = new { key = "xiqu.loan", title = "流动资金贷款贴息", clause = "单户最高50万元", supportType = "贷款贴息", rule = new { kind = "LoanInterest", rate = 1.5m, cap = -1m } },
        });
        var errors = (await Json(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("比例须大于0且不超过100%", errors.GetProperty("rule.rate")[0].GetString());
        Assert.Contains("上限不能为负数", errors.GetProperty("rule.cap")[0].GetString());

        var created = await Json(await office.PostAsJsonAsync("/api/v1/incentives/measures", new
        {
            jurisdictionId = xiqu,
            measure = new
            {
                key = "xiqu.loan", title = "一、流动资金贷款贴息", clause = "对链主企业新增流动资金贷款给予贴息，单户最高50万元", supportType = "贷款贴息",
                measureId = measureOfDocument, validUntil = "2028-12-31", workflowId = workflow,
                checklist = new[] { new { number = 1, name = "借款合同及付息凭证", required = true, alternatives = Array.Empty<string>() } },
                rule = new { kind = "LoanInterest", cap = 50 * Wan, conditions = new[] { new { kind = "ProjectFlag", flags = new[] { "ChainLeader" } } } },
            },
        }), HttpStatusCode.Created);
        Assert.Equal("贷款本金 × 年利率 × 天数 ÷ 360，上限 50万元；须：链主项目", created.GetProperty("summary").GetString());

        var project = await api.Project("新措施·链主项目", ProjectFlags.ChainLeader, 3000);
        var enterprise = await api.As("xiqu.enterprise");
        var application = await Json(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications", new
        {
            measureId = created.GetProperty("id").GetGuid(), projectId = project, loanPrincipal = 1000 * Wan, loanRate = 0.0435m, loanDays = 180,
        }), HttpStatusCode.Created);
        Assert.Equal(217_500m, application.GetProperty("ceiling").GetDecimal()); // 1000万 × 4.35% × 180 / 360 = 21.75万
        var detail = await Detail(enterprise, application.GetProperty("id").GetGuid());
        Assert.Equal("贷款本金 1,000万元 × 年利率 4.35% × 180天 ÷ 360 = 21.75万元 ≤ 上限 50万元", detail.GetProperty("explanation").GetProperty("formula").GetString());
    }

    [Fact]
    public async Task An_award_to_be_set_cannot_be_approved_until_the_jurisdiction_sets_it_and_an_expired_measure_takes_no_applications()
    {
        var office = await api.As("xiqu.office");
        Guid xiqu, workflow;
        await using (var db = host.OpenSystem())
        {
            xiqu = (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
            workflow = (await db.Set<IncentiveWorkflow>().SingleAsync(w => w.Key == "xiqu.measure10")).Id;
        }
        object Fields(string key, decimal? amount, string? validUntil = null) => new
        {
            key, title = "首次认定奖励", clause = "给予一次性资金奖励", supportType = $"奖励{key}", validUntil, workflowId = workflow,
            checklist = Array.Empty<object>(),
            rule = new { kind = "FixedAward", amount, conditions = Array.Empty<object>() },
        };
        var award = await Json(await office.PostAsJsonAsync("/api/v1/incentives/measures", new { jurisdictionId = xiqu, measure = Fields("xiqu.award", null) }), HttpStatusCode.Created);
        Assert.True(award.GetProperty("amountToBeSet").GetBoolean());

        var project = await api.Project("待定·奖励项目", ProjectFlags.ChainLeader, 1000);
        var enterprise = await api.As("xiqu.enterprise");
        var id = (await Json(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = award.GetProperty("id").GetGuid(), projectId = project }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK);
        var jxj = await api.As("xiqu.jxj");
        await Transition(jxj, id, "Pass", null);
        foreach (var unit in new[] { "xiqu.fgj", "xiqu.czj" })
            await Json(await (await api.As(unit)).PostAsJsonAsync($"/api/v1/incentives/applications/{id}/opinions", new { text = "同意" }), HttpStatusCode.NoContent);
        await Transition(jxj, id, "Pass", null);
        await Transition(await api.As("xiqu.chief"), id, "Pass", "同意");
        var approver = await api.As("xiqu.approver");
        var refused = await approver.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/approval",
            new { amount = 10 * Wan, paymentMethod = "LumpSum", version = await Version(approver, id) });
        Assert.Contains("奖励金额待本级设定", await Error(refused, HttpStatusCode.BadRequest, "amount"));

        await Json(await office.PutAsJsonAsync($"/api/v1/incentives/measures/{award.GetProperty("id").GetGuid()}",
            new { measure = Fields("xiqu.award", 30 * Wan), version = award.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Contains("超过核定上限 30万元", await Error(await approver.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/approval",
            new { amount = 31 * Wan, paymentMethod = "LumpSum", version = await Version(approver, id) }), HttpStatusCode.BadRequest, "amount"));
        await Json(await approver.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/approval",
            new { amount = 30 * Wan, paymentMethod = "LumpSum", version = await Version(approver, id) }), HttpStatusCode.OK);

        var expired = await Json(await office.PostAsJsonAsync("/api/v1/incentives/measures",
            new { jurisdictionId = xiqu, measure = Fields("xiqu.expired", 10 * Wan, "2026-05-31") }), HttpStatusCode.Created);
        var late = await enterprise.PostAsJsonAsync("/api/v1/incentives/applications", new { measureId = expired.GetProperty("id").GetGuid(), projectId = project });
        Assert.Contains("已过期，不能申报", await Error(late, HttpStatusCode.BadRequest, "measureId"));
    }

    [Fact]
    public async Task Proactive_candidates_are_pushed_to_the_enterprise_and_what_if_costs_a_change_over_the_pipeline()
    {
        var project = await api.Project("免申·战略资源项目", ProjectFlags.StrategicResource, 1000, totalWan: 30000, enterpriseUscc17: "91510403MA6DEM001");
        var office = await api.As("xiqu.office");
        var eight = await api.Measure("xiqu.8");
        var candidates = await Json(await office.GetAsync($"/api/v1/incentives/measures/{eight}/candidates"), HttpStatusCode.OK);
        var mine = candidates.EnumerateArray().Single(c => c.GetProperty("projectId").GetGuid() == project);
        Assert.Equal(2400 * Wan, mine.GetProperty("ceiling").GetDecimal());
        Assert.Contains(candidates.EnumerateArray(), c => c.GetProperty("name").GetString() == DemoIncentives.StrategicResource);

        var offered = await Json(await office.PostAsJsonAsync($"/api/v1/incentives/measures/{eight}/offers", new { projectId = project }), HttpStatusCode.Created);
        Assert.Equal("Proactive", offered.GetProperty("origin").GetString());
        var enterprise = await api.As("xiqu.enterprise");
        var list = await Json(await enterprise.GetAsync("/api/v1/incentives/applications?state=draft"), HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == offered.GetProperty("id").GetGuid());
        var again = await Json(await office.GetAsync($"/api/v1/incentives/measures/{eight}/candidates"), HttpStatusCode.OK);
        Assert.DoesNotContain(again.EnumerateArray(), c => c.GetProperty("projectId").GetGuid() == project);

        // What-if: 八 at 10% with a cap of 3,000万 over the pipeline.
        var before = await Json(await office.PostAsJsonAsync($"/api/v1/incentives/measures/{eight}/what-if", new { }), HttpStatusCode.OK);
        var after = await Json(await office.PostAsJsonAsync($"/api/v1/incentives/measures/{eight}/what-if", new { rate = 0.10m, cap = 3000 * Wan }), HttpStatusCode.OK);
        var total = after.GetProperty("total");
        Assert.Equal(before.GetProperty("total").GetProperty("current").GetDecimal(), total.GetProperty("current").GetDecimal());
        // This project: 2,400万 → 3,000万; the demo project (20,000万 total): 1,600万 → 2,000万.
        Assert.True(total.GetProperty("changed").GetDecimal() - total.GetProperty("current").GetDecimal() >= 1000 * Wan);
        Assert.Contains(after.GetProperty("byChain").EnumerateArray(), r => r.GetProperty("key").GetString() == DemoChain.Name);
        Assert.Contains("免申·战略资源项目", after.GetProperty("changedCases").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("比例须大于0", await Error(await office.PostAsJsonAsync($"/api/v1/incentives/measures/{eight}/what-if", new { rate = 2m }), HttpStatusCode.BadRequest, "rule.rate"));
    }

    [Fact]
    public async Task A_broken_incentives_pack_names_file_and_field_and_loads_nothing()
    {
        var root = Path.Combine(Path.GetTempPath(), $"qianglian-incentive-packs-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Packs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(RepositoryPaths.Packs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var yaml = Path.Combine(root, "xiqu", IncentivePackLoader.FileName);
        int loaded;
        await using (var before = host.OpenSystem()) loaded = (await before.Set<IncentivePack>().SingleAsync(p => p.Code == "xiqu")).PackVersion;
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace($"version: {loaded}\n", $"version: {loaded + 1}\n").Replace("rate: 0.03", "rate: 3").Replace("measure: 七", "measure: 十一"));
        await using var scope = host.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<IncentivePackLoader>();
        var failure = await Assert.ThrowsAsync<PackLoadException>(() => loader.LoadAllAsync(root, CancellationToken.None));
        Assert.Contains(failure.Errors, e => e.Pack == "xiqu" && e.Field == "incentives.yaml:measures[0].rule.rate");
        Assert.Contains(failure.Errors, e => e.Pack == "xiqu" && e.Field == "incentives.yaml:measures[1].measure" && e.Message.Contains("十一"));
        await using var db = host.OpenSystem();
        Assert.Equal(loaded, (await db.Set<IncentivePack>().SingleAsync(p => p.Code == "xiqu")).PackVersion);
        Assert.Equal(0.03m, (await db.Set<IncentiveMeasure>().SingleAsync(m => m.Key == "xiqu.6")).Rule.Rate);
    }
}

public sealed class IncentiveConfigurationOnSqlite(SqliteIncentiveHost host) : IncentiveConfigurationTests<SqliteIncentiveHost>(host);
public sealed class IncentiveConfigurationOnPostgres(PostgresIncentiveHost host) : IncentiveConfigurationTests<PostgresIncentiveHost>(host);
