using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Core.Projects;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Incentives;

/// <summary>
/// Issue 13 in 政策兑现, on both databases. The list's search never widens it: every application returned lies in the
/// caller's jurisdiction (an enterprise user's: of its enterprise), whatever the search text matches elsewhere. Measures
/// and workflows kept at an ancestor govern an application; numbering continues the jurisdiction's series whoever
/// applies. A write naming a row of another jurisdiction or enterprise is refused on that field, and nothing is stored.
/// </summary>
public abstract class ApplicationScopeTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture, IClockHost
{
    private const string OwnFirm = "演示·西区绿色化工有限公司";          // xiqu.enterprise's (91510403MA6DEM001)
    private const string SiblingFirm = "演示·西区钒钛新材料有限公司";     // another 西区 enterprise (…DEM002)
    private const string DazhouFirm = "演示·达州能源化工有限公司";        // 达州 (…DEM004)
    private const string DazhouMeasure = "dazhou.4.provincial-chain-leader";

    private readonly IncentiveApi api = new(host);

    private sealed record Caller(string Path, Guid? Enterprise);

    private async Task<Caller> CallerAsync(string user)
    {
        await using var db = host.OpenSystem();
        var account = await db.Users.SingleAsync(u => u.UserName == user);
        return new Caller(await db.Jurisdictions.Where(j => j.Id == account.JurisdictionId).Select(j => j.JurisdictionPath).SingleAsync(), account.EnterpriseId);
    }

    private async Task<Guid> FirmAsync(string name)
    {
        await using var db = host.OpenSystem();
        return await db.Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync();
    }

