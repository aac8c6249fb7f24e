using Qianglian.Core.Projects;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Incentives.IncentiveApi;

namespace Qianglian.Web.Tests.Incentives;

/// <summary>
/// 西区 measure 十 through the API on both databases: an application from draft to archive with every stage's own
/// unit, and every refusal of the issue — each with its reason, nothing changed.
/// </summary>
public abstract class IncentiveWorkflowTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture, IClockHost
{
    private readonly IncentiveApi api = new(host);

    /// <summary>Today on the host's clock (a test may have moved it on).</summary>
    private DateOnly Today => BusinessDate.Of(host.Clock.GetUtcNow());
    private string TodayText => Today.ToString("yyyy-MM-dd");

    private async Task<Guid> Draft(HttpClient client, Guid project, string measureKey, string? category = null) =>
        (await Json(await client.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = await api.Measure(measureKey), projectId = project, category }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task A_xiqu_application_walks_from_submission_to_archive_each_stage_by_its_own_unit()
    {
        var project = await api.Project("工作流·智改数转项目", ProjectFlags.ChainLeader, equipmentWan: 2800, newOutputWan: 1000);
        var enterprise = await api.As("xiqu.enterprise");
        var id = await Draft(enterprise, project, "xiqu.7", "智改数转");
        var draft = await Detail(enterprise, id);
        Assert.Equal("draft", draft.GetProperty("summary").GetProperty("state").GetString());
        Assert.Equal(224 * Wan, draft.GetProperty("summary").GetProperty("ceiling").GetDecimal());
        Assert.Equal("设备投资 2,800万元 × 8%（智改数转） = 224万元 ≤ 上限 250万元", draft.GetProperty("explanation").GetProperty("formula").GetString());
        Assert.Equal(6, draft.GetProperty("checklist").GetArrayLength());

        await UploadXiquChecklist(enterprise, id);
        var submitted = await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK);
        Assert.Equal("intake", submitted.GetProperty("state").GetString());
        // 西区 times its stages in working days (no holidays are on this fixture's calendar).
        Assert.Equal(HolidayCalendar.WeekendsOnly.AddWorkingDays(Today, 5).ToString("yyyy-MM-dd"), submitted.GetProperty("stageDueOn").GetString());

        var jxj = await api.As("xiqu.jxj");
        var fgj = await api.As("xiqu.fgj");
        var czj = await api.As("xiqu.czj");
        await Transition(jxj, id, "Pass", "资料齐全，予以受理");
        await Json(await fgj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/opinions", new { text = "符合产业政策，同意" }), HttpStatusCode.NoContent);
        await Json(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/opinions", new { text = "资金来源为区级工业发展专项资金，同意" }), HttpStatusCode.NoContent);
        await Transition(jxj, id, "Pass", "会商通过");
        Assert.Equal("study", (await Detail(jxj, id)).GetProperty("summary").GetProperty("state").GetString());

        var chief = await api.As("xiqu.chief");
        await Transition(chief, id, "Pass", "专题研究同意支持");
        var approver = await api.As("xiqu.approver");
        var approved = await Json(await approver.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/approval", new
        {
            amount = 200 * Wan, paymentMethod = "Instalments", instalments = 2, opinion = "区政府常务会审定", version = await Version(approver, id),
        }), HttpStatusCode.OK);
        Assert.Equal("payment", approved.GetProperty("state").GetString());
        Assert.Equal(200 * Wan, approved.GetProperty("approvedAmount").GetDecimal());

        await Json(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/payments",
            new { amount = 120 * Wan, paidOn = TodayText, voucher = "XQCZ-2026-001", version = await Version(czj, id) }), HttpStatusCode.OK);
        var paid = await Json(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/payments",
            new { amount = 80 * Wan, paidOn = TodayText, voucher = "XQCZ-2026-002", version = await Version(czj, id) }), HttpStatusCode.OK);
        Assert.Equal("archive", paid.GetProperty("state").GetString());
        Assert.Equal(200 * Wan, paid.GetProperty("paidAmount").GetDecimal());
        await Transition(jxj, id, "Pass", "资料归档");

