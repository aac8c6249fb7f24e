using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Quotas;

/// <summary>
/// The element-quota ledger on both databases: grant → request → allocate → consume → balance, with over-allocation and
/// over-consumption refused with the figures, the office's transfer between chains, another jurisdiction's ledger
/// hidden and the chief of another chain refused.
/// </summary>
public abstract class QuotaLedgerTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private const int Year = 2026;

    /// <summary>Two fresh chains of 西区 (the first chiefed by xiqu.chief, the second without a chief) and a 西区 project.</summary>
    private async Task<(Guid A, Guid B, Guid Project)> World(string tag)
    {
        await using var db = host.OpenSystem();
        var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
        var chief = await db.Users.Where(u => u.UserName == "xiqu.chief").Select(u => u.Id).SingleAsync();
        var a = new Chain { JurisdictionId = xiqu.Id, Name = $"指标测试甲链{tag}", ChiefUserId = chief };
        var b = new Chain { JurisdictionId = xiqu.Id, Name = $"指标测试乙链{tag}" };
        var project = new Project { JurisdictionId = xiqu.Id, Name = $"指标测试项目{tag}", ChainId = a.Id, ListedOn = new DateOnly(2026, 1, 5), TotalInvestment = 200_000_000m };
        db.AddRange(a, b, project);
        await db.SaveChangesAsync();
        return (a.Id, b.Id, project.Id);
    }

    private static async Task<Guid> Id(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> Ledger(HttpClient client, Guid chain) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/quotas/chains/{chain}/ledger?year={Year}");

    private static JsonElement Element(JsonElement ledger, string element) =>
        ledger.GetProperty("elements").EnumerateArray().Single(e => e.GetProperty("element").GetString() == element);

    private static async Task<int> Version(HttpClient client, Guid chain, Guid request) =>
        (await Ledger(client, chain)).GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == request).GetProperty("version").GetInt32();

    [Fact]
    public async Task Grant_request_allocate_consume_keep_the_balance_and_refuse_beyond_it_with_the_figures()
    {
        var (a, _, project) = await World("一");
        var office = await host.ClientFor("xiqu.office");
        var operatorClient = await host.ClientFor("xiqu.operator");
        var chief = await host.ClientFor("xiqu.chief");

        await Id(await office.PostAsJsonAsync("/api/v1/quotas/grants", new { chainId = a, year = Year, element = "Land", amount = 100m, basis = "攀府办〔2026〕1号" }));
        var first = await Id(await operatorClient.PostAsJsonAsync("/api/v1/quotas/requests", new { chainId = a, projectId = project, year = Year, element = "Land", amount = 60m, justification = "一期厂房用地" }));
        var second = await Id(await operatorClient.PostAsJsonAsync("/api/v1/quotas/requests", new { chainId = a, projectId = project, year = Year, element = "Land", amount = 50m, justification = "二期仓储用地" }));

        // Both wait in the chief's inbox.
        var inbox = await chief.GetFromJsonAsync<JsonElement>("/api/v1/inbox?kind=QuotaRequest");
        var rows = inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("rowId").GetGuid()).ToList();
        Assert.Contains(first, rows);
        Assert.Contains(second, rows);

        Assert.Equal(HttpStatusCode.NoContent, (await chief.PostAsJsonAsync($"/api/v1/quotas/requests/{first}/allocate", new { amount = 60m, version = await Version(chief, a, first) })).StatusCode);
        var over = await chief.PostAsJsonAsync($"/api/v1/quotas/requests/{second}/allocate", new { amount = 50m, version = await Version(chief, a, second) });
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        var problem = await over.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("amount")[0].GetString()!;
        Assert.Contains("分配50亩", message);
        Assert.Contains("可分配余额40亩", message);

        await Id(await operatorClient.PostAsJsonAsync($"/api/v1/quotas/requests/{first}/uses", new { amount = 45m, usedOn = "2026-03-01", note = "一期供地" }));
        var overUse = await operatorClient.PostAsJsonAsync($"/api/v1/quotas/requests/{first}/uses", new { amount = 16m });
        Assert.Equal(HttpStatusCode.BadRequest, overUse.StatusCode);
        Assert.Contains("剩余分配额15亩", (await overUse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("amount")[0].GetString());

        var land = Element(await Ledger(chief, a), "Land");
        Assert.Equal(100m, land.GetProperty("pool").GetDecimal());
        Assert.Equal(60m, land.GetProperty("allocated").GetDecimal());
        Assert.Equal(45m, land.GetProperty("consumed").GetDecimal());
        Assert.Equal(40m, land.GetProperty("unallocated").GetDecimal());
        Assert.Equal("亩", land.GetProperty("unit").GetString());

        // Allocated, the first leaves the inbox; the second still waits.
        rows = (await chief.GetFromJsonAsync<JsonElement>("/api/v1/inbox?kind=QuotaRequest")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("rowId").GetGuid()).ToList();
        Assert.DoesNotContain(first, rows);
        Assert.Contains(second, rows);

        // The read targets use: the chain's allocations and use of the year.
        var use = await office.GetFromJsonAsync<JsonElement>($"/api/v1/quotas/use?year={Year}");
        var row = use.EnumerateArray().Single(r => r.GetProperty("chainId").GetGuid() == a && r.GetProperty("element").GetString() == "Land");
        Assert.Equal(60m, row.GetProperty("allocated").GetDecimal());
        Assert.Equal(45m, row.GetProperty("consumed").GetDecimal());
        Assert.Equal(0.75m, row.GetProperty("usedShare").GetDecimal());

        // Every write is in the audit trail.
        await using var db = host.OpenSystem();
        var audited = await db.AuditEntries.Where(e => e.EntityKey == first.ToString() || e.EntityType.StartsWith("Quota")).Select(e => e.EntityType).Distinct().ToListAsync();
        Assert.Contains(audited, t => t.Contains("QuotaRequest"));
        Assert.Contains(audited, t => t.Contains("QuotaUse"));
        Assert.Contains(audited, t => t.Contains("QuotaPool"));

        var file = await office.GetAsync($"/api/v1/quotas/chains/{a}/ledger.xlsx?year={Year}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Web.Shared.Excel.Workbooks.ContentType, file.Content.Headers.ContentType?.MediaType);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Equal(["指标余额", "指标池台账", "项目申请与使用"], sheets);
        var balance = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "指标余额").Cast<IDictionary<string, object>>().Single();
        Assert.Equal("工业用地指标", balance["要素"]);
        Assert.Equal(40m, Convert.ToDecimal(balance["可分配余额"]));
    }

    [Fact]
    public async Task The_office_transfers_only_the_giving_chains_unallocated_quota_and_both_ledgers_show_it()
    {
        var (a, b, _) = await World("二");
        var office = await host.ClientFor("xiqu.office");
        await Id(await office.PostAsJsonAsync("/api/v1/quotas/grants", new { chainId = a, year = Year, element = "Energy", amount = 500m, basis = "能耗指标下达通知" }));
        var transfer = await Id(await office.PostAsJsonAsync("/api/v1/quotas/transfers", new { fromChainId = a, toChainId = b, year = Year, element = "Energy", amount = 200m, reason = "乙链重大项目用能" }));
        var over = await office.PostAsJsonAsync("/api/v1/quotas/transfers", new { fromChainId = a, toChainId = b, year = Year, element = "Energy", amount = 300.5m, reason = "再调" });
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Contains("可分配余额300吨标准煤", (await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("amount")[0].GetString());

        var giving = await Ledger(office, a);
        Assert.Equal(300m, Element(giving, "Energy").GetProperty("pool").GetDecimal());
        Assert.Equal(200m, Element(giving, "Energy").GetProperty("transferredOut").GetDecimal());
        var taking = await Ledger(office, b);
        Assert.Equal(200m, Element(taking, "Energy").GetProperty("pool").GetDecimal());
        var entry = taking.GetProperty("movements").EnumerateArray().Single();
        Assert.Equal("TransferIn", entry.GetProperty("kind").GetString());
        Assert.Equal("指标测试甲链二", entry.GetProperty("counterpart").GetString());

        // A chief may not transfer: only the office pools across chains.
        var chief = await host.ClientFor("xiqu.chief");
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.PostAsJsonAsync("/api/v1/quotas/transfers", new { fromChainId = a, toChainId = b, year = Year, element = "Energy", amount = 1m, reason = "试" })).StatusCode);
        await using var db = host.OpenSystem();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == "QuotaMovement" && e.Changes.Contains(transfer.ToString())));
    }

    [Fact]
    public async Task Another_jurisdictions_ledger_is_not_found_and_the_chief_of_another_chain_is_refused()
    {
        var (a, _, project) = await World("三");
        var office = await host.ClientFor("xiqu.office");
        await Id(await office.PostAsJsonAsync("/api/v1/quotas/grants", new { chainId = a, year = Year, element = "Power", amount = 1000m, basis = "优惠电量计划" }));
        var request = await Id(await office.PostAsJsonAsync("/api/v1/quotas/requests", new { chainId = a, projectId = project, year = Year, element = "Power", amount = 100m, justification = "电解工序用电" }));

        var dazhou = await host.ClientFor("dazhou.office");
        Assert.Equal(HttpStatusCode.NotFound, (await dazhou.GetAsync($"/api/v1/quotas/chains/{a}/ledger?year={Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dazhou.PostAsJsonAsync($"/api/v1/quotas/requests/{request}/allocate", new { amount = 1m, version = 0 })).StatusCode);
        Assert.DoesNotContain((await dazhou.GetFromJsonAsync<JsonElement>($"/api/v1/quotas/use?year={Year}")).EnumerateArray(), r => r.GetProperty("chainId").GetGuid() == a);

        // xiqu.approver holds the chain-chief role but chiefs no chain of this ledger.
        var otherChief = await host.ClientFor("xiqu.approver");
        var refused = await otherChief.PostAsJsonAsync($"/api/v1/quotas/requests/{request}/allocate", new { amount = 10m, version = 0 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False((await Ledger(otherChief, a)).GetProperty("canAllocate").GetBoolean());
        var version = await Version(office, a, request);
        Assert.Equal(0m, (await Ledger(office, a)).GetProperty("requests")[0].GetProperty("allocated").GetDecimal());

        // The office allocates for the chief, in megawatt-hours' unit 万千瓦时.
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/quotas/requests/{request}/allocate", new { amount = 80m, note = "按产能核定", version })).StatusCode);
        Assert.Equal(920m, Element(await Ledger(office, a), "Power").GetProperty("unallocated").GetDecimal());
        Assert.Equal("万千瓦时", Element(await Ledger(office, a), "Power").GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field()
    {
        var (a, _, project) = await World("四");
        var office = await host.ClientFor("xiqu.office");
        async Task<string> Refused(string url, object body)
        {
            var response = await office.PostAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return string.Join(",", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
        Assert.Equal("amount", await Refused("/api/v1/quotas/grants", new { chainId = a, year = Year, element = "Land", amount = -5m, basis = "x" }));
        Assert.Equal("basis", await Refused("/api/v1/quotas/grants", new { chainId = a, year = Year, element = "Land", amount = 5m }));
        Assert.Equal("year", await Refused("/api/v1/quotas/grants", new { chainId = a, year = 1900, element = "Land", amount = 5m, basis = "x" }));
        Assert.Equal("element", await Refused("/api/v1/quotas/grants", new { chainId = a, year = Year, amount = 5m, basis = "x" }));
        Assert.Equal("justification", await Refused("/api/v1/quotas/requests", new { chainId = a, projectId = project, year = Year, element = "Land", amount = 5m }));
        Assert.Equal("toChainId", await Refused("/api/v1/quotas/transfers", new { fromChainId = a, toChainId = a, year = Year, element = "Land", amount = 1m, reason = "x" }));
    }
}

public sealed class QuotaLedgerOnSqlite(SqliteHost host) : QuotaLedgerTests<SqliteHost>(host);
public sealed class QuotaLedgerOnPostgres(PostgresHost host) : QuotaLedgerTests<PostgresHost>(host);
