using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Policies;

/// <summary>Importing a document through the API: measures, unknown units reported, bad text refused whole.</summary>
public abstract class DocumentImportTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task Import_reports_unknown_units_and_keeps_them()
    {
        using var client = await host.ClientFor("xiqu.office");
        var response = await client.PostAsJsonAsync("/api/v1/documents", new
        {
            jurisdictionId = await Xiqu(),
            text = "测试文件\n一、甲措施。内容。\n〔责任单位：区经信局、区不存在局，园区管委会（逗号前为牵头单位，下同）〕\n二、乙措施。内容。\n〔责任单位：区财政局，各县（区）〕",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["区不存在局"], result.GetProperty("unknownUnits").EnumerateArray().Select(u => u.GetString()));
        var first = result.GetProperty("document").GetProperty("measures")[0];
        var lead = first.GetProperty("lead").EnumerateArray().ToList();
        Assert.Equal(("区经信局", "区经济和信息化局", "Abbreviation"), (lead[0].GetProperty("rawName").GetString(), lead[0].GetProperty("unitName").GetString(), lead[0].GetProperty("matchKind").GetString()));
        Assert.Equal(("区不存在局", "Unknown"), (lead[1].GetProperty("rawName").GetString(), lead[1].GetProperty("matchKind").GetString()));
        var second = result.GetProperty("document").GetProperty("measures")[1];
        Assert.Equal("CatchAll", second.GetProperty("cooperating")[0].GetProperty("matchKind").GetString());
    }

    [Fact]
    public async Task Text_without_measures_is_refused_and_nothing_is_stored()
    {
        using var client = await host.ClientFor("xiqu.office");
        int before;
        await using (var db = host.OpenSystem()) before = await db.PolicyDocuments.CountAsync();
        var response = await client.PostAsJsonAsync("/api/v1/documents", new { jurisdictionId = await Xiqu(), text = "只是一段说明。\n没有编号。" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("第 1 行", problem.GetProperty("errors").GetProperty("text")[0].GetString());
        await using (var db = host.OpenSystem()) Assert.Equal(before, await db.PolicyDocuments.CountAsync());
    }

    [Fact]
    public async Task A_dazhou_user_cannot_import_into_xiqu()
    {
        using var client = await host.ClientFor("dazhou.office");
        var response = await client.PostAsJsonAsync("/api/v1/documents", new { jurisdictionId = await Xiqu(), text = "一、甲措施。内容。" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Guid> Xiqu()
    {
        await using var db = host.OpenSystem();
        return (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id;
    }
}

public sealed class DocumentImportOnSqlite(SqliteHost host) : DocumentImportTests<SqliteHost>(host);
public sealed class DocumentImportOnPostgres(PostgresHost host) : DocumentImportTests<PostgresHost>(host);
