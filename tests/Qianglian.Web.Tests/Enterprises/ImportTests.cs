using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Shared.Excel;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Enterprises;

/// <summary>Importing the registry from .xlsx: every bad row named, all-or-nothing by default, good rows on request.</summary>
public abstract class ImportTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static byte[] Workbook(params Dictionary<string, object?>[] rows) => Workbooks.Rows(EnterpriseExcel.SheetName, rows);

    private static Dictionary<string, object?> Row(string uscc, string name, string jurisdiction = "510403", string? industry = null, string? park = null) => new()
    {
        [EnterpriseExcel.Uscc] = uscc, [EnterpriseExcel.Name] = name, [EnterpriseExcel.Jurisdiction] = jurisdiction,
        [EnterpriseExcel.Park] = park, [EnterpriseExcel.Industry] = industry, [EnterpriseExcel.Listing] = "", [EnterpriseExcel.Cloud] = "否",
    };

    private static async Task<HttpResponseMessage> Post(HttpClient client, byte[] file, string query = "")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "enterprises.xlsx" } };
        return await client.PostAsync("/api/v1/enterprises/import" + query, form);
    }

    private async Task<int> Count()
    {
        await using var db = host.OpenSystem();
        return await db.Enterprises.CountAsync();
    }

    [Fact]
    public async Task A_file_with_bad_rows_changes_nothing_and_names_each_row_column_and_reason()
    {
        using var client = await host.ClientFor("xiqu.office");
        var good = RegistryTests<THost>.NewUscc("91510403MD9");
        var duplicate = RegistryTests<THost>.NewUscc("91510403MD9");
        var wrongCheck = RegistryTests<THost>.NewUscc("91510403MD9");
        wrongCheck = wrongCheck[..17] + (wrongCheck[17] == '0' ? '1' : '0');
        var file = Workbook(
            Row(good, "导入好企业", industry: "3130", park: "510403-YQ"),
            Row(wrongCheck, "校验位错企业"),
            Row(duplicate, "重复企业一"),
            Row(duplicate, "重复企业二"),
            Row(RegistryTests<THost>.NewUscc("91510403MD9"), "行业错企业", industry: "9999"),
            Row(RegistryTests<THost>.NewUscc("91511700MD9"), "外区企业", jurisdiction: "511700"));
        var before = await Count();

        var response = await Post(client, file);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("applied").GetBoolean());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Item1 == 3 && e.Item2 == "统一社会信用代码" && e.Item3.Contains("校验位"));
        Assert.Contains(errors, e => e.Item1 == 5 && e.Item2 == "统一社会信用代码" && e.Item3.Contains("与第4行重复"));
        Assert.Contains(errors, e => e.Item1 == 6 && e.Item2 == "行业代码");
        Assert.Contains(errors, e => e.Item1 == 7 && e.Item2 == "所属辖区代码");
        Assert.DoesNotContain(errors, e => e.Item1 == 2);
        Assert.Equal(before, await Count());

        var workbook = await Post(client, file, "?format=xlsx");
        using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(errors.Count, rows.Count);
        Assert.Equal(3d, Convert.ToDouble(rows[0]["行号"]));

        var partial = await Post(client, file, "?mode=GoodRowsOnly");
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var applied = await partial.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, applied.GetProperty("inserted").GetInt32()); // the good row and the first of the duplicates
        Assert.Equal(before + 2, await Count());
        await using var db = host.OpenSystem();
        var stored = await db.Enterprises.SingleAsync(e => e.Uscc == good);
        Assert.Equal(("3130", "510403-YQ"), (stored.IndustryCode, (await db.Jurisdictions.SingleAsync(j => j.Id == stored.ParkId)).Code));
    }

    [Fact]
    public async Task Importing_again_updates_by_code()
    {
        using var client = await host.ClientFor("xiqu.office");
        var uscc = RegistryTests<THost>.NewUscc("91510403ME1");
        Assert.Equal(HttpStatusCode.OK, (await Post(client, Workbook(Row(uscc, "旧名称")))).StatusCode);
        var second = await (await Post(client, Workbook(Row(uscc, "新名称")))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1), (second.GetProperty("inserted").GetInt32(), second.GetProperty("updated").GetInt32()));
        await using var db = host.OpenSystem();
        Assert.Equal("新名称", (await db.Enterprises.SingleAsync(e => e.Uscc == uscc)).Name);
    }

    [Fact]
    public async Task Garbage_and_renamed_headers_are_refused_whole()
    {
        using var client = await host.ClientFor("xiqu.office");
        var garbage = new byte[2 * 1024 * 1024];
        new Random(7).NextBytes(garbage);
        var refused = await (await Post(client, garbage)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("不是有效的 .xlsx", refused.GetProperty("errors")[0].GetProperty("message").GetString());

        var renamed = Workbooks.Rows("企业名录", [new Dictionary<string, object?> { ["信用代码"] = "x", ["企业名称"] = "y", ["所属辖区代码"] = "510403" }]);
        var report = await (await Post(client, renamed)).Content.ReadFromJsonAsync<JsonElement>();
        var messages = report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("缺少列“统一社会信用代码”"));
        Assert.Contains(messages, m => m!.Contains("未知的列“信用代码”"));
    }

    [Fact]
    public async Task The_template_has_the_chinese_headers_and_the_export_only_own_rows()
    {
        using var client = await host.ClientFor("xiqu.office");
        using var template = new MemoryStream(await client.GetByteArrayAsync("/api/v1/enterprises/template.xlsx"));
        Assert.Equal(EnterpriseExcel.Headers, MiniExcel.GetColumns(template, useHeaderRow: true));
        using var export = new MemoryStream(await client.GetByteArrayAsync("/api/v1/enterprises/export.xlsx"));
        var rows = export.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("510403", (string)r[EnterpriseExcel.Jurisdiction]));
    }

    [Fact]
    public async Task A_cancelled_import_writes_nothing()
    {
        var rows = Enumerable.Range(0, 1500).Select(i => Row(RegistryTests<THost>.NewUscc("91510403MF2"), $"批量企业{i}")).ToArray();
        using var file = new MemoryStream(Workbook(rows));
        var before = await Count();
        using var cancel = new CancellationTokenSource();
        // Cancel once the first batch is written: the transaction must roll everything back.
        var progress = new SynchronousProgress(p => { if (p.Stage == "写入") cancel.Cancel(); });
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Auth.CurrentUser>().Set(await Principal("xiqu.office"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            scope.ServiceProvider.GetRequiredService<ImportEnterprises>().Handle(file, ImportMode.AllOrNothing, progress, cancel.Token));
        Assert.Equal(before, await Count());
    }

    [Fact]
    public async Task The_console_import_runs_as_the_named_account_with_progress()
    {
        var rows = Enumerable.Range(0, 1200).Select(i => Row(RegistryTests<THost>.NewUscc("91510403MG3"), $"命令行企业{i}")).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"qianglian-import-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, Workbook(rows));
        var before = await Count();
        var (exit, output) = await HostCommand.RunAsync(host, "import", "enterprises", path, "--user=xiqu.office");
        Assert.True(exit == 0, output);
        Assert.Contains("新增 inserted 1200", output);
        Assert.Contains("写入 1200/1200 (100%)", output);
        Assert.Equal(before + 1200, await Count());
        await using var db = host.OpenSystem();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == "xiqu.office" && a.EntityType == "Enterprise" && a.Changes.Contains("命令行企业0")));

        var (refused, refusal) = await HostCommand.RunAsync(host, "import", "enterprises", path, "--user=dazhou.office");
        Assert.Equal(1, refused);
        Assert.Contains("未导入", refusal);
        Assert.True(File.Exists(Path.ChangeExtension(path, ".errors.xlsx")));
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> Principal(string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Auth.AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Auth.AppUser>>();
        return await factory.CreateAsync((await users.FindByNameAsync(userName))!);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

public sealed class ImportOnSqlite(SqliteHost host) : ImportTests<SqliteHost>(host);
public sealed class ImportOnPostgres(PostgresHost host) : ImportTests<PostgresHost>(host);

/// <summary>Yearly facts from .xlsx: 万元 stored as yuan, every bad cell named, unknown enterprises refused.</summary>
public abstract class FactsImportTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static Task<HttpResponseMessage> Post(HttpClient client, byte[] file) =>
        client.PostAsync("/api/v1/enterprises/facts/import", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "facts.xlsx" } });

    /// <summary>A sheet row with every column of the template (MiniExcel writes the first row's columns).</summary>
    private static Dictionary<string, object?> Facts(string uscc, int year, params (string Column, object Value)[] values)
    {
        var row = FactsExcel.Headers.ToDictionary(h => h, _ => (object?)null);
        (row["统一社会信用代码"], row["年度"]) = (uscc, year);
        foreach (var (column, value) in values) row[column] = value;
        return row;
    }

    [Fact]
    public async Task Facts_import_in_ten_thousands_and_refuse_bad_cells()
    {
        using var client = await host.ClientFor("xiqu.office");
        string uscc;
        await using (var db = host.OpenSystem()) uscc = (await db.Enterprises.FirstAsync(e => e.Name == "演示·西区钒钛新材料有限公司")).Uscc;
        var bad = Workbooks.Rows("企业年度数据",
        [
            Facts(uscc, 2023, ("营业收入（万元）", "很多")),
            Facts(uscc, 2022, ("从业人员（人）", -3)),
            Facts(RegistryTests<THost>.NewUscc("91510403MJ5"), 2022),
        ]);
        var refused = await Post(client, bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(2, "营业收入（万元）"), (3, "从业人员（人）"), (4, "统一社会信用代码")], errors);

        var good = Workbooks.Rows("企业年度数据", [Facts(uscc, 2023, ("营业收入（万元）", 2500.5), ("从业人员（人）", 380))]);
        Assert.Equal(HttpStatusCode.OK, (await Post(client, good)).StatusCode);
        await using (var db = host.OpenSystem())
        {
            var fact = await db.EnterpriseFacts.SingleAsync(f => f.Year == 2023 && db.Enterprises.Any(e => e.Id == f.EnterpriseId && e.Uscc == uscc));
            Assert.Equal(25_005_000m, fact.Revenue);
            Assert.Equal(380, fact.Employees);
        }
        using var export = new MemoryStream(await client.GetByteArrayAsync("/api/v1/enterprises/facts/export.xlsx?year=2023"));
        var rows = export.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["统一社会信用代码"] == uscc && Convert.ToDecimal(r["营业收入（万元）"]) == 2500.5m);
    }
}

public sealed class FactsImportOnSqlite(SqliteHost host) : FactsImportTests<SqliteHost>(host);
public sealed class FactsImportOnPostgres(PostgresHost host) : FactsImportTests<PostgresHost>(host);
