using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Policies;

/// <summary>
/// Issue 14 item 8: a number no seed gives is labelled a platform default "in the pack and on screen" — so every answer
/// that carries such a number carries its basis, and a number the text gives carries none. An office that configures
/// the number itself makes it its own: the label goes.
/// </summary>
public abstract class PlatformDefaultLabelTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private static JsonElement ByKey(JsonElement rows, string key) => rows.EnumerateArray().First(r => r.GetProperty("key").GetString() == key);

    private static string? Basis(JsonElement row, string property = "defaultBasis") =>
        row.GetProperty(property).ValueKind == JsonValueKind.Null ? null : row.GetProperty(property).GetString();

    [Fact]
    public async Task A_target_whose_year_the_text_leaves_open_says_so_and_a_cited_one_does_not()
    {
        var office = await host.ClientFor("dazhou.office");
        var lines = await office.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/targets?year=2026");
        // 达州 （二） 每季度召开推进会议: the text gives no first year; the pack counts from 2025 and says it chose that.
        var meetings = lines.EnumerateArray().Where(l => l.GetProperty("key").GetString() == "dazhou.chain_meetings_quarterly").ToList();
        Assert.NotEmpty(meetings);
        Assert.All(meetings, l => Assert.Contains("平台默认自2025年起计", Basis(l)));
        // 千亿级产业集群 by 2027 is the text's own figure.
        Assert.Null(Basis(ByKey(lines, "dazhou.thousand_billion_cluster_2027")));
    }

    [Fact]
    public async Task Supervision_numbers_come_with_the_basis_of_each_section()
    {
        var office = await host.ClientFor("dazhou.office");
        var rules = await office.GetFromJsonAsync<JsonElement>("/api/v1/supervision/rules");
        Assert.Equal("dazhou", rules.GetProperty("packCode").GetString());
        Assert.Equal(40, rules.GetProperty("assessment").GetProperty("reporting").GetInt32());
        Assert.Equal(35, rules.GetProperty("matching").GetProperty("node").GetInt32());
        Assert.Contains("达州文件未规定考核权重", Basis(rules, "assessmentDefaultBasis"));
        Assert.Contains("达州文件未规定供需对接匹配权重", Basis(rules, "matchingDefaultBasis"));
        Assert.Contains("达州文件未规定逐级办理天数", Basis(rules, "escalationDefaultBasis"));
        Assert.Contains("达州文件未规定报送日", Basis(rules, "reportingDefaultBasis"));

        // Another jurisdiction's id is not the caller's to read.
        var xiqu = await (await host.ClientFor("xiqu.office")).GetFromJsonAsync<JsonElement>("/api/v1/supervision/rules");
        var foreign = await office.GetAsync($"/api/v1/supervision/rules?jurisdictionId={await JurisdictionOf(host, "510403")}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("xiqu", xiqu.GetProperty("packCode").GetString());
    }

    [Fact]
    public async Task Stage_deadlines_checklists_and_groups_carry_their_labels_until_the_office_sets_them()
    {
        var office = await host.ClientFor("xiqu.office");
        var workflows = await office.GetFromJsonAsync<JsonElement>("/api/v1/incentives/workflows");
        Assert.Contains("西区文件未规定各审批环节时限", Basis(ByKey(workflows, "xiqu.measure10")));

        var measures = await office.GetFromJsonAsync<JsonElement>("/api/v1/incentives/measures");
        var seven = ByKey(measures, "xiqu.7");
        // 西区 六/七 as one 取高不重复 group is the platform's reading of 攀枝花's closing clause; 七's amounts are the text's.
        Assert.Contains("取高不重复", Basis(seven, "groupDefaultBasis"));
        Assert.Null(Basis(seven));

        // The office configures 七 itself: the numbers are now its own, so no pack label speaks for them.
        var id = seven.GetProperty("id").GetGuid();
        var fields = new Dictionary<string, object?>();
        foreach (var name in new[] { "key", "title", "clause", "supportType", "rule", "measureId", "exclusivityGroup", "subject", "validFrom", "validUntil", "checklist", "workflowId", "fund", "active" })
            fields[name] = seven.GetProperty(name);
        var saved = await office.PutAsJsonAsync($"/api/v1/incentives/measures/{id}", new { measure = fields, version = seven.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await office.GetFromJsonAsync<JsonElement>($"/api/v1/incentives/measures/{id}");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("packCode").ValueKind);
        Assert.Null(Basis(after, "groupDefaultBasis"));
    }

    [Fact]
    public async Task Index_and_cultivation_models_from_a_pack_carry_its_label_and_a_revision_saved_on_screen_does_not()
    {
        var office = await host.ClientFor("dazhou.office");
        var dazhou = await JurisdictionOf(host, "511700");
        var applicable = $"/api/v1/evaluation/models/applicable?jurisdictionId={dazhou}&subject=Chain&year=2024";
        // 达州 （七） asks for the index but gives none of its numbers: the pack's model is labelled.
        var index = await office.GetFromJsonAsync<JsonElement>(applicable);
        Assert.Equal(1, index.GetProperty("revision").GetInt32());
        Assert.Contains("达州（七）要求建立产业链评价指数体系", Basis(index));

        // The office adjusts the model on screen: its revision is the office's own, so no pack label speaks for it.
        var definition = JsonNode.Parse(index.GetProperty("definition").GetRawText())!;
        definition["model"]!["name"] = "产业链评价指数（市融圈强链办调整）";
        var saved = await office.PostAsJsonAsync("/api/v1/evaluation/models", new { jurisdictionId = dazhou, year = 2024, definition });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var adjusted = await office.GetFromJsonAsync<JsonElement>(applicable);
        Assert.Equal(2, adjusted.GetProperty("revision").GetInt32());
        Assert.Null(Basis(adjusted));
        // The pack's revision keeps its label in the list of revisions.
        var revisions = (await office.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/models")).EnumerateArray()
            .Where(m => m.GetProperty("code").GetString() == "chain-index" && m.GetProperty("jurisdictionId").GetGuid() == dazhou && m.GetProperty("year").GetInt32() == 2024).ToList();
        Assert.NotNull(Basis(revisions.Single(m => m.GetProperty("revision").GetInt32() == 1)));
        Assert.Null(Basis(revisions.Single(m => m.GetProperty("revision").GetInt32() == 2)));

        // 达州 二（一） names the 链主 dimensions but no weights: labelled; the national 梯度 standards transcribe a standard, not a default.
        var models = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/cultivation/jurisdictions/{dazhou}/models?year=2024")).EnumerateArray().ToList();
        var leader = models.Single(m => m.GetProperty("code").GetString() == "chain-leader");
        Assert.Contains("达州 二（一）只规定“定量+定性”评价的维度", Basis(leader));
        Assert.Null(Basis(models.Single(m => m.GetProperty("code").GetString() == "innovative-sme")));

        var leaderDefinition = JsonNode.Parse(leader.GetProperty("definition").GetString()!)!;
        leaderDefinition["name"] = "链主企业评价（市融圈强链办调整）";
        var edited = await office.PostAsJsonAsync("/api/v1/cultivation/models", new { jurisdictionId = dazhou, kind = "Scoring", year = 2024, definition = leaderDefinition });
        Assert.Equal(HttpStatusCode.Created, edited.StatusCode);
        var view = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(leader.GetProperty("revision").GetInt32() + 1, view.GetProperty("revision").GetInt32());
        Assert.Null(Basis(view));
    }

    private static async Task<Guid> JurisdictionOf(THost host, string code)
    {
        await using var db = host.OpenSystem();
        return await db.Jurisdictions.Where(j => j.Code == code).Select(j => j.Id).SingleAsync();
    }
}

public sealed class PlatformDefaultLabelsOnSqlite(SqliteHost host) : PlatformDefaultLabelTests<SqliteHost>(host);
public sealed class PlatformDefaultLabelsOnPostgres(PostgresHost host) : PlatformDefaultLabelTests<PostgresHost>(host);
