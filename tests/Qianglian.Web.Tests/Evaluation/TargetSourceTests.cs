using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Evaluation;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Evaluation;

/// <summary>
/// Issue 14 item 4: every target of every pack has a data source, and the figures read from the honours registry,
/// the event records and the yearly jurisdiction statistics name the rows behind them — by name, never by id or key.
/// </summary>
public abstract partial class TargetSourceTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidText();

    private static JsonElement Line(JsonElement lines, string key) => lines.EnumerateArray().First(l => l.GetProperty("key").GetString() == key);

    private static async Task<string> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("errors", out var errors) ? string.Join(",", errors.EnumerateObject().Select(e => e.Name)) : body.GetProperty("title").GetString() ?? "";
    }

    [Fact]
    public async Task Every_target_of_every_pack_has_a_data_source()
    {
        await using var db = host.OpenSystem();
        var targets = await db.Targets.AsNoTracking().ToListAsync();
        Assert.Superset(new HashSet<string> { "qianjiang", "dazhou", "ankang" }, targets.Select(t => t.Key.Split('.')[0]).ToHashSet());
        await using var scope = host.Services.CreateAsyncScope();
        var metrics = scope.ServiceProvider.GetRequiredService<MetricRegistry>();
        Assert.Empty(targets.Where(t => !metrics.Supports(t.Metric)).Select(t => $"{t.Key} ({t.Metric})"));

        // The same through the API, for every year a target is tracked in.
        var admin = await host.ClientFor("admin");
        foreach (var year in new[] { 2025, 2027 })
        {
            var lines = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/targets?year={year}");
            Assert.NotEmpty(lines.EnumerateArray());
            Assert.Empty(lines.EnumerateArray().Where(l => l.GetProperty("noSource").ValueKind != JsonValueKind.Null).Select(l => l.GetProperty("key").GetString()));
        }
        // The two targets of 黔江 the text sets and the pack lacked.
        Assert.Contains(targets, t => t.Key == "qianjiang.index_region_first_2025" && t.Metric == RecordedMetrics.RegionRank && t.Comparison == "<=" && t.Value == 1);
        Assert.Contains(targets, t => t.Key == "qianjiang.industrial_loan_share_rise_yearly" && t.Metric == RecordedMetrics.LoanShareRise && t.Yearly);
    }

    [Fact]
    public async Task Recorded_honours_statistics_and_events_answer_their_targets_by_name()
    {
        Guid qianjiang, dazhou, domain;
        Enterprise firm;
        await using (var db = host.OpenSystem())
        {
            qianjiang = (await db.Jurisdictions.SingleAsync(j => j.Code == "500114")).Id;
            dazhou = (await db.Jurisdictions.SingleAsync(j => j.Code == "511700")).Id;
            domain = (await db.Ecosystems.Where(e => e.JurisdictionId == dazhou).OrderBy(e => e.Name).FirstAsync()).Id;
            firm = await db.Enterprises.FirstOrDefaultAsync(e => e.Name == "黔江荣誉测试企业")
                   ?? db.Enterprises.Add(new Enterprise { JurisdictionId = qianjiang, Uscc = DemoData.FullUscc("91500114MA6HNR001"), Name = "黔江荣誉测试企业", IndustryCode = "1620" }).Entity;
            await db.SaveChangesAsync();
        }
        var admin = await host.ClientFor("admin");

        // Statistics: 渝东南 rank with its source and an attached copy; 工业贷款占比 for two years.
        var rank = await admin.PostAsJsonAsync("/api/v1/evaluation/statistics",
            new { jurisdictionId = qianjiang, kind = "IndustrialIndexRegionRank", year = 2025, value = 1, source = "市统计局《2025年全市工业经济运行综合指数通报》" });
        Assert.Equal(HttpStatusCode.Created, rank.StatusCode);
        var rankId = (await rank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var form = new MultipartFormDataContent { { new ByteArrayContent("通报原文"u8.ToArray()), "file", "综合指数通报.pdf" } };
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/evaluation/statistics/{rankId}/attachment", form)).StatusCode);
        Assert.Equal("通报原文", await admin.GetStringAsync($"/api/v1/evaluation/statistics/{rankId}/attachment"));
        foreach (var (year, share) in new[] { (2024, 10.5m), (2025, 11.2m) })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/evaluation/statistics",
                new { jurisdictionId = qianjiang, kind = "IndustrialLoanShare", year, value = share, source = $"人行黔江中心支行{year}年信贷统计" })).StatusCode);

        // Honours: an enterprise's municipal 数字化车间 with its 文号, and a park's 绿色园区 entered by the office.
        var workshop = await admin.PostAsJsonAsync($"/api/v1/enterprises/{firm.Id}/honours", new { kind = "DigitalWorkshop", level = "Municipal", year = 2024, documentNumber = "渝经信发〔2024〕7号" });
        Assert.True(workshop.IsSuccessStatusCode || workshop.StatusCode == HttpStatusCode.BadRequest);   // already recorded on a second run
        var park = await admin.PostAsJsonAsync("/api/v1/honours", new { jurisdictionId = qianjiang, kind = "GreenPark", level = "Municipal", year = 2024, holderName = "正阳工业园区", documentNumber = "渝经信节能〔2024〕3号" });
        Assert.True(park.IsSuccessStatusCode || park.StatusCode == HttpStatusCode.BadRequest);

        // Events: 达州's industry conference of one domain.
        var conference = await admin.PostAsJsonAsync("/api/v1/evaluation/events",
            new { jurisdictionId = dazhou, kind = "IndustryConference", name = "达州天然气化工产业推介大会", heldOn = "2025-05-20", ecosystemId = domain, place = "达州市" });
        Assert.Equal(HttpStatusCode.Created, conference.StatusCode);

        var lines = await admin.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/targets?year=2025");
        var first = Line(lines, "qianjiang.index_region_first_2025");
        Assert.Equal((1m, true), (first.GetProperty("actual").GetDecimal(), first.GetProperty("met").GetBoolean()));
        Assert.Contains("市统计局《2025年全市工业经济运行综合指数通报》", first.GetProperty("explanation").GetString());
        Assert.Contains("附件：综合指数通报.pdf", first.GetProperty("explanation").GetString());
        var loans = Line(lines, "qianjiang.industrial_loan_share_rise_yearly");
        Assert.Equal((0.7m, true), (loans.GetProperty("actual").GetDecimal(), loans.GetProperty("met").GetBoolean()));
        Assert.Contains("提升0.7个百分点", loans.GetProperty("explanation").GetString());
        var workshops = Line(lines, "qianjiang.digital_workshops_2025");
        Assert.Contains("黔江荣誉测试企业（2024年市级，渝经信发〔2024〕7号）", workshops.GetProperty("explanation").GetString());
        Assert.Contains("正阳工业园区", Line(lines, "qianjiang.green_parks_2025").GetProperty("explanation").GetString());
        var conferences = lines.EnumerateArray().Where(l => l.GetProperty("key").GetString() == "dazhou.industry_conference_yearly").ToList();
        Assert.True(conferences.Count > 1, "one line per domain (产业领域)");
        Assert.Contains(conferences, l => l.GetProperty("explanation").GetString()!.Contains("达州天然气化工产业推介大会（2025-05-20）"));
        // 黔江's statistics are not the year before's: 2024 has one loan share only, so no rise is claimed.
        var before = Line(await admin.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/targets?year=2024"), "qianjiang.industrial_loan_share_rise_yearly");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("actual").ValueKind);

        // Explanations name rows, never their ids or the metric keys.
        foreach (var line in lines.EnumerateArray().Where(l => l.GetProperty("explanation").ValueKind == JsonValueKind.String))
        {
            var text = line.GetProperty("explanation").GetString()!;
            Assert.False(GuidText().IsMatch(text), $"{line.GetProperty("key").GetString()}: {text}");
            Assert.DoesNotContain(line.GetProperty("metric").GetString()!, text);
        }
    }

    [Fact]
    public async Task Bad_records_are_refused_naming_the_field_and_change_nothing()
    {
        Guid qianjiang;
        await using (var db = host.OpenSystem())
            qianjiang = (await db.Jurisdictions.SingleAsync(j => j.Code == "500114")).Id;
        var admin = await host.ClientFor("admin");
        async Task<string> Post(string url, object body) => await Problem(await admin.PostAsJsonAsync(url, body), HttpStatusCode.BadRequest);

        Assert.Equal("value", await Post("/api/v1/evaluation/statistics", new { jurisdictionId = qianjiang, kind = "IndustrialLandShare", year = 2025, value = 130, source = "自然资源局" }));
        Assert.Equal("value", await Post("/api/v1/evaluation/statistics", new { jurisdictionId = qianjiang, kind = "IndustrialIndexCityRank", year = 2025, value = 2.5, source = "统计局" }));
        Assert.Equal("source", await Post("/api/v1/evaluation/statistics", new { jurisdictionId = qianjiang, kind = "IndustrialLandShare", year = 2025, value = 31, source = " " }));
        Assert.Equal("subject", await Post("/api/v1/evaluation/statistics", new { jurisdictionId = qianjiang, kind = "LeadingIndustryOutput", year = 2025, value = 120, source = "统计局" }));
        Assert.Equal("heldOn", await Post("/api/v1/evaluation/events", new { jurisdictionId = qianjiang, kind = "SiteObservation", name = "观摩", heldOn = "2099-01-01" }));
        Assert.Equal("kind", await Post("/api/v1/honours", new { jurisdictionId = qianjiang, kind = "SmartFactory", level = "Municipal", year = 2024, holderName = "某园区" }));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/evaluation/statistics",
            new { jurisdictionId = Guid.NewGuid(), kind = "IndustrialLandShare", year = 2025, value = 31, source = "自然资源局" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/evaluation/statistics/{Guid.NewGuid()}/attachment")).StatusCode);
        await using var check = host.OpenSystem();
        Assert.False(await check.JurisdictionStatistics.AnyAsync(s => s.Kind == StatisticKind.IndustrialLandShare && s.Value > 100));

        // A county operator may read the statistics but not enter them.
        var operatorClient = await host.ClientFor("xiqu.operator");
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/api/v1/evaluation/statistics",
            new { jurisdictionId = qianjiang, kind = "IndustrialLandShare", year = 2025, value = 31, source = "自然资源局" })).StatusCode);
    }

    [Fact]
    public async Task A_recorded_event_is_corrected_with_the_checks_of_entering_it_and_never_over_a_newer_version()
    {
        Guid dazhou, xiqu;
        await using (var db = host.OpenSystem())
            (dazhou, xiqu) = ((await db.Jurisdictions.SingleAsync(j => j.Code == "511700")).Id, (await db.Jurisdictions.SingleAsync(j => j.Code == "510403")).Id);
        var office = await host.ClientFor("dazhou.office");
        var created = await office.PostAsJsonAsync("/api/v1/evaluation/events",
            new { jurisdictionId = dazhou, kind = "SiteObservation", name = "达州项目观摩（日期误记）", heldOn = "2025-06-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        object Body(string name, string heldOn, int version, Guid? place = null) =>
            new { jurisdictionId = place ?? dazhou, kind = "GroupGroundbreaking", name, heldOn, version };

        Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/v1/evaluation/events/{id}", Body("达州重点项目集中开工", "2025-06-03", 0))).StatusCode);
        var row = (await office.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/events?year=2025")).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(("达州重点项目集中开工", "2025-06-03", "GroupGroundbreaking", 1),
            (row.GetProperty("name").GetString(), row.GetProperty("heldOn").GetString(), row.GetProperty("kind").GetString(), row.GetProperty("version").GetInt32()));

        // The version read is stale: 409, nothing overwritten. A future date, a blank name, another city: refused by field.
        Assert.Equal(HttpStatusCode.Conflict, (await office.PutAsJsonAsync($"/api/v1/evaluation/events/{id}", Body("旧版本的更正", "2025-06-04", 0))).StatusCode);
        Assert.Equal("heldOn", await Problem(await office.PutAsJsonAsync($"/api/v1/evaluation/events/{id}", Body("观摩", "2099-01-01", 1)), HttpStatusCode.BadRequest));
        Assert.Equal("name", await Problem(await office.PutAsJsonAsync($"/api/v1/evaluation/events/{id}", Body(" ", "2025-06-04", 1)), HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NotFound, (await office.PutAsJsonAsync($"/api/v1/evaluation/events/{id}", Body("移到西区", "2025-06-04", 1, xiqu))).StatusCode);
        await using var check = host.OpenSystem();
        var stored = await check.IndustryEvents.AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal(("达州重点项目集中开工", new DateOnly(2025, 6, 3), dazhou), (stored.Name, stored.HeldOn, stored.JurisdictionId));
    }

    [Fact]
    public async Task The_honours_registry_imports_and_exports_a_sheet_with_kind_level_year_and_document_number()
    {
        string uscc;
        await using (var db = host.OpenSystem())
        {
            var xiqu = await db.Jurisdictions.SingleAsync(j => j.Code == "510403");
            uscc = (await db.Enterprises.FirstAsync(e => e.JurisdictionId == xiqu.Id)).Uscc;
        }
        var office = await host.ClientFor("xiqu.office");
        // Every row of a sheet carries every column; a blank cell is null.
        static Dictionary<string, object?> Row(Dictionary<string, object?> cells) => HonourRegistry.Headers.ToDictionary(h => h, h => cells.GetValueOrDefault(h));
        var sheet = Web.Shared.Excel.Workbooks.Rows(HonourRegistry.SheetName,
        [
            Row(new Dictionary<string, object?> { [HonourRegistry.KindColumn] = "科技型中小企业", [HonourRegistry.LevelColumn] = "国家级", [HonourRegistry.YearColumn] = 2025, [HonourRegistry.DocumentColumn] = "国科火字〔2025〕11号", [HonourRegistry.UsccColumn] = uscc }),
            Row(new Dictionary<string, object?> { [HonourRegistry.KindColumn] = "先进制造业集群", [HonourRegistry.LevelColumn] = "省级", [HonourRegistry.YearColumn] = 2025, [HonourRegistry.DocumentColumn] = "川经信〔2025〕5号", [HonourRegistry.HolderColumn] = "攀西钒钛集群", [HonourRegistry.CodeColumn] = "510403" }),
        ]);
        var response = await office.PostAsync("/api/v1/honours/import", new MultipartFormDataContent { { new ByteArrayContent(sheet), "file", "honours.xlsx" } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var rows = await office.GetFromJsonAsync<JsonElement>("/api/v1/honours?year=2025");
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("kind").GetString() == "TechSme" && r.GetProperty("documentNumber").GetString() == "国科火字〔2025〕11号");
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("holder").GetString() == "攀西钒钛集群" && r.GetProperty("levelName").GetString() == "省级");

        var exported = MiniExcel.Query(new MemoryStream(await office.GetByteArrayAsync("/api/v1/honours/export.xlsx?year=2025")), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(exported, r => r[HonourRegistry.KindColumn]?.ToString() == "科技型中小企业" && r[HonourRegistry.DocumentColumn]?.ToString() == "国科火字〔2025〕11号");

        // A row naming a jurisdiction the office does not see changes nothing.
        var foreign = Web.Shared.Excel.Workbooks.Rows(HonourRegistry.SheetName,
            [Row(new Dictionary<string, object?> { [HonourRegistry.KindColumn] = "绿色园区", [HonourRegistry.LevelColumn] = "省级", [HonourRegistry.YearColumn] = 2025, [HonourRegistry.HolderColumn] = "外地园区", [HonourRegistry.CodeColumn] = "511700" })]);
        var refused = await office.PostAsync("/api/v1/honours/import", new MultipartFormDataContent { { new ByteArrayContent(foreign), "file", "foreign.xlsx" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        await using var check = host.OpenSystem();
        Assert.False(await check.EnterpriseHonours.AnyAsync(h => h.HolderName == "外地园区"));
    }
}

public sealed class TargetSourcesOnSqlite(SqliteHost host) : TargetSourceTests<SqliteHost>(host);
public sealed class TargetSourcesOnPostgres(PostgresHost host) : TargetSourceTests<PostgresHost>(host);
