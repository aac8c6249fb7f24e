using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qianglian.Web.Api;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Shared.Excel;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Incentives;

/// <summary>
/// The payment ledger (兑付台账) imported from .xlsx on both databases: the template, a clean file paying instalments
/// and a lump sum in one go, and refusals row by row — paying beyond the approval names its row — with nothing
/// written unless the good rows alone are asked for.
/// </summary>
public abstract class PaymentImportTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture, IClockHost
{
    private readonly IncentiveApi api = new(host);
    private string Today => BusinessDate.Of(host.Clock.GetUtcNow()).ToString("yyyy-MM-dd");

    private static Dictionary<string, object?> Row(string number, decimal wan, string paidOn, string voucher, string? enterprise = null) => new()
    {
        [ImportPayments.Number] = number, [ImportPayments.EnterpriseName] = enterprise, [ImportPayments.Amount] = wan,
        [ImportPayments.PaidOn] = paidOn, [ImportPayments.Voucher] = voucher,
    };

    private static async Task<HttpResponseMessage> Import(HttpClient client, IEnumerable<IDictionary<string, object?>> rows, string query = "")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Workbooks.Rows("兑付台账", rows)), "file", "兑付台账.xlsx" } };
        return await client.PostAsync($"/api/v1/incentives/payments/import{query}", form);
    }

    private async Task<int> PaymentsOf(Guid application)
    {
        await using var db = host.OpenSystem();
        return await db.Set<IncentivePayment>().CountAsync(p => p.ApplicationId == application);
    }

    private static List<(int Row, string Column, string Message)> Errors(JsonElement report) =>
        report.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!)).ToList();

    [Fact]
    public async Task The_template_has_the_chinese_headers_and_notes()
    {
        var response = await (await api.As("xiqu.czj")).GetAsync("/api/v1/incentives/payments/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var book = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["申报编号", "辖区代码", "企业名称", "支付金额（万元）", "支付日期", "凭证号"], MiniExcel.GetColumns(book, useHeaderRow: true));
        Assert.Contains("填写说明", MiniExcel.GetSheetNames(book));
    }

    [Fact]
    public async Task A_clean_ledger_records_every_payment_and_moves_paid_files_to_archive()
    {
        var (split, splitNumber) = await api.AtPayment("台账导入·分期项目", approvedWan: 200, instalments: 2);
        var (lump, lumpNumber) = await api.AtPayment("台账导入·一次性项目", approvedWan: 150);
        var czj = await api.As("xiqu.czj");
        var report = await Json(await Import(czj,
        [
            Row(splitNumber, 120, Today, "XQCZ-IMP-001", "演示·西区绿色化工有限公司"),
            Row(lumpNumber, 150, Today, "XQCZ-IMP-002"),
            Row(splitNumber, 80, Today, "XQCZ-IMP-003"),
        ]), HttpStatusCode.OK);
        Assert.True(report.GetProperty("applied").GetBoolean());
        Assert.Equal(3, report.GetProperty("inserted").GetInt32());

        var first = (await Detail(czj, split)).GetProperty("summary");
        Assert.Equal("archive", first.GetProperty("state").GetString());
        Assert.Equal(200 * Wan, first.GetProperty("paidAmount").GetDecimal());
        var second = (await Detail(czj, lump)).GetProperty("summary");
        Assert.Equal("archive", second.GetProperty("state").GetString());
        var payments = (await Detail(czj, split)).GetProperty("payments").EnumerateArray()
            .Select(p => (p.GetProperty("instalment").GetInt32(), p.GetProperty("amount").GetDecimal(), p.GetProperty("voucher").GetString())).ToList();
        Assert.Equal([(1, 120 * Wan, "XQCZ-IMP-001"), (2, 80 * Wan, "XQCZ-IMP-003")], payments);
        await using var db = host.OpenSystem();
        // Keys formatted here, not in SQL: SQLite stores a Guid as upper-case text.
        var ids = (await db.Set<IncentivePayment>().Where(p => p.ApplicationId == split).Select(p => p.Id).ToListAsync()).Select(i => i.ToString()).ToList();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "IncentivePayment" && a.UserName == "xiqu.czj" && ids.Contains(a.EntityKey)));
    }

    [Fact]
    public async Task Paying_beyond_the_approval_is_refused_naming_the_row_and_nothing_is_written()
    {
        var (id, number) = await api.AtPayment("台账导入·超额项目", approvedWan: 100, instalments: 3);
        var czj = await api.As("xiqu.czj");
        var report = await Json(await Import(czj,
        [
            Row(number, 40, Today, "XQCZ-OVER-1"),
            Row(number, 70, Today, "XQCZ-OVER-2"),
            Row("2026-9999", 10, Today, "XQCZ-OVER-3"),
            Row(number, 30, "2099-01-01", "XQCZ-OVER-1"),
            Row(number, 5, Today, "XQCZ-OVER-4", "别的企业"),
        ]), HttpStatusCode.UnprocessableEntity);
        Assert.False(report.GetProperty("applied").GetBoolean());
        var errors = Errors(report);
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "支付金额（万元）"
            && e.Message.Contains($"申报 {number}") && e.Message.Contains("兑付金额超过审定额度：审定 100万元，已兑付 40万元，本次 70万元"));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "申报编号" && e.Message.Contains("“2026-9999”不存在"));
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "凭证号" && e.Message.Contains("已登记凭证号 XQCZ-OVER-1"));
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "企业名称" && e.Message.Contains("不是“别的企业”"));
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Equal(0, await PaymentsOf(id));
        Assert.Equal(0m, (await Detail(czj, id)).GetProperty("summary").GetProperty("paidAmount").GetDecimal());
    }

    [Fact]
    public async Task Only_the_payment_stage_unit_imports_and_a_file_at_another_stage_is_named()
    {
        var (id, number) = await api.AtPayment("台账导入·单位项目", approvedWan: 100);
        var jxj = await api.As("xiqu.jxj");
        var report = await Json(await Import(jxj, [Row(number, 100, Today, "XQCZ-UNIT-1")]), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(Errors(report), e => e.Row == 2 && e.Column == "申报编号" && e.Message.Contains("“区财政局兑付”环节须由区财政局办理"));

        var enterprise = await api.As("xiqu.enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await Import(enterprise, [Row(number, 100, Today, "XQCZ-UNIT-2")])).StatusCode);

        var czj = await api.As("xiqu.czj");
        await Json(await Import(czj, [Row(number, 100, Today, "XQCZ-UNIT-3")]), HttpStatusCode.OK);
        var again = await Json(await Import(czj, [Row(number, 1, Today, "XQCZ-UNIT-4")]), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(Errors(again), e => e.Row == 2 && e.Message.Contains("不在兑付环节"));
        Assert.Equal(1, await PaymentsOf(id));
    }

    [Fact]
    public async Task Good_rows_only_writes_the_good_rows_and_reports_the_rest()
    {
        var (id, number) = await api.AtPayment("台账导入·部分项目", approvedWan: 90, instalments: 2);
        var czj = await api.As("xiqu.czj");
        var report = await Json(await Import(czj,
        [
            Row(number, 50, Today, "XQCZ-GOOD-1"),
            Row(number, 30, Today, "XQCZ-GOOD-2"),
            Row(number, 40, Today, "XQCZ-GOOD-3"),
        ], "?mode=GoodRowsOnly"), HttpStatusCode.OK);
        Assert.Equal(2, report.GetProperty("inserted").GetInt32());
        Assert.Contains(Errors(report), e => e.Row == 3 && e.Message.Contains("最后一期（共2期），须付清余额 40万元"));
        var summary = (await Detail(czj, id)).GetProperty("summary");
        Assert.Equal(90 * Wan, summary.GetProperty("paidAmount").GetDecimal());
        Assert.Equal("archive", summary.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_voucher_pays_once_per_fund_and_year_by_form_by_ledger_and_by_the_index()
    {
        // Both applications pay from 西区 measure 七's fund: a voucher used on one cannot pay the other, nor the same one twice.
        var (first, _) = await api.AtPayment("凭证唯一·甲项目", approvedWan: 100, instalments: 2);
        var (second, secondNumber) = await api.AtPayment("凭证唯一·乙项目", approvedWan: 50);
        var czj = await api.As("xiqu.czj");
        await Json(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{first}/payments",
            new { amount = 40 * Wan, paidOn = Today, voucher = "XQCZ-ONCE-1", version = await Version(czj, first) }), HttpStatusCode.OK);

        var again = await Error(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{first}/payments",
            new { amount = 60 * Wan, paidOn = Today, voucher = " XQCZ-ONCE-1 ", version = await Version(czj, first) }), HttpStatusCode.BadRequest, "voucher");
        Assert.Contains("XQCZ-ONCE-1", again);
        var other = await Error(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{second}/payments",
            new { amount = 50 * Wan, paidOn = Today, voucher = "XQCZ-ONCE-1", version = await Version(czj, second) }), HttpStatusCode.BadRequest, "voucher");
        Assert.Contains("不得重复", other);

        var report = await Json(await Import(czj, [Row(secondNumber, 50, Today, "XQCZ-ONCE-1")]), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(Errors(report), e => e.Row == 2 && e.Column == ImportPayments.Voucher && e.Message.Contains("不得重复"));
        Assert.Equal(1, await PaymentsOf(first));
        Assert.Equal(0, await PaymentsOf(second));

        // Past the check (two requests at once), the unique index refuses the second row, answered as a conflict on the voucher.
        await using var db = host.OpenSystem();
        var stored = await db.Set<IncentivePayment>().AsNoTracking().SingleAsync(p => p.ApplicationId == first);
        Assert.Equal(BusinessDate.Of(host.Clock.GetUtcNow()).Year, stored.Year);
        db.Add(new IncentivePayment
        {
            JurisdictionId = stored.JurisdictionId, ApplicationId = second, EnterpriseId = stored.EnterpriseId, Instalment = 1, Amount = 1m,
            PaidOn = stored.PaidOn, Voucher = stored.Voucher, FundJurisdictionId = stored.FundJurisdictionId, Fund = stored.Fund, Year = stored.Year,
        });
        Assert.Equal("voucher", (await Assert.ThrowsAsync<ConflictException>(() => db.SaveChangesAsync())).Field);
    }

    [Fact]
    public async Task A_sheet_with_a_missing_column_is_refused_before_any_row()
    {
        var czj = await api.As("xiqu.czj");
        var rows = new[] { (IDictionary<string, object?>)new Dictionary<string, object?> { ["申报编号"] = "2026-0001", ["支付金额（万元）"] = 1 } };
        var report = await Json(await Import(czj, rows), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(Errors(report), e => e.Row == 1 && e.Column == "支付日期");
        Assert.Contains(Errors(report), e => e.Row == 1 && e.Column == "凭证号");
    }
}

public sealed class PaymentImportOnSqlite(SqliteIncentiveHost host) : PaymentImportTests<SqliteIncentiveHost>(host);
public sealed class PaymentImportOnPostgres(PostgresIncentiveHost host) : PaymentImportTests<PostgresIncentiveHost>(host);