        var final = await Detail(enterprise, id);
        Assert.Equal("archived", final.GetProperty("summary").GetProperty("state").GetString());
        var actions = final.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("userName").GetString())).ToList();
        Assert.Equal([("Created", "xiqu.enterprise"), ("Submitted", "xiqu.enterprise"), ("Passed", "xiqu.jxj"), ("Opinion", "xiqu.fgj"), ("Opinion", "xiqu.czj"),
            ("Passed", "xiqu.jxj"), ("Passed", "xiqu.chief"), ("Approved", "xiqu.approver"), ("Paid", "xiqu.czj"), ("Paid", "xiqu.czj"), ("Archived", "xiqu.jxj")], actions);

        // Every move is in the audit log, and the approval form carries the explanation and every opinion.
        await using (var db = host.OpenSystem())
            Assert.True(await db.AuditEntries.CountAsync(a => a.EntityType == "IncentiveApplication" && a.EntityKey == id.ToString()) >= 9);
        var form = await jxj.GetAsync($"/api/v1/incentives/applications/{id}/form.docx");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await form.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("设备投资 2,800万元 × 8%（智改数转） = 224万元 ≤ 上限 250万元", text);
            Assert.Contains("区级财政按核定项目设备（含软件）投资的3%、5%、5%、8%给予激励", text);
            Assert.Contains("资金来源为区级工业发展专项资金，同意", text);
            Assert.Contains("专题研究同意支持", text);
            Assert.Contains("审定支持额度 200万元（核定上限 224万元），分2期支付", text);
        }
        var ledger = await jxj.GetAsync("/api/v1/incentives/payments.xlsx?year=2026");
        var rows = (await ledger.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["凭证号"] == "XQCZ-2026-002" && Convert.ToDecimal(r["支付金额（万元）"]) == 80m);
        var disclosure = await jxj.GetAsync("/api/v1/incentives/disclosure.xlsx?year=2026");
        var listed = (await disclosure.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(listed, r => (string)r["项目名称"] == "工作流·智改数转项目" && Convert.ToDecimal(r["审定金额（万元）"]) == 200m);
    }

    [Fact]
    public async Task Only_the_stage_unit_acts_consultation_waits_for_every_opinion_and_a_return_comes_back_round()
    {
        var project = await api.Project("工作流·退回项目", ProjectFlags.MajorLeading, equipmentWan: 8000, newOutputWan: 3000);
        var enterprise = await api.As("xiqu.enterprise");
        var id = await Draft(enterprise, project, "xiqu.6");
        await UploadXiquChecklist(enterprise, id);
        await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK);

        var czj = await api.As("xiqu.czj");
        var wrongUnit = await Error(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/transitions",
            new { trigger = "Pass", version = await Version(czj, id) }), HttpStatusCode.Forbidden);
        Assert.Contains("“区经信局受理”环节须由区经济和信息化局办理", wrongUnit);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("xiqu.enterprise")).PostAsJsonAsync($"/api/v1/incentives/applications/{id}/transitions",
            new { trigger = "Pass", version = 0 })).StatusCode);

        var jxj = await api.As("xiqu.jxj");
        await Transition(jxj, id, "Pass", null);
        await Json(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/opinions", new { text = "同意" }), HttpStatusCode.NoContent);
        var early = await Error(await jxj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/transitions",
            new { trigger = "Pass", version = await Version(jxj, id) }), HttpStatusCode.Conflict);
        Assert.Contains("尚有会商单位未提出意见：区发展改革局", early);
        var chief = await api.As("xiqu.chief");
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/opinions", new { text = "我也说两句" })).StatusCode);

        Assert.Contains("退回须说明", await Error(await jxj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/transitions",
            new { trigger = "Return", text = " ", version = await Version(jxj, id) }), HttpStatusCode.BadRequest, "text"));
        var returned = await Transition(jxj, id, "Return", "请补充节能审查意见");
        Assert.Equal("returned", returned.GetProperty("state").GetString());
        Assert.Null(returned.GetProperty("stageDueOn").GetString());
        var seen = await Detail(enterprise, id);
        Assert.Equal("请补充节能审查意见", seen.GetProperty("reason").GetString());
        Assert.True(seen.GetProperty("actions").GetProperty("submit").GetBoolean());

        await Json(await Upload(enterprise, id, 3, "节能审查意见.pdf", Pdf, "前期批复文件（环评、安评、消防、节能审查等）"), HttpStatusCode.OK);
        await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK);
        await Transition(jxj, id, "Pass", null);
        // The opinion given before the return does not count for the new round.
        var again = await Detail(jxj, id);
        Assert.Equal(["区发展改革局", "区财政局"], again.GetProperty("pendingOpinions").EnumerateArray().Select(e => e.GetString()));

        var rejected = await Transition(jxj, id, "Reject", "不符合产业导向");
        Assert.Equal("rejected", rejected.GetProperty("state").GetString());
        Assert.Contains("申报当前为“不予支持”，没有待办环节", await Error(await jxj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/transitions",
            new { trigger = "Pass", version = await Version(jxj, id) }), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_reason_and_nothing_changes()
    {
        var project = await api.Project("拒绝·设备项目", ProjectFlags.ChainLeader, equipmentWan: 3000);
        var enterprise = await api.As("xiqu.enterprise");
        var seven = await api.Measure("xiqu.7");

        Assert.Contains("“节能改造”不是本措施所列类别", await Error(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = seven, projectId = project, category = "节能改造" }), HttpStatusCode.BadRequest, "category"));
        Assert.Contains("不能为负数", await Error(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = seven, projectId = project, category = "环保技改", purchaseAmount = -1m }), HttpStatusCode.BadRequest, "purchaseAmount"));

        var id = await Draft(enterprise, project, "xiqu.7", "环保技改");
        var exe = await Upload(enterprise, id, 1, "可研报告.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]);
        Assert.Contains("可执行程序", await Error(exe, HttpStatusCode.BadRequest, "file"));
        Assert.Contains("须说明所交为哪一种", await Error(await Upload(enterprise, id, 3, "批复.pdf", Pdf), HttpStatusCode.BadRequest, "alternative"));
        await UploadXiquChecklist(enterprise, id, skip: 3);
        var missing = await Error(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.BadRequest, "files");
        Assert.Contains("第3项 项目环评、安评、消防、节能审查等前期批复文件复印件", missing);
        Assert.DoesNotContain("第6项", missing); // 其他文件 is not required

        // A second application for the same project under a measure of the same group (六 and 七: 设备投资补助).
        var second = await Error(await enterprise.PostAsJsonAsync("/api/v1/incentives/applications",
            new { measureId = await api.Measure("xiqu.6"), projectId = project }), HttpStatusCode.Conflict);
        Assert.Contains("同属不可叠加组“设备投资补助”", second);

        // Negative or missing investment: the project has no new output and is refused at submission, naming why.
        var late = await api.Project("拒绝·延期项目", ProjectFlags.ChainLeader, equipmentWan: 8000, newOutputWan: 2500, onSchedule: false);
        var lateId = await Draft(enterprise, late, "xiqu.6");
        await UploadXiquChecklist(enterprise, lateId);
        Assert.Contains("未如期建成投产", await Error(await enterprise.PostAsync($"/api/v1/incentives/applications/{lateId}/submit", null), HttpStatusCode.BadRequest, "measureId"));

        await using var db = host.OpenSystem();
        Assert.Equal(2, await db.Set<Web.Modules.Incentives.IncentiveApplication>().CountAsync(a => a.ProjectId == project || a.ProjectId == late));
        Assert.All(await db.Set<Web.Modules.Incentives.IncentiveApplication>().Where(a => a.ProjectId == project || a.ProjectId == late).ToListAsync(),
            a => Assert.Equal("draft", a.State));
        Assert.False(await db.Set<Web.Modules.Incentives.ApplicationFile>().AnyAsync(f => f.ApplicationId == id && f.ChecklistNumber == 3));
    }

    [Fact]
    public async Task Approving_above_the_ceiling_or_the_budget_and_paying_above_the_approval_are_refused()
    {
        var project = await api.Project("拒绝·审定项目", ProjectFlags.StrategicResource, equipmentWan: 5000, totalWan: 20000);
        var enterprise = await api.As("xiqu.enterprise");
        var id = await Draft(enterprise, project, "xiqu.8");
        await UploadXiquChecklist(enterprise, id);
        await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK);
        var jxj = await api.As("xiqu.jxj");
        await Transition(jxj, id, "Pass", null);
        foreach (var unit in new[] { "xiqu.fgj", "xiqu.czj" })
            await Json(await (await api.As(unit)).PostAsJsonAsync($"/api/v1/incentives/applications/{id}/opinions", new { text = "同意" }), HttpStatusCode.NoContent);
        await Transition(jxj, id, "Pass", null);
        await Transition(await api.As("xiqu.chief"), id, "Pass", "同意");

        var approver = await api.As("xiqu.approver");
        async Task<HttpResponseMessage> Approve(decimal wan, string? reason = null) => await approver.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/approval",
            new { amount = wan * Wan, paymentMethod = "LumpSum", budgetOverrideReason = reason, version = await Version(approver, id) });
        Assert.Contains("支持额度 1,601万元 超过核定上限 1,600万元", await Error(await Approve(1601), HttpStatusCode.BadRequest, "amount"));

        // The demo budget of the fund is 3,000万; set it to 1,000万 so this approval does not fit.
        var office = await api.As("xiqu.office");
        var budgets = await Json(await office.GetAsync("/api/v1/incentives/budgets?year=2026"), HttpStatusCode.OK);
        var budget = budgets.EnumerateArray().Single(b => b.GetProperty("fund").GetString() == "区级工业发展专项资金");
        await Json(await office.PutAsJsonAsync($"/api/v1/incentives/budgets/{budget.GetProperty("id").GetGuid()}",
            new { amount = 1000 * Wan, version = budget.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        var over = await Error(await Approve(1600), HttpStatusCode.Conflict);
        Assert.Contains("超出“区级工业发展专项资金”2026年度预算：预算 1,000万元", over);
        Assert.Contains("本次 1,600万元", over);
        var overridden = await Json(await Approve(1600, "重大战略资源项目，经区委常委会研究同意超预算安排"), HttpStatusCode.OK);
        Assert.Equal("payment", overridden.GetProperty("state").GetString());
        await using (var db = host.OpenSystem())
        {
            var stored = await db.Set<Web.Modules.Incentives.IncentiveApplication>().SingleAsync(a => a.Id == id);
            Assert.Equal(("重大战略资源项目，经区委常委会研究同意超预算安排", "xiqu.approver"), (stored.BudgetOverrideReason, stored.BudgetOverrideBy));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityKey == id.ToString() && a.Changes.Contains("超预算安排")));
        }

        var czj = await api.As("xiqu.czj");
        var tooMuch = await Error(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/payments",
            new { amount = 1700 * Wan, paidOn = TodayText, voucher = "X-1", version = await Version(czj, id) }), HttpStatusCode.BadRequest, "amount");
        Assert.Contains("兑付金额超过审定额度：审定 1,600万元", tooMuch);
        var partial = await Error(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/payments",
            new { amount = 800 * Wan, paidOn = TodayText, voucher = "X-1", version = await Version(czj, id) }), HttpStatusCode.BadRequest, "amount");
        Assert.Contains("一次性支付，须一次付清", partial);
        // A payment without its date is refused naming the field — never stored as 0001-01-01.
        var undated = await Error(await czj.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/payments",
            new { amount = 1600 * Wan, voucher = "X-1", version = await Version(czj, id) }), HttpStatusCode.BadRequest, "paidOn");
        Assert.Contains("须填写支付日期", undated);
        await using (var db = host.OpenSystem())
            Assert.False(await db.Set<Web.Modules.Incentives.IncentivePayment>().AnyAsync(p => p.ApplicationId == id));
        await Json(await office.PutAsJsonAsync($"/api/v1/incentives/budgets/{budget.GetProperty("id").GetGuid()}",
            new { amount = 3000 * Wan, version = budget.GetProperty("version").GetInt32() + 1 }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_stage_past_its_deadline_is_flagged_overdue()
    {
        var project = await api.Project("期限·逾期项目", ProjectFlags.ChainLeader, equipmentWan: 2500);
        var enterprise = await api.As("xiqu.enterprise");
        var id = await Draft(enterprise, project, "xiqu.7", "整体升级改造");
        await UploadXiquChecklist(enterprise, id);
        var due = DateOnly.Parse((await Json(await enterprise.PostAsync($"/api/v1/incentives/applications/{id}/submit", null), HttpStatusCode.OK))
            .GetProperty("stageDueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        async Task<bool> Listed() => (await Json(await (await api.As("xiqu.jxj")).GetAsync("/api/v1/incentives/applications?overdue=true&pageSize=200"), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Any(a => a.GetProperty("id").GetGuid() == id);
        Assert.False(await Listed());
        host.Clock.Advance(TimeSpan.FromDays(due.DayNumber - Today.DayNumber + 1)); // the day after intake's 5 working days
        api.SignOutAll();
        Assert.True(await Listed());
        var summary = (await Detail(await api.As("xiqu.jxj"), id)).GetProperty("summary");
        Assert.True(summary.GetProperty("overdue").GetBoolean());
        Assert.Equal(1, summary.GetProperty("daysOverdue").GetInt32());
    }
}

public sealed class IncentiveWorkflowOnSqlite(SqliteIncentiveHost host) : IncentiveWorkflowTests<SqliteIncentiveHost>(host);
public sealed class IncentiveWorkflowOnPostgres(PostgresIncentiveHost host) : IncentiveWorkflowTests<PostgresIncentiveHost>(host);
