using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Shared.Excel;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Chains;

/// <summary>Node trees out to .xlsx and back in, with bad rows refusing the whole file.</summary>
public abstract class NodeTreeExcelTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static Dictionary<string, object?> Row(string node, string? parent, string stage = "中游", string kind = "产品", object? demand = null, string? industry = null)
    {
        var row = new Dictionary<string, object?> { ["环节"] = node, ["上级环节"] = parent, ["位置"] = stage, ["类型"] = kind, ["需求（万元/年）"] = demand };
        if (industry is not null) row["行业代码"] = industry;
        return row;
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, Guid chain, byte[] file) =>
        client.PostAsync($"/api/v1/chains/{chain}/tree", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "tree.xlsx" } });

    private async Task<(HttpClient, Guid)> NewChain()
    {
        var client = await host.ClientFor("xiqu.office");
        Guid xiqu;
        await using (var db = host.OpenSystem()) xiqu = (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
        var created = await client.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = xiqu, name = $"导入树链{Guid.NewGuid():N}"[..9] });
        return (client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_tree_imports_and_exports_in_the_same_columns()
    {
        var (client, chain) = await NewChain();
        var file = Workbooks.Rows("环节树", [Row("钛精矿", null, "上游", "原材料", 50000), Row("钛白粉", "钛精矿"), Row("涂料", "钛白粉", "下游")]);
        var response = await Post(client, chain, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var nodes = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}")).GetProperty("nodes").EnumerateArray().ToList();
        var byName = nodes.ToDictionary(n => n.GetProperty("name").GetString()!);
        Assert.Equal(byName["钛白粉"].GetProperty("id").GetGuid(), byName["涂料"].GetProperty("parentId").GetGuid());
        Assert.Equal(500_000_000m, byName["钛精矿"].GetProperty("demand").GetDecimal());

        var exported = await client.GetByteArrayAsync($"/api/v1/chains/{chain}/tree.xlsx");
        var again = await (await Post(client, chain, exported)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 3), (again.GetProperty("inserted").GetInt32(), again.GetProperty("updated").GetInt32()));
    }

    [Fact]
    public async Task Industry_codes_round_trip_are_checked_and_survive_a_sheet_without_the_column()
    {
        var (client, chain) = await NewChain();
        var withCodes = Workbooks.Rows("环节树", [Row("海绵钛", null, industry: "C3219"), Row("检验检测", null, "配套服务", "服务", industry: "")]);
        Assert.Equal(HttpStatusCode.OK, (await Post(client, chain, withCodes)).StatusCode);
        JsonElement Node(JsonElement chainView, string name) => chainView.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == name);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}");
        Assert.Equal("3219", Node(stored, "海绵钛").GetProperty("industryCode").GetString());
        Assert.Equal(JsonValueKind.Null, Node(stored, "检验检测").GetProperty("industryCode").ValueKind);

        var exported = await client.GetByteArrayAsync($"/api/v1/chains/{chain}/tree.xlsx");
        Assert.Contains("3219", string.Join("|", MiniExcelLibs.MiniExcel.Query(new MemoryStream(exported), useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r["行业代码"])));

        var bad = await Post(client, chain, Workbooks.Rows("环节树", [Row("海绵钛", null, industry: "C9999")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("行业代码", await bad.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await Post(client, chain, Workbooks.Rows("环节树", [Row("海绵钛", null)]))).StatusCode);
        Assert.Equal("3219", Node(await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}"), "海绵钛").GetProperty("industryCode").GetString());
    }

    [Fact]
    public async Task Bad_rows_and_cycles_refuse_the_whole_file()
    {
        var (client, chain) = await NewChain();
        var bad = Workbooks.Rows("环节树", [Row("甲", null), Row("乙", "不存在的环节"), Row("丙", null, "外太空")]);
        var refused = await Post(client, chain, bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "上级环节"), errors);
        Assert.Contains((4, "位置"), errors);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}")).GetProperty("nodes").EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await Post(client, chain, Workbooks.Rows("环节树", [Row("甲", null), Row("乙", "甲")]))).StatusCode);
        var cycle = await Post(client, chain, Workbooks.Rows("环节树", [Row("甲", "乙")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.StatusCode);
        Assert.Contains("下级", await cycle.Content.ReadAsStringAsync());
    }
}

/// <summary>The enterprises on a chain's nodes, out to .xlsx and back in.</summary>
public abstract class LinkExcelTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task Links_round_trip_and_bad_rows_refuse_the_file()
    {
        using var client = await host.ClientFor("xiqu.office");
        Guid chain;
        string uscc;
        await using (var db = host.OpenSystem())
        {
            chain = (await db.Chains.SingleAsync(c => c.Name == Web.Hosting.DemoChain.Name)).Id;
            uscc = (await db.Enterprises.SingleAsync(e => e.Name == "演示·西区检验检测服务有限公司")).Uscc;
        }
        var exported = await client.GetByteArrayAsync($"/api/v1/chains/{chain}/links.xlsx");
        var again = await client.PostAsync($"/api/v1/chains/{chain}/links", new MultipartFormDataContent { { new ByteArrayContent(exported), "file", "links.xlsx" } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inserted").GetInt32());

        var row = (string node, string role, string evidence, string? note) => new Dictionary<string, object?>
            { ["统一社会信用代码"] = uscc, ["环节"] = node, ["链上角色"] = role, ["依据强度"] = evidence, ["依据说明"] = note };
        var bad = Workbooks.Rows("链上企业", [row("不存在的环节", "链属", "待核实", null), row("钛合金材料", "老板", "已确认", null)]);
        var refused = await client.PostAsync($"/api/v1/chains/{chain}/links", new MultipartFormDataContent { { new ByteArrayContent(bad), "file", "links.xlsx" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var columns = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("column").GetString()).ToList();
        Assert.Equal(["环节", "链上角色", "依据说明"], columns);

        var good = Workbooks.Rows("链上企业", [row("钛合金材料", "配套", "已确认", "检测合同")]);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/chains/{chain}/links", new MultipartFormDataContent { { new ByteArrayContent(good), "file", "links.xlsx" } })).StatusCode);
        var map = await client.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/map");
        Assert.Equal("Weak", map.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "钛合金材料").GetProperty("gap").GetProperty("kind").GetString());
    }
}

public sealed class LinkExcelOnSqlite(SqliteHost host) : LinkExcelTests<SqliteHost>(host);
public sealed class LinkExcelOnPostgres(PostgresHost host) : LinkExcelTests<PostgresHost>(host);

public sealed class NodeTreeExcelOnSqlite(SqliteHost host) : NodeTreeExcelTests<SqliteHost>(host);
public sealed class NodeTreeExcelOnPostgres(PostgresHost host) : NodeTreeExcelTests<PostgresHost>(host);
