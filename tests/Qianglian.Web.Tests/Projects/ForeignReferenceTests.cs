using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Investment;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Investment;
using Workbooks = Qianglian.Web.Shared.Excel.Workbooks;

namespace Qianglian.Web.Tests.Projects;

/// <summary>
/// Issue 13, defect 2: a project or lead written by one jurisdiction may refer only to what its writer may see (or, for
/// the responsible unit, inherits), and may credit a share only to a locality of its own subtree or one the project's
/// chain names. A foreign id is a 404 whose message names the field, and nothing of the write is stored — on both
/// databases.
/// </summary>
public abstract class ForeignReferenceTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    /// <summary>Rows of 西区 (the foreign place for 达州) and of 达州 (the caller's own), made for each test.</summary>
    private sealed record World(Guid Xiqu, Guid Dazhou, Guid Dongqu, Guid XiquEnterprise, Guid XiquChain, Guid XiquNode, Guid DazhouChain, Guid DazhouNode,
        Guid XiquUnit, Guid CityUnit, Guid DazhouUnit);

    private static int counter;
    private static string Unique(string name) => $"{name}{Interlocked.Increment(ref counter)}";

    private async Task<World> Arrange()
    {
        var dongqu = await InvestmentWorld.Dongqu(host);
        await using var db = host.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
        var city = await db.Jurisdictions.SingleAsync(j => j.Code == "510400");
        var dazhou = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
        var enterprise = await db.Enterprises.Where(e => e.JurisdictionPath.StartsWith(xiqu.JurisdictionPath)).Select(e => e.Id).FirstAsync();
        Chain NewChain(Jurisdiction place) => new() { JurisdictionId = place.Id, Name = Unique("引用测试链") };
        var (xiquChain, dazhouChain) = (NewChain(xiqu), NewChain(dazhou));
        ChainNode NewNode(Chain chain) => new() { JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, Name = Unique("引用测试环节"), Stage = ChainStage.Midstream, Kind = NodeKind.Product };
        var (xiquNode, dazhouNode) = (NewNode(xiquChain), NewNode(dazhouChain));
        GovernmentUnit NewUnit(Jurisdiction place) => new() { JurisdictionId = place.Id, Key = Unique($"test.unit.{place.Code}."), Name = Unique($"{place.Name}测试局") };
        var (xiquUnit, cityUnit, dazhouUnit) = (NewUnit(xiqu), NewUnit(city), NewUnit(dazhou));
        db.AddRange(xiquChain, dazhouChain, xiquNode, dazhouNode, xiquUnit, cityUnit, dazhouUnit);
        await db.SaveChangesAsync();
        return new World(xiqu.Id, dazhou.Id, dongqu, enterprise, xiquChain.Id, xiquNode.Id, dazhouChain.Id, dazhouNode.Id, xiquUnit.Id, cityUnit.Id, dazhouUnit.Id);
    }

    private static async Task<string> NotFound(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    private async Task<bool> ProjectStored(string name)
    {
        await using var db = host.OpenSystem();
        return await db.Projects.AnyAsync(p => p.Name == name);
    }

    [Fact]
    public async Task A_share_for_another_jurisdictions_locality_is_refused_and_nothing_is_credited_to_it()
    {
        var w = await Arrange();
        var dazhou = await host.ClientFor("dazhou.office");
        var name = Unique("达州跨市分成项目");
        var response = await dazhou.PostAsJsonAsync("/api/v1/projects", new
        {
            jurisdictionId = w.Dazhou,
            project = new { name, totalInvestment = 10_000_000_000m, shares = new[] { new { localityId = w.Xiqu, investmentPercent = 100m, outputPercent = 100m } } },
        });
        Assert.Contains("shares", await NotFound(response));
        Assert.False(await ProjectStored(name));
        await using (var db = host.OpenSystem())
            Assert.False(await db.Set<ProjectShare>().AnyAsync(s => s.LocalityId == w.Xiqu && s.JurisdictionPath.StartsWith("/100000/510000/511700/")));
        var xiqu = await host.ClientFor("xiqu.office");
        Assert.All((await xiqu.GetFromJsonAsync<JsonElement>("/api/v1/projects/shared-in")).EnumerateArray(),
            s => Assert.StartsWith("/100000/510000/510400/510403/", s.GetProperty("jurisdictionPath").GetString()));
        Assert.DoesNotContain((await xiqu.GetFromJsonAsync<JsonElement>("/api/v1/projects/shared-in")).EnumerateArray(), s => s.GetProperty("projectName").GetString() == name);

        // Nor may an update add it: the stored shares stay as they were.
        var id = await ProjectApi.Create(dazhou, w.Dazhou, new { name, totalInvestment = 10_000_000m });
        var version = await ProjectApi.Version(dazhou, id);
        var update = await dazhou.PutAsJsonAsync($"/api/v1/projects/{id}", new
        {
            project = new { name, totalInvestment = 10_000_000m, shares = new[] { new { localityId = w.Dazhou, investmentPercent = 50m, outputPercent = 50m }, new { localityId = w.Xiqu, investmentPercent = 50m, outputPercent = 50m } } },
            version,
        });
        Assert.Contains("shares", await NotFound(update));
        await using (var db = host.OpenSystem())
            Assert.False(await db.Set<ProjectShare>().AnyAsync(s => s.ProjectId == id));
        Assert.Equal(version, await ProjectApi.Version(dazhou, id));
    }

    [Fact]
    public async Task Every_foreign_id_of_a_project_body_is_a_404_on_its_field_and_nothing_is_stored()
    {
        var w = await Arrange();
        var dazhou = await host.ClientFor("dazhou.office");
        async Task Refused(object fields, string expected)
        {
            var name = Unique("外部引用项目");
            var body = JsonSerializer.SerializeToElement(fields);
            var project = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            project["name"] = name;
            project["totalInvestment"] = 1_000_000m;
            Assert.Contains(expected, await NotFound(await dazhou.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = w.Dazhou, project })));
            Assert.False(await ProjectStored(name));
        }
        await Refused(new { enterpriseId = w.XiquEnterprise }, "enterpriseId");
        await Refused(new { chainId = w.XiquChain }, "chainId");
        await Refused(new { chainId = w.DazhouChain, nodeId = w.XiquNode }, "nodeId");
        await Refused(new { responsibleUnitId = w.XiquUnit }, "responsibleUnitId");

        // The caller's own chain, node and unit are taken, and the response names what the caller may see.
        var own = Unique("达州本地项目");
        var id = await ProjectApi.Create(dazhou, w.Dazhou, new { name = own, chainId = w.DazhouChain, nodeId = w.DazhouNode, responsibleUnitId = w.DazhouUnit, totalInvestment = 1m });
        var view = await dazhou.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        Assert.Equal((w.DazhouChain, w.DazhouUnit), (view.GetProperty("chainId").GetGuid(), view.GetProperty("responsibleUnitId").GetGuid()));
        Assert.StartsWith("引用测试链", view.GetProperty("chainName").GetString());

        // An update may not move it onto a foreign chain either.
        var moved = await dazhou.PutAsJsonAsync($"/api/v1/projects/{id}", new { project = new { name = own, chainId = w.XiquChain, totalInvestment = 1m }, version = view.GetProperty("version").GetInt32() });
        Assert.Contains("chainId", await NotFound(moved));
        await using var db = host.OpenSystem();
        Assert.Equal(w.DazhouChain, (await db.Projects.SingleAsync(p => p.Id == id)).ChainId);
    }

    [Fact]
    public async Task The_responsible_unit_may_be_the_callers_own_or_one_it_inherits_never_anothers()
    {
        var w = await Arrange();
        var xiqu = await host.ClientFor("xiqu.office");
        var city = await ProjectApi.Create(xiqu, w.Xiqu, new { name = Unique("市局负责项目"), responsibleUnitId = w.CityUnit, totalInvestment = 1m });
        var own = await ProjectApi.Create(xiqu, w.Xiqu, new { name = Unique("区局负责项目"), responsibleUnitId = w.XiquUnit, totalInvestment = 1m });
        Assert.Equal(w.CityUnit, (await xiqu.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{city}")).GetProperty("responsibleUnitId").GetGuid());
        Assert.Equal(w.XiquUnit, (await xiqu.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{own}")).GetProperty("responsibleUnitId").GetGuid());
        var name = Unique("外市局负责项目");
        Assert.Contains("responsibleUnitId", await NotFound(await xiqu.PostAsJsonAsync("/api/v1/projects",
            new { jurisdictionId = w.Xiqu, project = new { name, responsibleUnitId = w.DazhouUnit, totalInvestment = 1m } })));
        Assert.False(await ProjectStored(name));
    }

    [Fact]
    public async Task A_share_may_credit_a_neighbour_only_when_the_projects_chain_names_it()
    {
        var w = await Arrange();
        var xiqu = await host.ClientFor("xiqu.office");
        object Fields(string name, Guid? chainId) => new
        {
            name, chainId, totalInvestment = 100_000_000m,
            shares = new[] { new { localityId = w.Xiqu, investmentPercent = 60m, outputPercent = 60m }, new { localityId = w.Dongqu, investmentPercent = 40m, outputPercent = 40m } },
        };
        var unnamed = Unique("未约定分成项目");
        Assert.Contains("shares", await NotFound(await xiqu.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = w.Xiqu, project = Fields(unnamed, null) })));
        Assert.Contains("shares", await NotFound(await xiqu.PostAsJsonAsync("/api/v1/projects", new { jurisdictionId = w.Xiqu, project = Fields(unnamed, w.XiquChain) })));
        Assert.False(await ProjectStored(unnamed));

        // The city names 东区 as the chain's 协同发展地: now 西区 may credit it.
        await using (var db = host.OpenSystem())
        {
            var chain = await db.Chains.SingleAsync(c => c.Id == w.XiquChain);
            chain.CollaboratingJurisdictionIds = [w.Dongqu];
            await db.SaveChangesAsync();
        }
        var named = Unique("协同发展地分成项目");
        var id = await ProjectApi.Create(xiqu, w.Xiqu, Fields(named, w.XiquChain));
        var shares = (await xiqu.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("shares").EnumerateArray()
            .ToDictionary(s => s.GetProperty("localityId").GetGuid(), s => (s.GetProperty("localityName").GetString(), s.GetProperty("investmentPercent").GetDecimal()));
        Assert.Equal(("东区", 40m), shares[w.Dongqu]);
    }

    [Fact]
    public async Task An_import_resolves_codes_only_among_places_the_caller_may_write_and_credit()
    {
        await Arrange();
        var dazhou = await host.ClientFor("dazhou.office");
        Guid place;
        await using (var db = host.OpenSystem()) place = (await db.Jurisdictions.SingleAsync(j => j.Code == "511700")).Id;
        async Task<JsonElement> Refused(Dictionary<string, object?> row, string column)
        {
            var file = Workbooks.Rows("重点项目库", [row]);
            var response = await dazhou.PostAsync($"/api/v1/projects/import?jurisdictionId={place}", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "p.xlsx" } });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body.ToString());
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.Equal(column, error.GetProperty("column").GetString());
            Assert.False(await ProjectStored((string)row[ProjectExcel.Name]!));
            return error;
        }
        await Refused(new() { [ProjectExcel.Name] = Unique("导入到西区项目"), [ProjectExcel.Place] = "510403", [ProjectExcel.Total] = 100 }, ProjectExcel.Place);
        var share = await Refused(new() { [ProjectExcel.Name] = Unique("导入分成西区项目"), [ProjectExcel.Total] = 100, [ProjectExcel.SharesCol] = "510403:100:100" }, ProjectExcel.SharesCol);
        Assert.Contains("510403", share.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_import_may_credit_the_neighbour_its_rows_chain_names()
    {
        var w = await Arrange();
        string chainName;
        await using (var db = host.OpenSystem())
        {
            var chain = await db.Chains.SingleAsync(c => c.Id == w.XiquChain);
            chain.CollaboratingJurisdictionIds = [w.Dongqu];
            chainName = chain.Name;
            await db.SaveChangesAsync();
        }
        var xiqu = await host.ClientFor("xiqu.office");
        async Task<HttpResponseMessage> Import(string name, string? chain) => await xiqu.PostAsync($"/api/v1/projects/import?jurisdictionId={w.Xiqu}", new MultipartFormDataContent
        {
            { new ByteArrayContent(Workbooks.Rows("重点项目库", [new Dictionary<string, object?>
                { [ProjectExcel.Name] = name, [ProjectExcel.Total] = 100, [ProjectExcel.Chain] = chain, [ProjectExcel.SharesCol] = "510403:60:60;510402:40:40" }])), "file", "p.xlsx" },
        });
        var without = Unique("导入未约定分成项目");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Import(without, null)).StatusCode);
        Assert.False(await ProjectStored(without));
        var with = Unique("导入协同分成项目");
        var applied = await Import(with, chainName);
        Assert.True(applied.StatusCode == HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
        await using var check = host.OpenSystem();
        var id = (await check.Projects.SingleAsync(p => p.Name == with)).Id;
        Assert.Equal(40m, (await check.Set<ProjectShare>().SingleAsync(s => s.ProjectId == id && s.LocalityId == w.Dongqu)).InvestmentPercent);
    }

    [Fact]
    public async Task A_lead_may_refer_only_to_a_chain_and_node_the_caller_sees()
    {
        var w = await Arrange();
        var dazhou = await host.ClientFor("dazhou.office");
        async Task Refused(Guid? chainId, Guid? nodeId, string expected)
        {
            var name = Unique("外部引用线索");
            var response = await dazhou.PostAsJsonAsync("/api/v1/investment/leads", new { jurisdictionId = w.Dazhou, lead = new { name, investorName = "某投资方", chainId, nodeId } });
            Assert.Contains(expected, await NotFound(response));
            await using var db = host.OpenSystem();
            Assert.False(await db.Set<Lead>().AnyAsync(l => l.Name == name));
        }
        await Refused(w.XiquChain, null, "chainId");
        await Refused(w.DazhouChain, w.XiquNode, "nodeId");
        var ok = await dazhou.PostAsJsonAsync("/api/v1/investment/leads", new { jurisdictionId = w.Dazhou, lead = new { name = Unique("本地线索"), investorName = "某投资方", chainId = w.DazhouChain, nodeId = w.DazhouNode } });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }
}

public sealed class ForeignReferenceOnSqlite(SqliteHost host) : ForeignReferenceTests<SqliteHost>(host);
public sealed class ForeignReferenceOnPostgres(PostgresHost host) : ForeignReferenceTests<PostgresHost>(host);
