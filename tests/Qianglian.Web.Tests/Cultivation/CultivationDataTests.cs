using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Cultivation.CultivationApi;

namespace Qianglian.Web.Tests.Cultivation;

/// <summary>
/// The figures officials enter for the cultivation rules: an enterprise's profile and supplementary figures (read
/// back with the gradient they change, refused field by field, versioned), and reviewers' expert scores (listed,
/// offered per enterprise with the model's ranges, corrected without overwriting a newer score).
/// </summary>
public abstract class CultivationDataTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private const string Titanium = "演示·西区钛合金制品有限公司", Parts = "演示·西区汽车零部件有限公司", Green = "演示·西区绿色化工有限公司", ChainMember = "演示·西区钒钛新材料有限公司", Battery = "演示·西区钒电池材料有限公司";

    private async Task<Guid> EnterpriseId(string name)
    {
        await using var db = host.OpenSystem();
        return (await db.Enterprises.SingleAsync(e => e.Name == name)).Id;
    }

    private async Task<Guid> DemoChain()
    {
        await using var db = host.OpenSystem();
        return (await db.Chains.SingleAsync(c => c.Name == Web.Hosting.DemoChain.Name)).Id;
    }

    private static async Task<JsonElement> View(HttpClient client, Guid enterprise, int year) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/enterprises/{enterprise}?year={year}");

    private static async Task<Dictionary<string, string>> FieldErrors(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => string.Join("；", p.Value.EnumerateArray().Select(m => m.GetString())));
    }

    [Fact]
    public async Task Supplementary_figures_are_read_back_and_change_the_gradient()
    {
        var (client, _) = await Office(host);
        var titanium = await EnterpriseId(Titanium);
        var before = await View(client, titanium, 2024);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("supplementary").ValueKind);
        Assert.Equal([2024, 2023], before.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal("None", before.GetProperty("gradient").GetProperty("canApplyFor").GetString());
        Assert.Contains("“专业化”得分 0", before.GetProperty("gradient").GetProperty("summary").GetString());

        // 3亿元 of 3.2亿元 revenue is the main business: 主营业务收入占比 93.75% earns the 20 points of 专业化.
        var saved = await client.PutAsJsonAsync($"/api/v1/cultivation/enterprises/{titanium}/supplementary/2024",
            new { mainBusinessRevenue = 300_000_000m, totalAssets = 200_000_000m, totalLiabilities = 90_000_000m, rdStaff = 40, classOneIp = 2, version = 0 });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var after = await View(client, titanium, 2024);
        var figures = after.GetProperty("supplementary");
        Assert.Equal((300_000_000m, 90_000_000m, 40, 2), (figures.GetProperty("mainBusinessRevenue").GetDecimal(), figures.GetProperty("totalLiabilities").GetDecimal(),
            figures.GetProperty("rdStaff").GetInt32(), figures.GetProperty("classOneIp").GetInt32()));
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("highValueIp").ValueKind);
        Assert.Equal("InnovativeSme", after.GetProperty("gradient").GetProperty("canApplyFor").GetString());
        Assert.Equal("可申报创新型中小企业", after.GetProperty("gradient").GetProperty("summary").GetString());
        var giant = after.GetProperty("gradient").GetProperty("levels")[2].GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal("Met", giant.Single(o => o.GetProperty("key").GetString() == "debt").GetProperty("status").GetString());

        // Another year's figures are that year's: 2024 keeps its own.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/cultivation/enterprises/{titanium}/supplementary/2023",
            new { mainBusinessRevenue = 100_000_000m, version = 0 })).StatusCode);
        Assert.Equal(100_000_000m, (await View(client, titanium, 2023)).GetProperty("supplementary").GetProperty("mainBusinessRevenue").GetDecimal());
        Assert.Equal(300_000_000m, (await View(client, titanium, 2024)).GetProperty("supplementary").GetProperty("mainBusinessRevenue").GetDecimal());
    }

    [Fact]
    public async Task The_profile_is_read_back_and_its_niche_years_count_for_the_little_giant()
    {
        var (client, _) = await Office(host);
        var parts = await EnterpriseId(Parts);
        var niche = (await View(client, parts, 2024)).GetProperty("gradient").GetProperty("levels")[2].GetProperty("outcomes").EnumerateArray()
            .Single(o => o.GetProperty("key").GetString() == "niche");
        Assert.Equal("Unknown", niche.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/cultivation/enterprises/{parts}/profile", new
        {
            productionStartedOn = "2015-06-01", nicheSinceYear = 2016, strategicEmerging = true, rdInstitutionLevel = 3, majorProjectUnderConstruction = false, version = 0,
        })).StatusCode);
        var view = await View(client, parts, 2024);
        var profile = view.GetProperty("profile");
        Assert.Equal(("2015-06-01", 2016, true, 3), (profile.GetProperty("productionStartedOn").GetString(), profile.GetProperty("nicheSinceYear").GetInt32(),
            profile.GetProperty("strategicEmerging").GetBoolean(), profile.GetProperty("rdInstitutionLevel").GetInt32()));
        niche = view.GetProperty("gradient").GetProperty("levels")[2].GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("key").GetString() == "niche");
        Assert.Equal("Met", niche.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_figures_are_refused_field_by_field_and_nothing_is_stored()
    {
        var (client, _) = await Office(host);
        var battery = await EnterpriseId(Battery);
        var stored = (await View(client, battery, 2024)).GetProperty("supplementary");

        var errors = await FieldErrors(await client.PutAsJsonAsync($"/api/v1/cultivation/enterprises/{battery}/supplementary/2024",
            new { mainBusinessRevenue = -1_000_000m, totalAssets = 100_000_000m, rdStaff = -3, version = stored.GetProperty("version").GetInt32() }));
        Assert.Equal(["mainBusinessRevenue", "rdStaff"], errors.Keys.Order());
        Assert.StartsWith("主营业务收入不能为负数", errors["mainBusinessRevenue"]);
        Assert.DoesNotContain("1000000", errors["mainBusinessRevenue"]);
        Assert.StartsWith("研发人员不能为负数：-3", errors["rdStaff"]);
        Assert.Equal(stored.GetRawText(), (await View(client, battery, 2024)).GetProperty("supplementary").GetRawText());

        errors = await FieldErrors(await client.PutAsJsonAsync($"/api/v1/cultivation/enterprises/{battery}/supplementary/1999", new { rdStaff = 3 }));
        Assert.Contains("年度 1999 无效", errors["year"]);

        var profile = (await View(client, battery, 2024)).GetProperty("profile");
        errors = await FieldErrors(await client.PutAsJsonAsync($"/api/v1/cultivation/enterprises/{battery}/profile",
            new { nicheSinceYear = 1800, rdInstitutionLevel = 5, version = profile.GetProperty("version").GetInt32() }));
        Assert.Equal(["nicheSinceYear", "rdInstitutionLevel"], errors.Keys.Order());
        Assert.StartsWith("研发机构级别应为 0–4", errors["rdInstitutionLevel"]);
        Assert.Equal(profile.GetRawText(), (await View(client, battery, 2024)).GetProperty("profile").GetRawText());
    }

    [Fact]
    public async Task A_save_over_figures_changed_meanwhile_is_a_conflict()
    {
        var (client, _) = await Office(host);
        var battery = await EnterpriseId(Battery);
        var seen = (await View(client, battery, 2024)).GetProperty("supplementary").GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/cultivation/enterprises/{battery}/supplementary/2024",
            new { mainBusinessRevenue = 150_000_000m, version = seen })).StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/v1/cultivation/enterprises/{battery}/supplementary/2024", new { mainBusinessRevenue = 1m, version = seen });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(150_000_000m, (await View(client, battery, 2024)).GetProperty("supplementary").GetProperty("mainBusinessRevenue").GetDecimal());

        var profileVersion = (await View(client, battery, 2024)).GetProperty("profile").GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/cultivation/enterprises/{battery}/profile",
            new { nicheSinceYear = 2017, rdInstitutionLevel = 3, version = profileVersion })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/v1/cultivation/enterprises/{battery}/profile",
            new { nicheSinceYear = 2019, rdInstitutionLevel = 3, version = profileVersion })).StatusCode);
    }

    [Fact]
    public async Task Expert_scores_are_listed_with_their_indicator_filtered_and_scoped()
    {
        var (client, _) = await Office(host);
        var chain = await DemoChain();
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/expert-scores?year=2024&pageSize=100");
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 6);
        var position = items.Single(i => i.GetProperty("enterpriseName").GetString() == Green && i.GetProperty("key").GetString() == "position");
        Assert.Equal(("行业地位（专家评分）", 10m, Web.Hosting.DemoChain.Name, "演示专家组"), (position.GetProperty("indicator").GetString(), position.GetProperty("score").GetDecimal(),
            position.GetProperty("chainName").GetString(), position.GetProperty("reviewer").GetString()));
        Assert.All(items, i => Assert.Equal(2024, i.GetProperty("year").GetInt32()));

        var ofChain = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/expert-scores?chainId={chain}&search=绿色化工");
        Assert.Equal(3, ofChain.GetProperty("total").GetInt32());
        Assert.All(ofChain.GetProperty("items").EnumerateArray(), i => Assert.Equal(Green, i.GetProperty("enterpriseName").GetString()));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/expert-scores?year=2020")).GetProperty("total").GetInt32());

        var dazhou = await host.ClientFor("dazhou.office");
        var theirs = await dazhou.GetFromJsonAsync<JsonElement>("/api/v1/cultivation/expert-scores?year=2024");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("enterpriseName").GetString() == Green);
    }

    [Fact]
    public async Task An_enterprise_is_offered_the_expert_scores_its_models_read_with_what_is_entered()
    {
        var (client, _) = await Office(host);
        var (green, chain) = (await EnterpriseId(Green), await DemoChain());
        var forChain = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/cultivation/enterprises/{green}/expert-scores?chainId={chain}&year=2024"))!;
        Assert.Equal(["position", "innovation", "integration"], forChain.Select(i => i.GetProperty("key").GetString()));
        Assert.All(forChain, i => Assert.Equal((0m, 10m, 10m), (i.GetProperty("min").GetDecimal(), i.GetProperty("max").GetDecimal(), i.GetProperty("score").GetDecimal())));

        var own = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/cultivation/enterprises/{green}/expert-scores?year=2024"))!;
        var srdi = own.Single(i => i.GetProperty("key").GetString() == "srdi-score");
        Assert.Equal(("专精特新评价得分", 0m, 100m), (srdi.GetProperty("name").GetString(), srdi.GetProperty("min").GetDecimal(), srdi.GetProperty("max").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, srdi.GetProperty("score").ValueKind);
        Assert.DoesNotContain(own, i => i.GetProperty("key").GetString() == "position");

        var outOfRange = await FieldErrors(await client.PutAsJsonAsync("/api/v1/cultivation/expert-scores", new { enterpriseId = green, year = 2024, key = "srdi-score", score = 120, version = 0 }));
        Assert.Equal("“专精特新评价得分”评分须在 0–100 之间：120 (score out of range)", outOfRange["score"]);
    }

    [Fact]
    public async Task Correcting_an_expert_score_changed_meanwhile_is_a_conflict()
    {
        var (client, _) = await Office(host);
        var (member, chain) = (await EnterpriseId(ChainMember), await DemoChain());
        async Task<JsonElement> Integration() => (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/cultivation/enterprises/{member}/expert-scores?chainId={chain}&year=2024"))!
            .Single(i => i.GetProperty("key").GetString() == "integration");
        var seen = (await Integration()).GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/cultivation/expert-scores",
            new { enterpriseId = member, chainId = chain, year = 2024, key = "integration", score = 9, note = "复核后下调", version = seen })).StatusCode);
        var stale = await client.PutAsJsonAsync("/api/v1/cultivation/expert-scores", new { enterpriseId = member, chainId = chain, year = 2024, key = "integration", score = 6, version = seen });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var now = await Integration();
        Assert.Equal((9m, seen + 1, "xiqu.office"), (now.GetProperty("score").GetDecimal(), now.GetProperty("version").GetInt32(), now.GetProperty("reviewer").GetString()));

        // Without a version the score is simply set, as an import does.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/cultivation/expert-scores",
            new { enterpriseId = member, chainId = chain, year = 2024, key = "integration", score = 8 })).StatusCode);
        Assert.Equal(8m, (await Integration()).GetProperty("score").GetDecimal());
    }
}

public sealed class CultivationDataOnSqlite(SqliteHost host) : CultivationDataTests<SqliteHost>(host);
public sealed class CultivationDataOnPostgres(PostgresHost host) : CultivationDataTests<PostgresHost>(host);
