using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Evaluation;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Evaluation;

/// <summary>The chain and park evaluation index through the API on both databases: models refused by field, runs scored as by hand, all or nothing.</summary>
public abstract class IndexTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<int> Count<T>() where T : class
    {
        await using var db = host.OpenSystem();
        return await db.Set<T>().CountAsync();
    }

    [Fact]
    public async Task Bad_models_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var ids = await EvaluationWorld.EnsureAsync(host);
        var office = await host.ClientFor("dazhou.office");
        var before = await Count<CultivationModel>();

        async Task<string> Refused(object definition)
        {
            var response = await office.PostAsJsonAsync("/api/v1/evaluation/models", new { jurisdictionId = ids.County, year = 2031, definition });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("definition.model.indicators.weight", await Refused(EvaluationWorld.Model(aboveScaleWeight: 20)));
        Assert.Contains("各指标权重之和须为100，现为90", await Refused(EvaluationWorld.Model(aboveScaleWeight: 20)));
        var zero = await Refused(EvaluationWorld.Model(benchmark: 0));
        Assert.Contains("definition.model.indicators[1].benchmark", zero);
        Assert.Contains("基准值须大于0", zero);
        var funds = await Refused(EvaluationWorld.Model(onTimeInput: "fundsInPlace"));
        Assert.Contains("definition.model.indicators[2].input", funds);
        Assert.Contains("“到位资金”没有数据来源", funds);
        Assert.Contains("definition.model.indicators[2].input", await Refused(EvaluationWorld.Model(onTimeInput: "noSuchInput")));
        Assert.Equal(before, await Count<CultivationModel>());
    }

    [Fact]
    public async Task The_index_ranks_chains_as_computed_by_hand_explains_every_point_and_exports()
    {
        var ids = await EvaluationWorld.EnsureAsync(host);
        var office = await host.ClientFor("dazhou.office");
        var saved = await office.PostAsJsonAsync("/api/v1/evaluation/models", new { jurisdictionId = ids.County, year = EvaluationWorld.Year, definition = EvaluationWorld.Model() });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var run = await office.PostAsJsonAsync("/api/v1/evaluation/runs", new { jurisdictionId = ids.County, year = EvaluationWorld.Year, subject = "Chain" });
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ranking = await office.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/runs/{runId}");
        Assert.Equal("测评指数 2030年 第1版", ranking.GetProperty("run").GetProperty("modelVersion").GetString());
        var results = ranking.GetProperty("results").EnumerateArray().ToList();
        // 乙: 14.4亿 ≥ good → 50; 2 ÷ 2 × 30 = 30; no problem closed → 0. Total 80 → 优秀.
        // 甲: 60 + 40 × (6亿 − 1亿) ÷ 9亿 = 82.22 → 41.11; 1 ÷ 2 × 30 = 15; 50% held at 60% → 60 × 20% = 12. Total 68.11 → 合格.
        // 丙: no enterprise reported the year → 数据不足，不予评价: no score, no rank, not criticised (never "产值 0 → 较差").
        Assert.Equal(["乙链", "甲链", "丙链"], results.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal([80m, 68.11m, null], results.Select(r => r.GetProperty("score") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : (decimal?)null));
        Assert.Equal([1, 2, null], results.Select(r => r.GetProperty("rank") is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : (int?)null));
        Assert.Equal(["Praise", "None", "None"], results.Select(r => r.GetProperty("verdict").GetString()));
        Assert.Equal("数据不足，不予评价", results[2].GetProperty("class").GetString());
        Assert.Contains("2030年没有企业报送产值、营业收入等年度数据", results[2].GetProperty("notes")[0].GetString());
        Assert.Equal(2, ranking.GetProperty("run").GetProperty("scoredCount").GetInt32());
        Assert.Equal("乙链", ranking.GetProperty("praised").EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Empty(ranking.GetProperty("criticised").EnumerateArray());

        var jia = await office.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/results/{results[1].GetProperty("id").GetGuid()}");
        var lines = jia.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([41.11m, 15m, 12m], lines.Select(l => l.GetProperty("points").GetDecimal()));
        Assert.Contains("= 82.22", lines[0].GetProperty("rule").GetString());
        Assert.Contains("按不允许值计", lines[2].GetProperty("rule").GetString());

        var xlsx = await office.GetAsync($"/api/v1/evaluation/runs/{runId}/ranking.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["乙链", "甲链", "丙链"], rows.Select(r => r["名称"]?.ToString()));
        Assert.Equal("通报表扬", rows[0]["通报"]?.ToString());
        Assert.Contains("产值：60 + 40 ×", rows[1]["计分说明"]?.ToString());
    }

    [Fact]
    public async Task A_year_without_data_is_not_evaluated_no_zero_output_no_minus_100_percent_no_criticism()
    {
        var ids = await EvaluationWorld.EnsureAsync(host);
        var office = await host.ClientFor("dazhou.office");
        // A model for 2031, a year nobody has reported yet (the facts are of 2030).
        var saved = await office.PostAsJsonAsync("/api/v1/evaluation/models", new { jurisdictionId = ids.County, year = EvaluationWorld.Year + 1, definition = EvaluationWorld.Model() });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var run = await office.PostAsJsonAsync("/api/v1/evaluation/runs", new { jurisdictionId = ids.County, year = EvaluationWorld.Year + 1, subject = "Chain" });
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        var ranking = await office.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/runs/{(await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}");
        var results = ranking.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(JsonValueKind.Null, r.GetProperty("score").ValueKind);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("rank").ValueKind);
            Assert.Equal("数据不足，不予评价", r.GetProperty("class").GetString());
            Assert.Equal("None", r.GetProperty("verdict").GetString());
            Assert.Empty(r.GetProperty("lines").EnumerateArray());
        });
        Assert.Empty(ranking.GetProperty("praised").EnumerateArray());
        Assert.Empty(ranking.GetProperty("criticised").EnumerateArray());
        Assert.Equal(0, ranking.GetProperty("run").GetProperty("scoredCount").GetInt32());
        // The stored values say "no data", not 0 and −100%.
        await using var db = host.OpenSystem();
        var stored = await db.Set<IndexResult>().Where(r => r.Name == "甲链" && r.Class == "数据不足，不予评价").Select(r => r.Values).FirstAsync();
        var values = JsonDocument.Parse(stored).RootElement;
        foreach (var key in new[] { "output", "outputGrowth", "aboveScaleCount" })
            Assert.True(!values.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null, $"{key} stored as {v}");

        var xlsx = await office.GetAsync($"/api/v1/evaluation/runs/{ranking.GetProperty("run").GetProperty("id").GetGuid()}/ranking.xlsx");
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.All(rows, r => Assert.Equal(("数据不足，不予评价", ""), (r["等次"]?.ToString(), r["通报"]?.ToString() ?? "")));
    }

    [Fact]
    public async Task A_run_that_cannot_be_computed_stores_nothing()
    {
        var ids = await EvaluationWorld.EnsureAsync(host);
        var office = await host.ClientFor("dazhou.office");
        // A stored model whose input has since lost its data source (written past the save's checks, as an older platform could have).
        await using (var db = host.OpenSystem())
        {
            var definition = JsonSerializer.Serialize(EvaluationWorld.Model(onTimeInput: "fundsInPlace"));
            db.CultivationModels.Add(new CultivationModel
            {
                JurisdictionId = ids.County, Kind = ModelKind.Index, Code = "chain-index", Name = "旧模型", Year = 2032, Revision = 1, Definition = definition,
                ContentHash = ModelJson.Hash(definition), Origin = "test", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var (runs, results) = (await Count<IndexRun>(), await Count<IndexResult>());

        var stale = await office.PostAsJsonAsync("/api/v1/evaluation/runs", new { jurisdictionId = ids.County, year = 2032, subject = "Chain" });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("model.indicators[2].input", await stale.Content.ReadAsStringAsync());
        var noModel = await office.PostAsJsonAsync("/api/v1/evaluation/runs", new { jurisdictionId = ids.County, year = 2001, subject = "Chain" });
        Assert.Contains("没有适用于2001年的产业链评价指数模型", await noModel.Content.ReadAsStringAsync());
        var noSubject = await office.PostAsJsonAsync("/api/v1/evaluation/runs", new { jurisdictionId = ids.County, year = 2030 });
        Assert.Contains("\"subject\"", await noSubject.Content.ReadAsStringAsync());
        var operatorRun = await (await host.ClientFor("xiqu.operator")).PostAsJsonAsync("/api/v1/evaluation/runs", new { jurisdictionId = ids.County, year = 2030, subject = "Chain" });
        Assert.Equal(HttpStatusCode.Forbidden, operatorRun.StatusCode);

        Assert.Equal((runs, results), (await Count<IndexRun>(), await Count<IndexResult>()));
    }

    [Fact]
    public async Task The_packs_models_load_and_the_park_evaluation_runs_over_the_parks()
    {
        var office = await host.ClientFor("dazhou.office");
        var models = await office.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/models");
        Assert.Contains(models.EnumerateArray(), m => m.GetProperty("code").GetString() == "chain-index" && m.GetProperty("jurisdiction").GetString() == "达州市");
        Assert.Contains(models.EnumerateArray(), m => m.GetProperty("code").GetString() == "park-index" && m.GetProperty("origin").GetString()!.StartsWith("packs/dazhou/evaluation.yaml"));

        await using var db = host.OpenSystem();
        var dazhou = await db.Jurisdictions.SingleAsync(j => j.Code == "511700");
        var run = await office.PostAsJsonAsync("/api/v1/evaluation/runs", new { jurisdictionId = dazhou.Id, year = 2024, subject = "Park" });
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        var ranking = await office.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/runs/{(await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}");
        Assert.Equal(["达州东部经开区", "达州高新区"], ranking.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()).Order());
        Assert.All(ranking.GetProperty("results").EnumerateArray(), r => Assert.Equal(6, r.GetProperty("lines").GetArrayLength()));
    }
}

public sealed class IndexOnSqlite(SqliteHost host) : IndexTests<SqliteHost>(host);
public sealed class IndexOnPostgres(PostgresHost host) : IndexTests<PostgresHost>(host);
