using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qianglian.Core.Supervision;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Shared.Excel;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Supervision;

/// <summary>
/// The problem ledger (问题台账) imported from .xlsx on both databases: the template, a clean file filed and routed as
/// the form files one, and refusals row by row with nothing stored unless the good rows alone are asked for.
/// </summary>
public abstract class ProblemImportTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private const string Green = "演示·西区绿色化工有限公司", Vanadium = "演示·西区钒钛新材料有限公司", Dazhou = "演示·达州能源化工有限公司";

    private static Dictionary<string, object?> Row(string? name, string category, string title, string? chain = null, string? source = null,
        string? reference = null, string? uscc = null) => new()
    {
        [ImportProblems.Uscc] = uscc, [ImportProblems.EnterpriseName] = name, [ImportProblems.Chain] = chain, [ImportProblems.Category] = category,
        [ImportProblems.Title] = title, [ImportProblems.Description] = title.Length == 0 ? "" : $"{title}：详细情况", [ImportProblems.Source] = source,
        [ImportProblems.SourceReference] = reference,
    };

    private async Task<HttpResponseMessage> Import(string user, IEnumerable<IDictionary<string, object?>> rows, string query = "")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Workbooks.Rows("问题台账", rows)), "file", "问题台账.xlsx" } };
        return await (await host.ClientFor(user)).PostAsync($"/api/v1/problems/import{query}", form);
    }

    private static async Task<JsonElement> Report(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<(int Row, string Column, string Message)> Errors(JsonElement report) =>
        report.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!)).ToList();

    private async Task<int> CountTitled(string prefix)
    {
        await using var db = host.OpenSystem();
        return await db.Problems.CountAsync(p => p.Title.StartsWith(prefix));
    }

    [Fact]
    public async Task The_template_has_the_chinese_headers_and_notes()
    {
        var response = await (await host.ClientFor("xiqu.office")).GetAsync("/api/v1/problems/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var book = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["统一社会信用代码", "企业名称", "产业链", "问题类别", "问题标题", "问题描述", "问题来源", "来源说明"], MiniExcel.GetColumns(book, useHeaderRow: true));
        Assert.Contains("填写说明", MiniExcel.GetSheetNames(book));
    }

    [Fact]
    public async Task A_clean_ledger_files_every_problem_routed_and_recorded_as_the_form_does()
    {
        string uscc;
        await using (var db = host.OpenSystem()) uscc = (await db.Enterprises.SingleAsync(e => e.Name == Vanadium)).Uscc;
        var report = await Report(await Import("xiqu.office",
        [
            Row(Green, "电力", "清洁导入·增容", chain: DemoChain.Name, source: "走访调研", reference: "6月走访"),
            Row(null, "融资", "清洁导入·贷款", uscc: uscc),
        ]), HttpStatusCode.OK);
        Assert.True(report.GetProperty("applied").GetBoolean());
        Assert.Equal(2, report.GetProperty("inserted").GetInt32());

        await using var check = host.OpenSystem();
        var filed = await check.Problems.Where(p => p.Title.StartsWith("清洁导入")).OrderBy(p => p.Title).ToListAsync();
        Assert.Equal(2, filed.Count);
        var power = filed.Single(p => p.Title == "清洁导入·增容");
        Assert.Equal((ProblemCategory.Power, ProblemSource.FieldVisit, "6月走访", EscalationLevel.Local), (power.Category, power.Source, power.SourceReference, power.Level));
        Assert.Equal((await check.Chains.SingleAsync(c => c.Name == DemoChain.Name)).Id, power.ChainId);
        Assert.Equal("西区融圈强链办", power.FiledBy);
        Assert.Equal(ProblemSource.Other, filed.Single(p => p.Title == "清洁导入·贷款").Source);
        var ids = filed.Select(p => p.Id).ToList();
        Assert.Equal(2, await check.ProblemSteps.CountAsync(s => ids.Contains(s.ProblemId) && s.Kind == ProblemStepKind.Filed));
        var keys = ids.Select(i => i.ToString()).ToList();
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.EntityType == "Problem" && a.UserName == "xiqu.office" && keys.Contains(a.EntityKey)));
    }

    [Fact]
    public async Task Bad_rows_are_named_by_row_and_column_and_nothing_is_stored_unless_good_rows_only_is_asked()
    {
        string greenUscc;
        await using (var db = host.OpenSystem()) greenUscc = (await db.Enterprises.SingleAsync(e => e.Name == Green)).Uscc;
        IDictionary<string, object?>[] rows =
        [
            Row(Green, "土地", "坏行导入·好的一行"),
            Row(Green, "交通", "坏行导入·类别"),
            Row(Green, "土地", ""),
            Row(Dazhou, "土地", "坏行导入·外辖区"),
            Row(Vanadium, "土地", "坏行导入·代码不符", uscc: greenUscc),
            Row(Green, "土地", "坏行导入·产业链", chain: "不存在的产业链"),
            Row(null, "土地", "坏行导入·无企业"),
        ];
        var refused = await Report(await Import("xiqu.office", rows), HttpStatusCode.UnprocessableEntity);
        Assert.False(refused.GetProperty("applied").GetBoolean());
        var errors = Errors(refused);
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "问题类别" && e.Message.Contains("“交通”应为 土地/电力/融资/审批/人才/市场/其他"));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "问题标题" && e.Message.Contains("问题标题不能为空"));
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "企业名称" && e.Message.Contains("不在本辖区内"));
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "企业名称" && e.Message.Contains($"不是“{Vanadium}”"));
        Assert.Contains(errors, e => e.Row == 7 && e.Column == "产业链" && e.Message.Contains("“不存在的产业链”不存在"));
        Assert.Contains(errors, e => e.Row == 8 && e.Column == "企业名称" && e.Message.Contains("至少填一项"));
        Assert.Equal(0, await CountTitled("坏行导入"));

        var partial = await Report(await Import("xiqu.office", rows, "?mode=GoodRowsOnly"), HttpStatusCode.OK);
        Assert.Equal((7, 1), (partial.GetProperty("rows").GetInt32(), partial.GetProperty("inserted").GetInt32()));
        Assert.Equal(6, Errors(partial).Select(e => e.Row).Distinct().Count());
        Assert.Equal(1, await CountTitled("坏行导入"));
    }

    [Fact]
    public async Task An_enterprise_imports_only_its_own_problems_as_self_service()
    {
        var refused = await Report(await Import("xiqu.enterprise",
        [
            Row(Green, "人才", "企业导入·自报"),
            Row(Green, "人才", "企业导入·冒充走访", source: "走访调研"),
            Row(Vanadium, "人才", "企业导入·别家"),
        ]), HttpStatusCode.UnprocessableEntity);
        var errors = Errors(refused);
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "问题来源" && e.Message.Contains("只能是“企业自主填报”"));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "企业名称");
        Assert.DoesNotContain(errors, e => e.Row == 2);
        await Report(await Import("xiqu.enterprise", [Row(Green, "人才", "企业导入·自报")]), HttpStatusCode.OK);
        await using var db = host.OpenSystem();
        Assert.Equal(ProblemSource.EnterpriseSelfService, (await db.Problems.SingleAsync(p => p.Title == "企业导入·自报")).Source);
        Assert.Equal(HttpStatusCode.Forbidden, (await Import("pzh.leader", [Row(Green, "人才", "领导导入")])).StatusCode);
    }
}

public sealed class ProblemImportOnSqlite(SqliteHost host) : ProblemImportTests<SqliteHost>(host);
public sealed class ProblemImportOnPostgres(PostgresHost host) : ProblemImportTests<PostgresHost>(host);
