using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Arrears;
using Qianglian.Web.Modules.Inbox;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Arrears;

/// <summary>
/// 清欠 on both databases, through the API: a claim filed by the enterprise is verified, planned and repaid by the office
/// and counts in the cleared share by debtor and by locality; a repayment above the agreed amount is refused with the
/// figures and nothing stored; another jurisdiction's claim does not exist for the caller; an enterprise sees its own
/// claims only; an overdue claim is in the office's inbox.
/// </summary>
public abstract class ArrearsLedgerTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static int counter;
    private static string Debtor(string what) => $"清欠测试{what}{Interlocked.Increment(ref counter)}";

    private static async Task<Guid> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Guid> EnterpriseAsync(string uscc17)
    {
        await using var db = host.OpenSystem();
        return await db.Enterprises.Where(e => e.Uscc == DemoData.FullUscc(uscc17)).Select(e => e.Id).SingleAsync();
    }

    private static async Task<int> VersionOf(HttpClient client, Guid id) =>
        (await Json(await client.GetAsync($"/api/v1/arrears/claims/{id}"))).GetProperty("claim").GetProperty("version").GetInt32();

    [Fact]
    public async Task A_claim_is_filed_verified_planned_repaid_and_counted_in_the_cleared_share()
    {
        var enterprise = await host.ClientFor("xiqu.enterprise");
        var office = await host.ClientFor("xiqu.office");
        var debtor = Debtor("国有企业");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        // The enterprise files from its home: its own enterprise, whatever it sends.
        var id = await Created(await enterprise.PostAsJsonAsync("/api/v1/arrears/claims", new
        {
            debtorKind = "StateOwnedEnterprise", debtorName = debtor, amount = 1_000_000m, basis = "施工合同及验收单", dueOn = today.AddDays(30),
        }));
        // Its contract as a PDF: kept with the claim; an executable named .pdf is refused on the file field.
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        await Created(await enterprise.PostAsync($"/api/v1/arrears/claims/{id}/attachments",
            new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "施工合同.pdf" } }));
        var exe = await enterprise.PostAsync($"/api/v1/arrears/claims/{id}/attachments",
            new MultipartFormDataContent { { new ByteArrayContent(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00 }), "file", "发票.pdf" } });
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("\"file\"", await exe.Content.ReadAsStringAsync());
        var attachment = Assert.Single((await Json(await office.GetAsync($"/api/v1/arrears/claims/{id}"))).GetProperty("attachments").EnumerateArray());
        Assert.Equal("施工合同.pdf", attachment.GetProperty("fileName").GetString());
        Assert.Equal(pdf, await (await office.GetAsync($"/api/v1/arrears/attachments/{attachment.GetProperty("id").GetGuid()}")).Content.ReadAsByteArrayAsync());

        var home = await Json(await enterprise.GetAsync("/api/v1/inbox/enterprise"));
        Assert.Contains(home.GetProperty("claims").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id && c.GetProperty("status").GetString() == "Filed");

        // The office sees it to verify, and agrees part of it with a reason.
        var inbox = await Json(await office.GetAsync("/api/v1/inbox"));
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("rowId").GetGuid() == id && i.GetProperty("kind").GetString() == "ArrearsToVerify");
        var tooMuch = await office.PostAsJsonAsync($"/api/v1/arrears/claims/{id}/verify", new { agrees = true, agreedAmount = 1_200_000m, version = await VersionOf(office, id) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("agreedAmount", await tooMuch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/arrears/claims/{id}/verify",
            new { agrees = true, agreedAmount = 800_000m, reason = "一张发票未经验收", version = await VersionOf(office, id) })).StatusCode);

        // A plan that does not add up to what is owed is refused; one that does is kept.
        var wrong = await office.PutAsJsonAsync($"/api/v1/arrears/claims/{id}/plan", new
        {
            instalments = new[] { new { dueOn = today.AddDays(10), amount = 300_000m } }, version = await VersionOf(office, id),
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/v1/arrears/claims/{id}/plan", new
        {
            instalments = new[] { new { dueOn = today.AddDays(10), amount = 300_000m }, new { dueOn = today.AddDays(40), amount = 500_000m } },
            version = await VersionOf(office, id),
        })).StatusCode);

        await Created(await office.PostAsJsonAsync($"/api/v1/arrears/claims/{id}/repayments", new { amount = 300_000m, note = "第一期", version = await VersionOf(office, id) }));
        var half = (await Json(await office.GetAsync("/api/v1/arrears/cleared-share?by=Debtor"))).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == debtor);
        Assert.Equal(0.375m, half.GetProperty("share").GetDecimal());
        await Created(await office.PostAsJsonAsync($"/api/v1/arrears/claims/{id}/repayments", new { amount = 500_000m, version = await VersionOf(office, id) }));

        var detail = await Json(await office.GetAsync($"/api/v1/arrears/claims/{id}"));
        Assert.Equal("Cleared", detail.GetProperty("claim").GetProperty("status").GetString());
        Assert.Equal(2, detail.GetProperty("plan").GetArrayLength());
        Assert.Equal(800_000m, detail.GetProperty("repayments").EnumerateArray().Sum(r => r.GetProperty("amount").GetDecimal()));
        var row = (await Json(await office.GetAsync("/api/v1/arrears/cleared-share?by=Debtor"))).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == debtor);
        Assert.Equal((1m, 800_000m, 800_000m, 1), (row.GetProperty("share").GetDecimal(), row.GetProperty("agreedAmount").GetDecimal(),
            row.GetProperty("repaidAmount").GetDecimal(), row.GetProperty("cleared").GetInt32()));

        // By locality, from the city: 西区 has claims; a county with none says so (no share), never 0%.
        var city = await host.ClientFor("pzh.office");
        var places = (await Json(await city.GetAsync("/api/v1/arrears/cleared-share?by=Locality"))).GetProperty("rows").EnumerateArray().ToList();
        var xiqu = places.Single(r => r.GetProperty("name").GetString() == "西区");
        Assert.True(xiqu.GetProperty("hasClaims").GetBoolean());
        var renhe = places.Single(r => r.GetProperty("name").GetString() == "仁和区");
        Assert.False(renhe.GetProperty("hasClaims").GetBoolean());
        Assert.Equal(JsonValueKind.Null, renhe.GetProperty("share").ValueKind);

        // Every step is in the audit log.
        await using var db = host.OpenSystem();
        Assert.True(await db.AuditEntries.CountAsync(e => e.EntityType == nameof(ArrearsRepayment)) >= 2);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ArrearsClaim) && e.EntityKey.Contains(id.ToString())));
    }

    [Fact]
    public async Task A_repayment_above_the_agreed_amount_is_refused_with_the_figures_and_nothing_is_stored()
    {
        var office = await host.ClientFor("xiqu.office");
        var creditor = await EnterpriseAsync("91510403MA6DEM002");
        var id = await Created(await office.PostAsJsonAsync("/api/v1/arrears/claims", new
        {
            enterpriseId = creditor, debtorKind = "GovernmentBody", debtorName = Debtor("机关"), amount = 200_000m, basis = "采购合同", dueOn = "2026-01-31",
        }));
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/arrears/claims/{id}/verify",
            new { agrees = true, agreedAmount = 200_000m, version = await VersionOf(office, id) })).StatusCode);
        await Created(await office.PostAsJsonAsync($"/api/v1/arrears/claims/{id}/repayments", new { amount = 150_000m, version = await VersionOf(office, id) }));

        var refused = await office.PostAsJsonAsync($"/api/v1/arrears/claims/{id}/repayments", new { amount = 60_000m, version = await VersionOf(office, id) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"amount\"", problem);
        Assert.Contains("210,000.00", problem);   // the total it would reach
        Assert.Contains("200,000.00", problem);   // the agreed amount
        Assert.Contains("50,000.00", problem);    // what is still owed
        var detail = await Json(await office.GetAsync($"/api/v1/arrears/claims/{id}"));
        Assert.Equal(150_000m, detail.GetProperty("claim").GetProperty("repaidAmount").GetDecimal());
        Assert.Single(detail.GetProperty("repayments").EnumerateArray());

        // Past its payment date and not repaid: escalated to the office's inbox.
        var inbox = await Json(await office.GetAsync("/api/v1/inbox?kind=ArrearsOverdue"));
        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("rowId").GetGuid() == id);
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal("2026-01-31", item.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task Another_jurisdictions_claim_does_not_exist_and_an_enterprise_sees_only_its_own()
    {
        var dazhou = await host.ClientFor("dazhou.office");
        await using (var db = host.OpenSystem())
        {
            var dazhouEnterprise = await db.Enterprises.Where(e => e.JurisdictionPath.Contains("/511700/")).OrderBy(e => e.Uscc).Select(e => e.Id).FirstAsync();
            var foreign = await Created(await dazhou.PostAsJsonAsync("/api/v1/arrears/claims", new
            {
                enterpriseId = dazhouEnterprise, debtorKind = "GovernmentBody", debtorName = Debtor("外市机关"), amount = 50_000m, basis = "合同", dueOn = "2026-03-01",
            }));
            var office = await host.ClientFor("xiqu.office");
            Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/arrears/claims/{foreign}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync($"/api/v1/arrears/claims/{foreign}/verify", new { agrees = true, agreedAmount = 1m, version = 0 })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync($"/api/v1/arrears/claims/{foreign}/repayments", new { amount = 1m, version = 0 })).StatusCode);
            Assert.DoesNotContain((await Json(await office.GetAsync("/api/v1/arrears/claims"))).EnumerateArray(), c => c.GetProperty("id").GetGuid() == foreign);
            // Filing for the other city's enterprise: not found, nothing stored.
            var before = await db.Set<ArrearsClaim>().CountAsync();
            var refused = await office.PostAsJsonAsync("/api/v1/arrears/claims", new
            {
                enterpriseId = dazhouEnterprise, debtorKind = "GovernmentBody", debtorName = "某局", amount = 1m, basis = "合同", dueOn = "2026-03-01",
            });
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Contains("enterpriseId", await refused.Content.ReadAsStringAsync());
            Assert.Equal(before, await db.Set<ArrearsClaim>().CountAsync());
        }

        var xiquOffice = await host.ClientFor("xiqu.office");
        var own = await EnterpriseAsync("91510403MA6DEM001");
        var sibling = await EnterpriseAsync("91510403MA6DEM002");
        var mine = await Created(await xiquOffice.PostAsJsonAsync("/api/v1/arrears/claims", new
        {
            enterpriseId = own, debtorKind = "StateOwnedEnterprise", debtorName = Debtor("国企甲"), amount = 10_000m, basis = "合同", dueOn = "2026-09-01",
        }));
        var theirs = await Created(await xiquOffice.PostAsJsonAsync("/api/v1/arrears/claims", new
        {
            enterpriseId = sibling, debtorKind = "StateOwnedEnterprise", debtorName = Debtor("国企乙"), amount = 10_000m, basis = "合同", dueOn = "2026-09-01",
        }));
        var enterprise = await host.ClientFor("xiqu.enterprise");
        var listed = (await Json(await enterprise.GetAsync("/api/v1/arrears/claims"))).EnumerateArray().ToList();
        Assert.Contains(listed, c => c.GetProperty("id").GetGuid() == mine);
        Assert.DoesNotContain(listed, c => c.GetProperty("id").GetGuid() == theirs);
        Assert.All(listed, c => Assert.Equal("演示·西区绿色化工有限公司", c.GetProperty("enterprise").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/v1/arrears/claims/{theirs}")).StatusCode);
        // Filing for another enterprise: its own scope does not hold it.
        var forOther = await enterprise.PostAsJsonAsync("/api/v1/arrears/claims", new
        {
            enterpriseId = sibling, debtorKind = "StateOwnedEnterprise", debtorName = "国企", amount = 1m, basis = "合同", dueOn = "2026-09-01",
        });
        Assert.Equal(HttpStatusCode.NotFound, forOther.StatusCode);
        // The enterprise may not verify or repay.
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/v1/arrears/claims/{mine}/verify", new { agrees = true, agreedAmount = 1m, version = 0 })).StatusCode);
    }
}

public sealed class ArrearsLedgerOnSqlite(SqliteHost host) : ArrearsLedgerTests<SqliteHost>(host);
public sealed class ArrearsLedgerOnPostgres(PostgresHost host) : ArrearsLedgerTests<PostgresHost>(host);
