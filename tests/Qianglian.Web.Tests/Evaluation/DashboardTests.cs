using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Evaluation;

/// <summary>The role dashboards through the API on both databases: figures from the data, charts' data as .xlsx, scope.</summary>
public abstract class DashboardTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static decimal? Figure(JsonElement dashboard, string key) =>
        dashboard.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("value") is { ValueKind: JsonValueKind.Number } v
            ? v.GetDecimal() : null;

    private static JsonElement Chart(JsonElement dashboard, string key) =>
        dashboard.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("key").GetString() == key);

    [Fact]
    public async Task A_chain_dashboard_shows_its_figures_from_the_data_and_exports_a_chart_as_xlsx()
    {
        var ids = await EvaluationWorld.EnsureAsync(host);
        var office = await host.ClientFor("dazhou.office");
        var jia = await office.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/chains/{ids.Jia}?year={EvaluationWorld.Year}");

        // 甲一 (leader, revenue 5亿, output 5.5亿) and 甲二 (revenue 0.1亿: below scale, output 0.5亿); two closed problems, one on time.
        Assert.Equal([2m, 1m, 1m, 6m, 0m, 50m], new[] { "enterprises", "leaders", "aboveScale", "output", "openProblems", "onTimeRate" }.Select(k => Figure(jia, k)));
        var trend = Chart(jia, "outputTrend");
        Assert.Equal(EvaluationWorld.Year.ToString(), trend.GetProperty("categories")[4].GetString());
        Assert.Equal(6m, trend.GetProperty("series")[0].GetProperty("values")[4].GetDecimal());
        Assert.Equal(2m, Chart(jia, "problemsByLevel").GetProperty("series")[3].GetProperty("values")[0].GetDecimal());   // both closed at the county level

        var xlsx = await office.GetAsync($"/api/v1/dashboards/chains/{ids.Jia}.xlsx?year={EvaluationWorld.Year}&chart=outputTrend");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal((EvaluationWorld.Year.ToString(), 6d), (rows[4]["项目"].ToString(), Convert.ToDouble(rows[4]["甲链（亿元）"])));

        var unknown = await office.GetAsync($"/api/v1/dashboards/chains/{ids.Jia}.xlsx?year={EvaluationWorld.Year}&chart=nosuch");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("没有名为“nosuch”的图表", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_office_dashboard_covers_its_own_chains_only_and_exports_every_chart()
    {
        var ids = await EvaluationWorld.EnsureAsync(host);
        var dazhou = await host.ClientFor("dazhou.office");
        var board = await dazhou.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/office?year={EvaluationWorld.Year}");
        var keys = board.GetProperty("charts").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.Equal(["outputTrend", "projectsByStage", "investmentCompletion", "problemSla", "tiers", "perMuGrades", "supplyDemand"], keys);
        Assert.StartsWith("/ ", board.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "targetsMet").GetProperty("unit").GetString());
        var total = Chart(board, "outputTrend").GetProperty("series")[0].GetProperty("values")[4].GetDecimal();
        Assert.True(total >= 6m + 14.4m, $"达州's chains include 测评县's 甲链 and 乙链 (20.4亿), got {total}");
        var sla = Chart(board, "problemSla");
        Assert.Contains("甲链", sla.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        var xiqu = await host.ClientFor("xiqu.office");
        var theirs = await xiqu.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/office?year={EvaluationWorld.Year}");
        Assert.DoesNotContain("甲链", Chart(theirs, "problemSla").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await xiqu.GetAsync($"/api/v1/dashboards/chains/{ids.Jia}?year={EvaluationWorld.Year}")).StatusCode);

        // 供需对接 per chain: the same counts as the supply-demand page's figures for the same account.
        var matching = await xiqu.GetFromJsonAsync<JsonElement>("/api/v1/supply-demand/figures");
        var matchingChart = Chart(theirs, "supplyDemand");
        Assert.Equal(matching.EnumerateArray().Select(f => f.GetProperty("chain").GetString()),
            matchingChart.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(matching.EnumerateArray().Select(f => f.GetProperty("matches").GetDecimal()),
            matchingChart.GetProperty("series")[2].GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()));

        var workbook = await dazhou.GetAsync($"/api/v1/dashboards/office.xlsx?year={EvaluationWorld.Year}");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        Assert.Equal(keys.Count, MiniExcel.GetSheetNames(stream).Count);
    }

    [Fact]
    public async Task A_dashboard_answers_in_the_callers_language_and_in_Chinese_by_default()
    {
        var ids = await EvaluationWorld.EnsureAsync(host);
        var url = $"/api/v1/dashboards/office?year={EvaluationWorld.Year}";
        var chinese = await (await host.ClientFor("dazhou.office")).GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("融圈强链办工作台", chinese.GetProperty("title").GetString());
        var trend = Chart(chinese, "outputTrend");
        Assert.Equal(("产业链产值趋势", "亿元", "全部产业链"), (trend.GetProperty("title").GetString(), trend.GetProperty("unit").GetString(), trend.GetProperty("series")[0].GetProperty("name").GetString()));
        Assert.Equal(["谋划储备", "签约", "开工", "竣工投产", "达产增效"], Names(Chart(chinese, "projectsByStage").GetProperty("categories")));   // the projects module's stage names

        var english = await Client("dazhou.office", "en-US,en;q=0.9");
        var board = await english.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("Coordination office dashboard", board.GetProperty("title").GetString());
        trend = Chart(board, "outputTrend");
        Assert.Equal(("Output of the chains", "100M yuan", "All chains"), (trend.GetProperty("title").GetString(), trend.GetProperty("unit").GetString(), trend.GetProperty("series")[0].GetProperty("name").GetString()));
        Assert.Equal(["Reserve", "Signed", "Started", "Completed", "At capacity"], Names(Chart(board, "projectsByStage").GetProperty("categories")));
        Assert.Equal(["Demonstration", "Cultivation", "Candidate"], Names(Chart(board, "tiers").GetProperty("series"), "name"));
        Assert.Equal(["Problems", "Closed on time", "Overdue, open", "On-time rate"], Names(Chart(board, "problemSla").GetProperty("series"), "name"));
        Assert.Contains("甲链", Names(Chart(board, "problemSla").GetProperty("categories")));   // data stays as stored
        // Every title, label and unit is English (a missing resource would show its key): only data names may be Chinese.
        var labels = board.GetProperty("charts").EnumerateArray().SelectMany(c => new[] { c.GetProperty("title").GetString()!, c.GetProperty("unit").GetString()! })
            .Concat(board.GetProperty("figures").EnumerateArray().SelectMany(f => new[] { f.GetProperty("label").GetString()!, f.GetProperty("unit").GetString()! })).ToList();
        Assert.All(labels, l => Assert.False(l.Any(ch => ch >= '\u4e00' && ch <= '\u9fff') || l.StartsWith("Dash", StringComparison.Ordinal), l));

        var chainBoard = await english.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/chains/{ids.Jia}?year={EvaluationWorld.Year}");
        Assert.Equal("甲链 – chain dashboard", chainBoard.GetProperty("title").GetString());
        Assert.Equal(["County/park", "Lead department", "Chain chief", "Joint meeting"], Names(Chart(chainBoard, "problemsByLevel").GetProperty("categories")));
        Assert.Equal("Jan", Chart(chainBoard, "investmentByMonth").GetProperty("categories")[0].GetString());

        // The export of a chart is headed in the same language.
        var xlsx = await english.GetAsync($"/api/v1/dashboards/chains/{ids.Jia}.xlsx?year={EvaluationWorld.Year}&chart=outputTrend");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(["Output"], MiniExcel.GetSheetNames(stream));
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal((EvaluationWorld.Year.ToString(), 6d), (rows[4]["Item"].ToString(), Convert.ToDouble(rows[4]["甲链 (100M yuan)"])));
        }
        using (var all = new MemoryStream(await (await english.GetAsync($"/api/v1/dashboards/office.xlsx?year={EvaluationWorld.Year}")).Content.ReadAsByteArrayAsync()))
            Assert.Equal(Names(board.GetProperty("charts"), "title"), MiniExcel.GetSheetNames(all));   // every sheet named by its chart's whole title

        // The UI's language switch (its cookie) chooses the language of the API too.
        var switched = await host.ClientFor("dazhou.office");
        switched.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var county = await switched.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/county?year={EvaluationWorld.Year}&jurisdictionId={ids.County}");
        Assert.Equal("测评县 – projects and problems", county.GetProperty("title").GetString());
        Assert.Equal("Land", Chart(county, "problemsByCategory").GetProperty("categories")[0].GetString());
    }

    private async Task<HttpClient> Client(string user, string acceptLanguage)
    {
        var client = await host.ClientFor(user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return client;
    }

    private static List<string?> Names(JsonElement array, string? property = null) =>
        array.EnumerateArray().Select(e => property is null ? e.GetString() : e.GetProperty(property).GetString()).ToList();

    [Fact]
    public async Task A_county_dashboard_counts_its_problems_and_refuses_another_jurisdiction()
    {
        var ids = await EvaluationWorld.EnsureAsync(host);
        var office = await host.ClientFor("dazhou.office");
        var county = await office.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/county?year={EvaluationWorld.Year}&jurisdictionId={ids.County}");
        Assert.StartsWith("测评县", county.GetProperty("title").GetString());
        Assert.Equal((0m, 0m, 50m), (Figure(county, "openProblems")!.Value, Figure(county, "overdueProblems")!.Value, Figure(county, "onTimeRate")!.Value));
        Assert.Equal(2m, Chart(county, "problemsByCategory").GetProperty("series")[1].GetProperty("values")[0].GetDecimal());   // 土地: two closed

        var xiqu = await host.ClientFor("xiqu.operator");
        Assert.Equal(HttpStatusCode.NotFound, (await xiqu.GetAsync($"/api/v1/dashboards/county?year={EvaluationWorld.Year}&jurisdictionId={ids.County}")).StatusCode);
        var own = await xiqu.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/county?year={EvaluationWorld.Year}");   // the operator's own jurisdiction
        Assert.StartsWith("西区", own.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.ClientFor("xiqu.enterprise")).GetAsync($"/api/v1/dashboards/county?year={EvaluationWorld.Year}")).StatusCode);
    }
}

public sealed class DashboardsOnSqlite(SqliteHost host) : DashboardTests<SqliteHost>(host);
public sealed class DashboardsOnPostgres(PostgresHost host) : DashboardTests<PostgresHost>(host);
