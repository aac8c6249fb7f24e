using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Cultivation.CultivationApi;

namespace Qianglian.Web.Tests.Cultivation;

/// <summary>亩均论英雄 on 西区's demo enterprises: grade, publish, object, resolve, lock; versions; bad input — on both databases.</summary>
public abstract class GradingTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task A_grading_is_published_objected_to_resolved_and_locked()
    {
        var (client, xiqu) = await Office(host);
        var run = await Created(await client.PostAsJsonAsync("/api/v1/cultivation/gradings", new { jurisdictionId = xiqu, year = 2024 }));
        var results = await Results(client, run);
        Assert.Equal("T", Of(results, "演示·西区热力供应有限公司").GetProperty("class").GetString());          // utility
        Assert.Equal("T", Of(results, "演示·西区新能源装备有限公司").GetProperty("class").GetString());        // in production since 2024-03
        Assert.Equal("T", Of(results, "演示·西区新型建材有限公司").GetProperty("class").GetString());          // major project under construction
        Assert.DoesNotContain(results, r => r.GetProperty("enterpriseName").GetString() == "演示·西区检验检测服务有限公司"); // not industrial
        Assert.Contains(results, r => r.GetProperty("class").GetString() == "A");
        Assert.Contains(results, r => r.GetProperty("class").GetString() == "D");
        // 规上 and 规下 enterprises are graded by their own models and ranked each in their own group: every result names
        // its group, the list shows the groups one after the other, and a rank is the place within the group.
        var groups = results.Select(r => r.GetProperty("group").GetString()).ToList();
        Assert.Equal(["规上企业", "规下企业"], groups.Distinct());
        foreach (var group in groups.Distinct())
        {
            var ranked = results.Where(r => r.GetProperty("group").GetString() == group && r.GetProperty("rank").ValueKind == JsonValueKind.Number).ToList();
            Assert.NotEmpty(ranked);
            foreach (var r in ranked)
                Assert.Equal(1 + ranked.Count(o => o.GetProperty("score").GetDecimal() > r.GetProperty("score").GetDecimal()), r.GetProperty("rank").GetInt32());
        }

        var target = Of(results, "演示·西区耐火材料有限公司");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/results/{target.GetProperty("id").GetGuid()}");
        var lifts = detail.GetProperty("whatIf").GetProperty("lifts").EnumerateArray().ToList();
        Assert.Contains(lifts, l => l.GetProperty("key").GetString() == "taxPerMu" && l.GetProperty("text").GetString()!.Contains("提高到"));

        var objectionEarly = await client.PostAsJsonAsync($"/api/v1/cultivation/results/{target.GetProperty("id").GetGuid()}/objections", new { reason = "用地面积含代征道路" });
        Assert.Equal(HttpStatusCode.Conflict, objectionEarly.StatusCode);   // not published yet

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/runs/{run}");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/cultivation/runs/{run}/publish", new { objectionDays = 0, version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cultivation/runs/{run}/publish", new { objectionDays = 7, version = view.GetProperty("version").GetInt32() })).StatusCode);
        view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/runs/{run}");
        Assert.Contains("公示期", view.GetProperty("notice").GetString());

        var enterpriseUser = await host.ClientFor("xiqu.operator");
        var objection = await Created(await enterpriseUser.PostAsJsonAsync($"/api/v1/cultivation/results/{target.GetProperty("id").GetGuid()}/objections", new { reason = "用地面积含代征道路" }));
        var locked = await client.PostAsJsonAsync($"/api/v1/cultivation/runs/{run}/lock", new { version = view.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);

        var badGrade = await client.PutAsJsonAsync($"/api/v1/cultivation/objections/{objection}", new { upheld = true, resolution = "核减用地后重算", newClass = "A+", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, badGrade.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/cultivation/objections/{objection}", new { upheld = true, resolution = "核减用地后重算", newClass = "C", version = 0 })).StatusCode);
        Assert.Equal("C", Of(await Results(client, run), "演示·西区耐火材料有限公司").GetProperty("finalClass").GetString());

        // Still inside the window: no lock. The window closes (the deadline is moved, as time passing would).
        Assert.Contains("期满后", await Problem(await client.PostAsJsonAsync($"/api/v1/cultivation/runs/{run}/lock", new { version = view.GetProperty("version").GetInt32() })));
        await using (var db = host.OpenSystem())
        {
            var stored = await db.EvaluationRuns.SingleAsync(r => r.Id == run);
            stored.ObjectionDeadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            await db.SaveChangesAsync();
        }
        view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/runs/{run}");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cultivation/runs/{run}/lock", new { version = view.GetProperty("version").GetInt32() })).StatusCode);
        var late = await enterpriseUser.PostAsJsonAsync($"/api/v1/cultivation/results/{Of(results, "演示·西区化工助剂有限公司").GetProperty("id").GetGuid()}/objections", new { reason = "迟到的异议" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        var byChain = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/runs/{run}/distribution?by=chain")).EnumerateArray().ToList();
        Assert.Contains(byChain, g => g.GetProperty("group").GetString() == Web.Hosting.DemoChain.Name);
        Assert.Contains(byChain, g => g.GetProperty("group").GetString() == "未入链");
        var xlsx = await client.GetAsync($"/api/v1/cultivation/runs/{run}/results.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(sheet, row => (string?)row["企业名称"] == "演示·西区耐火材料有限公司" && (string?)row["最终等级"] == "C" && ((string?)row["计分说明"])!.Contains("亩均税收"));
        var refractory = Of(results, "演示·西区耐火材料有限公司");
        Assert.Contains(sheet, row => (string?)row["企业名称"] == "演示·西区耐火材料有限公司" && (string?)row["组别"] == refractory.GetProperty("group").GetString()
                                      && Convert.ToInt32(row["组内排名"]) == refractory.GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Re_running_a_past_year_with_its_model_gives_the_same_result_after_a_new_years_model()
    {
        var (client, xiqu) = await Office(host);
        var first = await Scores(client, await Created(await client.PostAsJsonAsync("/api/v1/cultivation/gradings", new { jurisdictionId = xiqu, year = 2024 })));

        var model = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/jurisdictions/{xiqu}/models?year=2024")).EnumerateArray()
            .Single(m => m.GetProperty("code").GetString() == "per-mu-above");
        var definition = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(model.GetProperty("definition").GetString()!)!;
        var indicators = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(definition["indicators"].GetRawText())!;
        indicators[0]["weight"] = JsonSerializer.SerializeToElement(50);
        indicators[1]["weight"] = JsonSerializer.SerializeToElement(0.0);
        definition["indicators"] = JsonSerializer.SerializeToElement(indicators);
        var refused = await client.PostAsJsonAsync("/api/v1/cultivation/models", new { jurisdictionId = xiqu, kind = "Scoring", year = 2025, definition });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("definition.indicators[1].weight", await Problem(refused));

        indicators[1]["weight"] = JsonSerializer.SerializeToElement(10);
        definition["indicators"] = JsonSerializer.SerializeToElement(indicators);
        var sumWrong = await client.PostAsJsonAsync("/api/v1/cultivation/models", new { jurisdictionId = xiqu, kind = "Scoring", year = 2025, definition });
        Assert.Contains("definition.indicators.weight", await Problem(sumWrong));
        Assert.Contains("现为110", await Problem(sumWrong));

        indicators[0]["weight"] = JsonSerializer.SerializeToElement(40);
        indicators[1]["weight"] = JsonSerializer.SerializeToElement(10);
        definition["indicators"] = JsonSerializer.SerializeToElement(indicators);
        var saved = await client.PostAsJsonAsync("/api/v1/cultivation/models", new { jurisdictionId = xiqu, kind = "Scoring", year = 2025, definition });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var again = await Scores(client, await Created(await client.PostAsJsonAsync("/api/v1/cultivation/gradings", new { jurisdictionId = xiqu, year = 2024 })));
        Assert.Equal(first, again);
        var effective2025 = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/jurisdictions/{xiqu}/models?year=2025")).EnumerateArray()
            .Single(m => m.GetProperty("code").GetString() == "per-mu-above");
        Assert.Equal(2025, effective2025.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task A_benchmark_of_zero_and_an_enterprise_without_facts_are_clear_errors()
    {
        var (client, xiqu) = await Office(host);
        var zero = new
        {
            code = "per-mu-above", name = "零基准",
            indicators = new[] { new { key = "tax", name = "亩均税收", input = "taxPerMu", method = "BenchmarkRatio", weight = 100, benchmark = 0 } },
            classification = new { mode = "ByRankShare", bands = new[] { new { key = "A", label = "A", upToShare = 1 } } },
        };
        var refused = await client.PostAsJsonAsync("/api/v1/cultivation/models", new { jurisdictionId = xiqu, kind = "Scoring", year = 2026, definition = zero });
        Assert.Contains("definition.indicators[0].benchmark", await Problem(refused));

        Guid noFacts;
        await using (var db = host.OpenSystem()) noFacts = (await db.Enterprises.SingleAsync(e => e.Name == "演示·安康富硒食品有限公司")).Id;
        var admin = await host.ClientFor("admin");
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/enterprises/{noFacts}?year=2024");
        Assert.False(view.GetProperty("hasFacts").GetBoolean());
        Assert.Contains("缺少2024年度企业数据", view.GetProperty("message").GetString());

        var future = await client.PostAsJsonAsync("/api/v1/cultivation/gradings", new { jurisdictionId = xiqu, year = 2100 });
        Assert.Contains("year", await Problem(future));
    }

    [Fact]
    public async Task The_gradient_pipeline_small_to_scale_pool_four_ups_and_ipo_pool()
    {
        var (client, _) = await Office(host);
        var pipeline = (await client.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/srdi?year=2024")).EnumerateArray().ToList();
        var battery = pipeline.Single(r => r.GetProperty("name").GetString() == "演示·西区钒电池材料有限公司");
        Assert.Equal("SrdiSme", battery.GetProperty("held").GetString());
        Assert.Equal("LittleGiant", battery.GetProperty("next").GetString());
        Assert.Contains("申报专精特新“小巨人”企业尚不满足", battery.GetProperty("summary").GetString());

        var pool = await client.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/small-to-scale?year=2024");
        var names = pool.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("演示·西区包装材料有限公司", names);
        Assert.DoesNotContain("演示·西区化工助剂有限公司", names);   // 1200万元 +12%: not within two years
        Assert.True(pool.GetProperty("aboveScale").GetInt32() > 0);

        var ups = await client.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/four-ups?year=2024");
        Assert.True(ups.GetProperty("cloud").GetInt32() >= 3);
        var ipo = (await client.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/ipo-pool")).EnumerateArray().ToList();
        Assert.Equal(["Filing", "Counselling", "Reserve"], ipo.Select(r => r.GetProperty("stage").GetString()));
    }

    private static async Task<List<(string, decimal?, string)>> Scores(HttpClient client, Guid run) =>
        (await Results(client, run)).Select(r => (r.GetProperty("enterpriseName").GetString()!, r.GetProperty("score").ValueKind == JsonValueKind.Null ? (decimal?)null : r.GetProperty("score").GetDecimal(),
            r.GetProperty("class").GetString()!)).OrderBy(r => r.Item1).ToList();
}

public sealed class GradingOnSqlite(SqliteHost host) : GradingTests<SqliteHost>(host);
public sealed class GradingOnPostgres(PostgresHost host) : GradingTests<PostgresHost>(host);