    private static async Task<(List<JsonElement> Items, int Total)> List(HttpClient client, string? search)
    {
        var query = search is null ? "" : $"&search={Uri.EscapeDataString(search)}";
        var page = await Json(await client.GetAsync($"/api/v1/incentives/applications?pageSize=200{query}"), HttpStatusCode.OK);
        return (page.GetProperty("items").EnumerateArray().ToList(), page.GetProperty("total").GetInt32());
    }

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    /// <summary>A project of 达州's demo enterprise, in 达州: a row no 西区 caller may name.</summary>
    private async Task<Guid> DazhouProject(string name)
    {
        await using var db = host.OpenSystem();
        var dazhou = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
        var project = new Project
        {
            JurisdictionId = dazhou.Id, Name = name, EnterpriseId = await db.Enterprises.Where(e => e.Name == DazhouFirm).Select(e => e.Id).SingleAsync(),
            Flags = ProjectFlags.ChainLeader, Stage = ProjectStage.Completed, EquipmentInvestment = 3000 * Wan, TotalInvestment = 3000 * Wan,
            PlannedCompletion = new DateOnly(2026, 3, 31), ActualCompletion = new DateOnly(2026, 3, 20),
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    private async Task<Guid> Apply(HttpClient client, object body) =>
        Id(await Json(await client.PostAsJsonAsync("/api/v1/incentives/applications", body), HttpStatusCode.Created));

    [Fact]
    public async Task Search_never_returns_an_application_outside_the_callers_jurisdiction_or_enterprise()
    {
        // One application of xiqu.enterprise, one of another 西区 enterprise, one of 达州 — all numbered 2026-….
        var ownProject = await api.Project("范围·本企业智改项目", ProjectFlags.ChainLeader, equipmentWan: 3000);
        var siblingProject = await api.Project("范围·兄弟企业智改项目", ProjectFlags.ChainLeader, equipmentWan: 3000, enterpriseUscc17: "91510403MA6DEM002");
        var seven = await api.Measure("xiqu.7");
        var own = await Apply(await api.As("xiqu.enterprise"), new { measureId = seven, projectId = ownProject, category = "智改数转" });
        var sibling = await Apply(await api.As("xiqu.office"), new { measureId = seven, projectId = siblingProject, category = "智改数转" });
        var dazhou = await Apply(await api.As("dazhou.office"), new { measureId = await api.Measure(DazhouMeasure), enterpriseId = await FirmAsync(DazhouFirm) });

        string?[] searches = [null, "2026", "2026-0", "演示", "西区", "达州", "有限公司", "范围", OwnFirm, SiblingFirm, DazhouFirm,
            "范围·本企业智改项目", "范围·兄弟企业智改项目", "钒钛", "化工"];
        foreach (var user in new[] { "dazhou.office", "xiqu.office", "xiqu.enterprise", "pzh.chief" })
        {
            var caller = await CallerAsync(user);
            var client = await api.As(user);
            var unsearched = (await List(client, null)).Items.Select(Id).ToHashSet();
            foreach (var search in searches)
            {
                var (items, total) = await List(client, search);
                Assert.True(total == items.Count, $"{user} searching “{search}”: total {total} counts rows the page does not show ({items.Count})");
                foreach (var item in items)
                {
                    var what = $"{user} searching “{search}” got {item.GetProperty("number").GetString()} of {item.GetProperty("enterpriseName").GetString()}";
                    Assert.True(item.GetProperty("jurisdictionPath").GetString()!.StartsWith(caller.Path, StringComparison.Ordinal), $"{what}: outside {caller.Path}");
                    if (caller.Enterprise is { } mine) Assert.True(item.GetProperty("enterpriseId").GetGuid() == mine, $"{what}: another enterprise's");
                    Assert.True(unsearched.Contains(Id(item)), $"{what}: a search widened the list");
                }
            }
        }

        // What each caller may see, a search still finds.
        Assert.Equal([dazhou], (await List(await api.As("dazhou.office"), "2026")).Items.Select(Id).Where(i => i == dazhou || i == own || i == sibling));
        Assert.Empty((await List(await api.As("dazhou.office"), SiblingFirm)).Items);
        Assert.Contains(sibling, (await List(await api.As("xiqu.office"), SiblingFirm)).Items.Select(Id));
        Assert.DoesNotContain(dazhou, (await List(await api.As("xiqu.office"), "2026")).Items.Select(Id));
        Assert.Contains(own, (await List(await api.As("xiqu.enterprise"), "2026")).Items.Select(Id));
        Assert.Contains(own, (await List(await api.As("xiqu.enterprise"), OwnFirm)).Items.Select(Id));
        Assert.Empty((await List(await api.As("xiqu.enterprise"), SiblingFirm)).Items);
        Assert.Empty((await List(await api.As("xiqu.enterprise"), "范围·兄弟企业智改项目")).Items);
    }

    [Fact]
    public async Task Candidates_and_what_if_of_an_enterprise_user_hold_only_its_own_enterprise()
    {
        var eight = await api.Measure("xiqu.8");
        var own = await FirmAsync(OwnFirm);
        await api.Project("范围·本企业战略资源项目", ProjectFlags.StrategicResource, 1000, totalWan: 30000);
        // The office sees both enterprises' cases: the other enterprise's demo project is a candidate.
        var office = await Json(await (await api.As("xiqu.office")).GetAsync($"/api/v1/incentives/measures/{eight}/candidates"), HttpStatusCode.OK);
        Assert.Contains(office.EnumerateArray(), c => c.GetProperty("name").GetString() == DemoIncentives.StrategicResource);
        Assert.Contains(office.EnumerateArray(), c => c.GetProperty("enterpriseId").GetGuid() == own);

        var enterprise = await api.As("xiqu.enterprise");
        var candidates = await Json(await enterprise.GetAsync($"/api/v1/incentives/measures/{eight}/candidates"), HttpStatusCode.OK);
        Assert.NotEmpty(candidates.EnumerateArray());
        Assert.All(candidates.EnumerateArray(), c => Assert.Equal(own, c.GetProperty("enterpriseId").GetGuid()));
        var whatIf = await Json(await enterprise.PostAsJsonAsync($"/api/v1/incentives/measures/{eight}/what-if", new { rate = 0.10m, cap = 3000 * Wan }), HttpStatusCode.OK);
        Assert.Contains("范围·本企业战略资源项目", whatIf.GetProperty("changedCases").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain(DemoIncentives.StrategicResource, whatIf.GetProperty("changedCases").EnumerateArray().Select(c => c.GetString()));

        // Another jurisdiction's caller cannot name 西区's measure at all.
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("dazhou.office")).GetAsync($"/api/v1/incentives/measures/{eight}/candidates")).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_user_continues_its_jurisdictions_numbering()
    {
        var seven = await api.Measure("xiqu.7");
        var siblingProject = await api.Project("编号·兄弟企业项目", ProjectFlags.ChainLeader, equipmentWan: 3000, enterpriseUscc17: "91510403MA6DEM002");
        var ownProject = await api.Project("编号·本企业项目", ProjectFlags.ChainLeader, equipmentWan: 3000);
        var first = await Json(await (await api.As("xiqu.office")).PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = seven, projectId = siblingProject, category = "智改数转" }), HttpStatusCode.Created);
        // The enterprise does not see the application just numbered, but its own number follows it.
        var second = await Json(await (await api.As("xiqu.enterprise")).PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = seven, projectId = ownProject, category = "智改数转" }), HttpStatusCode.Created);
        static int Serial(JsonElement a) => int.Parse(a.GetProperty("number").GetString()!["2026-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("2026-", second.GetProperty("number").GetString());
        Assert.Equal(Serial(first) + 1, Serial(second));
    }

    [Fact]
    public async Task Measures_and_workflows_kept_by_the_city_govern_a_district_application()
    {
        Guid city, measure;
        await using (var db = host.OpenSystem())
        {
            var panzhihua = await db.Jurisdictions.SingleAsync(j => j.Code == "510400");
            city = panzhihua.Id;
            var workflow = new IncentiveWorkflow
            {
                JurisdictionId = panzhihua.Id,
                Definition = new WorkflowDefinition("scope.city.flow", "市级兑现流程",
                [
                    new("intake", "市经信局受理", StageKind.Intake, new StageActor { Unit = "panzhihua.jxj" }, [], 5),
                    new("consultation", "市级会商", StageKind.Consultation, new StageActor { Unit = "panzhihua.jxj" }, ["panzhihua.czj"], 5),
                ]),
            };
            var m = new IncentiveMeasure
            {
                JurisdictionId = panzhihua.Id, Key = "scope.city.equipment", Title = "市级设备补助", Clause = "按设备投资的5%补助", SupportType = "市级设备补助",
                Rule = new IncentiveRule { Kind = RuleKind.PercentOfBase, Rate = 0.05m }, WorkflowId = workflow.Id, Checklist = [],
            };
            db.AddRange(workflow, m);
            await db.SaveChangesAsync();
            measure = m.Id;
        }
        var project = await api.Project("继承·市级措施项目", ProjectFlags.ChainLeader, equipmentWan: 1000);
        var enterprise = await api.As("xiqu.enterprise");
        var id = await Apply(enterprise, new { measureId = measure, projectId = project });
        await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK);

        var detail = await Detail(enterprise, id);
        Assert.Equal("市级设备补助", detail.GetProperty("summary").GetProperty("measureTitle").GetString());
        Assert.Equal("市经信局受理", detail.GetProperty("summary").GetProperty("stateName").GetString());
        Assert.Equal(["市经信局受理", "市级会商"], detail.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains("市经济和信息化局", detail.GetProperty("actions").GetProperty("waiting").GetString());
        Assert.Equal(["市财政局"], detail.GetProperty("stages")[1].GetProperty("opinions").EnumerateArray().Select(o => o.GetString()));

        // The district office reads and evaluates the city's measure it applies under; 达州 may not (it is not above it).
        var xiquOffice = await api.As("xiqu.office");
        Assert.Equal("市级设备补助", (await Json(await xiquOffice.GetAsync($"/api/v1/incentives/measures/{measure}"), HttpStatusCode.OK)).GetProperty("title").GetString());
        Assert.True((await Json(await xiquOffice.PostAsJsonAsync($"/api/v1/incentives/measures/{measure}/evaluate", new { projectId = project }), HttpStatusCode.OK))
            .GetProperty("eligible").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("dazhou.office")).GetAsync($"/api/v1/incentives/measures/{measure}")).StatusCode);

        // 西区 configures its own measure on the city's workflow, and its own workflow naming a city bureau.
        var office = await api.As("xiqu.office");
        Guid xiqu, cityWorkflow;
        await using (var db = host.OpenSystem())
        {
            xiqu = (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
            cityWorkflow = (await db.Set<IncentiveWorkflow>().SingleAsync(w => w.Key == "scope.city.flow" && w.JurisdictionId == city)).Id;
        }
        await Json(await office.PostAsJsonAsync("/api/v1/incentives/measures", new
        {
            jurisdictionId = xiqu,
            measure = new { key = "scope.xiqu.on-city-flow", title = "区级措施", clause = "按设备投资的5%补助", supportType = "区级补助", workflowId = cityWorkflow,
                rule = new { kind = "PercentOfBase", rate = 0.05m } },
        }), HttpStatusCode.Created);
        await Json(await office.PostAsJsonAsync("/api/v1/incentives/workflows", new
        {
            jurisdictionId = xiqu, key = "scope.xiqu.flow", name = "区级流程",
            stages = Stages("panzhihua.jxj", "panzhihua.czj"),
        }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_write_naming_another_jurisdictions_or_enterprises_row_is_refused_on_that_field_and_nothing_is_stored()
    {
        Guid xiqu, dazhou, dazhouWorkflow, dazhouDocumentMeasure;
        await using (var db = host.OpenSystem())
        {
            xiqu = (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
            var d = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
            dazhou = d.Id;
            dazhouWorkflow = (await db.Set<IncentiveWorkflow>().SingleAsync(w => w.Key == "dazhou.standard")).Id;
            dazhouDocumentMeasure = await db.Measures.Where(m => m.JurisdictionPath.StartsWith(d.JurisdictionPath)).Select(m => m.Id).FirstAsync();
        }
        var xiquProject = await api.Project("外引·西区项目", ProjectFlags.ChainLeader, equipmentWan: 3000);
        var foreignProject = await DazhouProject("外引·达州项目");
        var seven = await api.Measure("xiqu.7");
        var dazhouMeasure = await api.Measure(DazhouMeasure);
        var office = await api.As("xiqu.office");
        var enterprise = await api.As("xiqu.enterprise");
        var before = await CountsAsync();

        // Applications: a measure, project or enterprise of 达州; for the enterprise user, another enterprise of 西区.
        Assert.Contains("措施", await Error(await office.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = dazhouMeasure, projectId = xiquProject }), HttpStatusCode.NotFound));
        Assert.Contains("项目", await Error(await office.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = seven, projectId = foreignProject, category = "智改数转" }), HttpStatusCode.NotFound));
        Assert.Contains("企业", await Error(await office.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = dazhouMeasure, enterpriseId = await FirmAsync(DazhouFirm) }), HttpStatusCode.NotFound));
        Assert.Contains("企业", await Error(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = dazhouMeasure, enterpriseId = await FirmAsync(SiblingFirm) }), HttpStatusCode.NotFound));
        Assert.Contains("项目", await Error(await office.PostAsJsonAsync($"/api/v1/incentives/measures/{seven}/offers",
            new { projectId = foreignProject }), HttpStatusCode.NotFound));
        Assert.Contains("项目", await Error(await office.PostAsJsonAsync($"/api/v1/incentives/measures/{seven}/evaluate",
            new { projectId = foreignProject }), HttpStatusCode.NotFound));

        // Measures: 达州's jurisdiction, workflow or document measure.
        object Fields(string key, Guid? workflowId = null, Guid? measureId = null) => new
        {
            key, title = "外引措施", clause = "按设备投资的5%补助", supportType = "外引补助", workflowId, measureId, rule = new { kind = "PercentOfBase", rate = 0.05m },
        };
        Assert.Contains("辖区", await Error(await office.PostAsJsonAsync("/api/v1/incentives/measures",
            new { jurisdictionId = dazhou, measure = Fields("scope.foreign.1") }), HttpStatusCode.NotFound));
        Assert.Contains("审批流程", await Error(await office.PostAsJsonAsync("/api/v1/incentives/measures",
            new { jurisdictionId = xiqu, measure = Fields("scope.foreign.2", workflowId: dazhouWorkflow) }), HttpStatusCode.BadRequest, "workflowId"));
        Assert.Contains("措施", await Error(await office.PostAsJsonAsync("/api/v1/incentives/measures",
            new { jurisdictionId = xiqu, measure = Fields("scope.foreign.3", measureId: dazhouDocumentMeasure) }), HttpStatusCode.BadRequest, "measureId"));
        var sevenView = await Json(await office.GetAsync($"/api/v1/incentives/measures/{seven}"), HttpStatusCode.OK);
        Assert.Contains("审批流程", await Error(await office.PutAsJsonAsync($"/api/v1/incentives/measures/{seven}", new
        {
            measure = new
            {
                key = "xiqu.7", title = sevenView.GetProperty("title").GetString(), clause = sevenView.GetProperty("clause").GetString(),
                supportType = sevenView.GetProperty("supportType").GetString(), rule = sevenView.GetProperty("rule"), workflowId = dazhouWorkflow,
            },
            version = sevenView.GetProperty("version").GetInt32(),
        }), HttpStatusCode.BadRequest, "workflowId"));

        // Workflows: 达州's jurisdiction, or a unit of 达州 acting or consulted at a stage.
        Assert.Contains("辖区", await Error(await office.PostAsJsonAsync("/api/v1/incentives/workflows",
            new { jurisdictionId = dazhou, key = "scope.foreign.flow1", name = "外引流程", stages = Stages("xiqu.jxj", "xiqu.czj") }), HttpStatusCode.NotFound));
        Assert.Contains("未登记", await Error(await office.PostAsJsonAsync("/api/v1/incentives/workflows",
            new { jurisdictionId = xiqu, key = "scope.foreign.flow2", name = "外引流程", stages = Stages("dazhou.jxj", "xiqu.czj") }), HttpStatusCode.BadRequest, "stages[0].actor.unit"));
        Assert.Contains("未登记", await Error(await office.PostAsJsonAsync("/api/v1/incentives/workflows",
            new { jurisdictionId = xiqu, key = "scope.foreign.flow3", name = "外引流程", stages = Stages("xiqu.jxj", "dazhou.czj") }), HttpStatusCode.BadRequest, "stages[1].opinions"));

        // Budgets: 达州's jurisdiction.
        Assert.Contains("辖区", await Error(await office.PostAsJsonAsync("/api/v1/incentives/budgets",
            new { jurisdictionId = dazhou, year = 2026, fund = "外引资金", amount = 1_000_000m }), HttpStatusCode.NotFound));

        Assert.Equal(before, await CountsAsync());
        await using (var db = host.OpenSystem())
            Assert.False(await db.Set<IncentiveMeasure>().AnyAsync(m => m.WorkflowId == dazhouWorkflow && !m.Key.StartsWith("dazhou.")));
    }

    /// <summary>A valid workflow whose first stage <paramref name="actor"/> takes and whose consultation asks <paramref name="consulted"/>.</summary>
    private static object[] Stages(string actor, string consulted) =>
    [
        new { key = "intake", name = "受理", kind = "Intake", actor = new { unit = actor }, opinions = Array.Empty<string>(), deadlineDays = 5 },
        new { key = "consultation", name = "会商", kind = "Consultation", actor = new { unit = "xiqu.jxj" }, opinions = new[] { consulted }, deadlineDays = 5 },
        new { key = "approval", name = "审定", kind = "Approval", actor = new { unit = "xiqu.qzf" }, opinions = Array.Empty<string>(), deadlineDays = 5 },
        new { key = "payment", name = "兑付", kind = "Payment", actor = new { unit = "xiqu.czj" }, opinions = Array.Empty<string>(), deadlineDays = 5 },
    ];

    private async Task<(int Applications, int Measures, int Workflows, int Budgets)> CountsAsync()
    {
        await using var db = host.OpenSystem();
        return (await db.Set<IncentiveApplication>().CountAsync(), await db.Set<IncentiveMeasure>().CountAsync(),
            await db.Set<IncentiveWorkflow>().CountAsync(), await db.Set<IncentiveBudget>().CountAsync());
    }
}

public sealed class ApplicationScopeOnSqlite(SqliteIncentiveHost host) : ApplicationScopeTests<SqliteIncentiveHost>(host);
public sealed class ApplicationScopeOnPostgres(PostgresIncentiveHost host) : ApplicationScopeTests<PostgresIncentiveHost>(host);
