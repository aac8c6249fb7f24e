using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Enterprises;

/// <summary>
/// Industry codes as GB/T 4754-2017 lists them (issue 14, item 10), on both databases: a code the standard lacks is
/// refused naming the nearest level it has, wherever a code is entered; a code is shown and exported with its name;
/// the demo's enterprises, chain nodes, projects, targets and leads all carry classes of the standard.
/// </summary>
public abstract class IndustryCodeTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private const string Refusal = "C2618 不在GB/T 4754-2017中；最接近的有效层级为 C261 基础化学原料制造";

    private async Task<Guid> Xiqu()
    {
        await using var db = host.OpenSystem();
        return (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
    }

    private static async Task<string> FieldError(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task A_class_the_standard_lacks_is_refused_for_an_enterprise_and_a_chain_node_naming_the_nearest_level()
    {
        using var client = await host.ClientFor("xiqu.office");
        var enterprise = await client.PostAsJsonAsync("/api/v1/enterprises",
            new { jurisdictionId = await Xiqu(), uscc = RegistryTests<THost>.NewUscc("91510403MJ5"), name = "不存在小类企业", industryCode = "C2618" });
        Assert.Contains(Refusal, await FieldError(enterprise, "industryCode"));

        var chain = (await (await client.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = await Xiqu(), name = "行业代码测试产业链" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var node = await client.PostAsJsonAsync($"/api/v1/chains/{chain}/nodes", new { name = "不存在小类环节", stage = "Midstream", kind = "Product", industryCode = "2618" });
        Assert.Contains(Refusal, await FieldError(node, "industryCode"));

        await using var db = host.OpenSystem();
        Assert.False(await db.Enterprises.AnyAsync(e => e.Name == "不存在小类企业"));
        Assert.False(await db.ChainNodes.AnyAsync(n => n.Name == "不存在小类环节"));
    }

    /// <summary>Targets, leads and projects take codes through the same check: the same refusal, on the field, nothing stored.</summary>
    [Fact]
    public async Task Targets_leads_and_projects_refuse_a_class_the_standard_lacks_the_same_way()
    {
        using var client = await host.ClientFor("xiqu.office");
        Guid chain, node;
        await using (var db = host.OpenSystem())
        {
            chain = (await db.Chains.SingleAsync(c => c.Name == Web.Hosting.DemoChain.Name)).Id;
            node = (await db.ChainNodes.SingleAsync(n => n.ChainId == chain && n.Name == "钛合金材料")).Id;
        }
        var target = await client.PostAsJsonAsync("/api/v1/investment/targets", new
            { chainId = chain, target = new { nodeId = node, enterpriseName = "小类不存在目标企业", purpose = "Fill", source = "ByBusiness", industryCode = "2618" } });
        Assert.Contains(Refusal, await FieldError(target, "industryCode"));
        var lead = await client.PostAsJsonAsync("/api/v1/investment/leads", new
            { jurisdictionId = await Xiqu(), lead = new { name = "小类不存在线索", investorName = "某投资方", plannedInvestment = 1m, industryCode = "C2618" } });
        Assert.Contains(Refusal, await FieldError(lead, "industryCode"));
        var project = await client.PostAsJsonAsync("/api/v1/projects", new
            { jurisdictionId = await Xiqu(), project = new { name = "小类不存在项目", totalInvestment = 1m, industryCode = "2618" } });
        Assert.Contains(Refusal, await FieldError(project, "industryCode"));

        await using var check = host.OpenSystem();
        Assert.False(await check.Set<Web.Modules.Investment.TargetEnterprise>().AnyAsync(t => t.EnterpriseName == "小类不存在目标企业"));
        Assert.False(await check.Set<Web.Modules.Investment.Lead>().AnyAsync(l => l.Name == "小类不存在线索"));
        Assert.False(await check.Projects.AnyAsync(p => p.Name == "小类不存在项目"));
    }

    [Fact]
    public async Task A_code_is_shown_and_exported_with_its_name_and_the_export_reads_back()
    {
        using var client = await host.ClientFor("xiqu.office");
        var uscc = RegistryTests<THost>.NewUscc("91510403MJ6");
        var created = await client.PostAsJsonAsync("/api/v1/enterprises", new { jurisdictionId = await Xiqu(), uscc, name = "有机化学原料企业", industryCode = "c2614" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("2614", "C2614 有机化学原料制造"), (view.GetProperty("industryCode").GetString(), view.GetProperty("industryLabel").GetString()));

        using var export = new MemoryStream(await client.GetByteArrayAsync("/api/v1/enterprises/export.xlsx"));
        var row = export.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Single(r => (string)r[EnterpriseExcel.Uscc] == uscc);
        Assert.Equal("C2614 有机化学原料制造", row[EnterpriseExcel.Industry]);

        // the exported label is read back as its code; a label whose name is not the standard's is refused
        var again = await client.PostAsJsonAsync("/api/v1/enterprises",
            new { jurisdictionId = await Xiqu(), uscc = RegistryTests<THost>.NewUscc("91510403MJ6"), name = "标签录入企业", industryCode = "C2614 有机化学原料制造" });
        Assert.Equal("2614", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("industryCode").GetString());
        var wrongName = await client.PostAsJsonAsync("/api/v1/enterprises",
            new { jurisdictionId = await Xiqu(), uscc = RegistryTests<THost>.NewUscc("91510403MJ6"), name = "名称不符企业", industryCode = "C2614 无机酸制造" });
        Assert.Contains("有机化学原料制造", await FieldError(wrongName, "industryCode"));
    }

    [Fact]
    public async Task Chain_nodes_show_their_industry_by_name()
    {
        using var client = await host.ClientFor("xiqu.office");
        await using var db = host.OpenSystem();
        var chain = await db.Chains.SingleAsync(c => c.Name == Web.Hosting.DemoChain.Name);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain.Id}");
        var pigment = view.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "钛白粉");
        Assert.Equal("C2643 工业颜料制造", pigment.GetProperty("industryLabel").GetString());
    }

    [Fact]
    public async Task Every_code_in_the_demo_data_is_a_class_of_the_standard()
    {
        await using var db = host.OpenSystem();
        var codes = new List<(string Where, string Code)>();
        codes.AddRange((await db.Enterprises.Where(e => e.IndustryCode != null && e.Name.StartsWith("演示")).Select(e => new { e.Name, e.IndustryCode }).ToListAsync())
            .Select(e => ("企业 " + e.Name, e.IndustryCode!)));
        codes.AddRange((await db.ChainNodes.Where(n => n.IndustryCode != null).Select(n => new { n.Name, n.IndustryCode }).ToListAsync())
            .Select(n => ("环节 " + n.Name, n.IndustryCode!)));
        codes.AddRange((await db.Projects.Where(p => p.IndustryCode != null && p.Name.StartsWith("演示")).Select(p => new { p.Name, p.IndustryCode }).ToListAsync())
            .Select(p => ("项目 " + p.Name, p.IndustryCode!)));
        codes.AddRange((await db.Set<Web.Modules.Investment.TargetEnterprise>().Where(t => t.IndustryCode != null).Select(t => new { t.EnterpriseName, t.IndustryCode }).ToListAsync())
            .Select(t => ("目标企业 " + t.EnterpriseName, t.IndustryCode!)));
        codes.AddRange((await db.Set<Web.Modules.Investment.Lead>().Where(l => l.IndustryCode != null && l.Name.StartsWith("演示")).Select(l => new { l.Name, l.IndustryCode }).ToListAsync())
            .Select(l => ("线索 " + l.Name, l.IndustryCode!)));
        Assert.NotEmpty(codes);
        var notClasses = codes.Where(c => IndustryClassification.Find(c.Code)?.Level != IndustryLevel.Class).Select(c => $"{c.Where}: {c.Code}").ToList();
        Assert.True(notClasses.Count == 0, string.Join("；", notClasses));
    }
}

public sealed class IndustryCodeOnSqlite(SqliteHost host) : IndustryCodeTests<SqliteHost>(host);
public sealed class IndustryCodeOnPostgres(PostgresHost host) : IndustryCodeTests<PostgresHost>(host);
