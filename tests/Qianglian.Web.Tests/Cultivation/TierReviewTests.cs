using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Cultivation.CultivationApi;

namespace Qianglian.Web.Tests.Cultivation;

/// <summary>The yearly review of the three-tier ledger on the demo chain of 西区, confirmed item by item, on both databases.</summary>
public abstract class TierReviewTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task A_review_proposes_promote_admit_keep_and_exit_and_each_confirmation_moves_the_ledger()
    {
        var (client, xiqu) = await Office(host);
        var run = await Created(await client.PostAsJsonAsync("/api/v1/cultivation/reviews", new { jurisdictionId = xiqu, year = 2024 }));
        var again = await client.PostAsJsonAsync("/api/v1/cultivation/reviews", new { jurisdictionId = xiqu, year = 2024 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var results = await Results(client, run);
        var green = Of(results, "演示·西区绿色化工有限公司");
        Assert.Equal("Promote", green.GetProperty("proposal").GetString());
        Assert.Equal("示范库", green.GetProperty("class").GetString());
        Assert.Equal("Admit", Of(results, "演示·西区钒钛新材料有限公司").GetProperty("proposal").GetString());
        Assert.Equal("Promote", Of(results, "演示·西区钛精矿选矿有限公司").GetProperty("proposal").GetString());   // 候选库 → 培育库
        var lab = Of(results, "演示·西区检验检测服务有限公司");
        Assert.Equal("Exit", lab.GetProperty("proposal").GetString());

        // The explanation of one result: every indicator's value, points and rule, and the model version.
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/results/{green.GetProperty("id").GetGuid()}");
        var lines = detail.GetProperty("score").GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(10, lines.Count);
        Assert.Contains(lines, l => l.GetProperty("name").GetString() == "本地配套率" && l.GetProperty("rule").GetString()!.Contains("基准 50%"));
        Assert.Contains("第1版", detail.GetProperty("modelName").GetString());

        var reject = await client.PostAsJsonAsync($"/api/v1/cultivation/results/{Id(lab)}/decision", new { confirm = false, version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, reject.StatusCode);
        Assert.Contains("note", await Problem(reject));

        foreach (var r in new[] { green, lab, Of(results, "演示·西区钒钛新材料有限公司"), Of(results, "演示·西区钛精矿选矿有限公司") })
        {
            var ok = await client.PostAsJsonAsync($"/api/v1/cultivation/results/{Id(r)}/decision", new { confirm = true, version = r.GetProperty("version").GetInt32() });
            Assert.True(ok.StatusCode == HttpStatusCode.NoContent, await Problem(ok));
        }
        var twice = await client.PostAsJsonAsync($"/api/v1/cultivation/results/{Id(green)}/decision", new { confirm = true, version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var runView = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/runs/{run}");
        Assert.Equal("Closed", runView.GetProperty("status").GetString());

        var history = (await client.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/tiers?history=true")).EnumerateArray().ToList();
        var greenTiers = history.Where(t => t.GetProperty("enterpriseName").GetString() == "演示·西区绿色化工有限公司").ToList();
        Assert.Contains(greenTiers, t => t.GetProperty("tier").GetString() == "Cultivation" && t.GetProperty("toYear").GetInt32() == 2024 && t.GetProperty("endedBy").GetString() == "Promote");
        Assert.Contains(greenTiers, t => t.GetProperty("tier").GetString() == "Demonstration" && t.GetProperty("fromYear").GetInt32() == 2025);
        var exits = (await client.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/exits")).EnumerateArray().ToList();
        var exit = Assert.Single(exits);
        Assert.Contains("低于“候选库”最低分 50", exit.GetProperty("reason").GetString());
        Assert.Contains("退出候选库", exit.GetProperty("notice").GetString());

        var counts = (await client.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/chain-targets")).EnumerateArray()
            .Single(c => c.GetProperty("chainName").GetString() == Web.Hosting.DemoChain.Name);
        Assert.Equal(1, counts.GetProperty("demonstration").GetInt32());
        Assert.Equal(1, counts.GetProperty("cultivation").GetInt32());
        Assert.Equal(1, counts.GetProperty("candidate").GetInt32());
    }

    [Fact]
    public async Task The_daZhou_chain_target_is_shown_against_its_actual()
    {
        var client = await host.ClientFor("dazhou.office");
        Guid dazhou;
        await using (var db = host.OpenSystem()) dazhou = (await db.Jurisdictions.SingleAsync(j => j.Code == "511700")).Id;
        var created = await client.PostAsJsonAsync("/api/v1/chains", new { jurisdictionId = dazhou, name = "天然气化工产业链" });
        Assert.True(created.IsSuccessStatusCode, await Problem(created));
        var row = (await client.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/chain-targets")).EnumerateArray().Single(c => c.GetProperty("chainName").GetString() == "天然气化工产业链");
        Assert.Equal("2–3家（2027年）", row.GetProperty("target").GetString());
        Assert.False(row.GetProperty("targetMet").GetBoolean());
    }

    [Fact]
    public async Task Expert_scores_are_checked_against_the_model_that_reads_them()
    {
        var (client, _) = await Office(host);
        Guid enterprise, chain;
        await using (var db = host.OpenSystem())
        {
            enterprise = (await db.Enterprises.SingleAsync(e => e.Name == "演示·西区钒钛新材料有限公司")).Id;
            chain = (await db.Chains.SingleAsync(c => c.Name == Web.Hosting.DemoChain.Name)).Id;
        }
        var outOfRange = await client.PutAsJsonAsync("/api/v1/cultivation/expert-scores", new { enterpriseId = enterprise, chainId = chain, year = 2024, key = "position", score = 12 });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("0–10", await Problem(outOfRange));
        var unknown = await client.PutAsJsonAsync("/api/v1/cultivation/expert-scores", new { enterpriseId = enterprise, chainId = chain, year = 2024, key = "beauty", score = 5 });
        Assert.Contains("beauty", await Problem(unknown));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/cultivation/expert-scores", new { enterpriseId = enterprise, chainId = chain, year = 2024, key = "position", score = 9.5 })).StatusCode);

        string uscc;
        await using (var db = host.OpenSystem()) uscc = (await db.Enterprises.SingleAsync(e => e.Id == enterprise)).Uscc;
        var file = Shared.Excel.Workbooks.Rows("专家评分",
        [
            new Dictionary<string, object?> { ["统一社会信用代码"] = uscc, ["产业链"] = Web.Hosting.DemoChain.Name, ["年度"] = 2024, ["评分项"] = "innovation", ["评分"] = 7, ["说明"] = null },
            new Dictionary<string, object?> { ["统一社会信用代码"] = uscc, ["产业链"] = Web.Hosting.DemoChain.Name, ["年度"] = 2024, ["评分项"] = "integration", ["评分"] = 11, ["说明"] = null },
            new Dictionary<string, object?> { ["统一社会信用代码"] = uscc, ["产业链"] = "不存在的链", ["年度"] = 2024, ["评分项"] = "innovation", ["评分"] = 7, ["说明"] = null },
        ]);
        var import = await client.PostAsync("/api/v1/cultivation/expert-scores/import", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "scores.xlsx" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, import.StatusCode);
        var errors = (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 4], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Equal(["评分", "产业链"], errors.Select(e => e.GetProperty("column").GetString()));
    }

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();
}

public sealed class TierReviewOnSqlite(SqliteHost host) : TierReviewTests<SqliteHost>(host);
public sealed class TierReviewOnPostgres(PostgresHost host) : TierReviewTests<PostgresHost>(host);
