using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Core.Supervision;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Supervision;

/// <summary>The problem ledger through the API on both databases: filing, handling, escalation, rating, figures, bad input.</summary>
public abstract class ProblemLedgerTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<Guid> DemoChainId()
    {
        await using var db = host.OpenSystem();
        return (await db.Chains.SingleAsync(c => c.Name == DemoChain.Name)).Id;
    }

    private async Task<Guid> File(string category = "Power")
    {
        var client = await host.ClientFor("xiqu.enterprise");
        var response = await client.PostAsJsonAsync("/api/v1/problems", new { chainId = await DemoChainId(), category, title = $"问题{Guid.NewGuid():N}"[..10], description = "说明" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> Detail(string user, Guid id) =>
        await (await host.ClientFor(user)).GetFromJsonAsync<JsonElement>($"/api/v1/problems/{id}");

    private static int VersionOf(JsonElement detail) => detail.GetProperty("row").GetProperty("version").GetInt32();

    private async Task<HttpResponseMessage> Post(string user, string url, object body) => await (await host.ClientFor(user)).PostAsJsonAsync(url, body);

    private static async Task<string> Problem(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>()).ToString();

    [Fact]
    public async Task A_problem_without_an_enterprise_is_refused_and_nothing_is_stored()
    {
        await using var db = host.OpenSystem();
        var before = await db.Problems.CountAsync();
        var response = await Post("xiqu.office", "/api/v1/problems", new { category = "Land", title = "无企业", description = "说明" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("enterpriseId", await Problem(response));
        var noCategory = await Post("xiqu.enterprise", "/api/v1/problems", new { title = "无类别", description = "说明" });
        Assert.Contains("category", await Problem(noCategory));
        Assert.Equal(before, await db.Problems.CountAsync());
        Assert.Equal(0, await db.ProblemSteps.CountAsync(s => !db.Problems.Any(p => p.Id == s.ProblemId)));
    }

    [Fact]
    public async Task An_enterprise_sees_only_its_own_problems_and_cannot_pose_as_a_visit()
    {
        var id = await File();
        var mine = await (await host.ClientFor("xiqu.enterprise")).GetFromJsonAsync<JsonElement>("/api/v1/problems?pageSize=200");
        Guid own;
        await using (var db = host.OpenSystem()) own = (await db.Users.SingleAsync(u => u.UserName == "xiqu.enterprise")).EnterpriseId!.Value;
        Assert.All(mine.GetProperty("items").EnumerateArray(), p => Assert.Equal(own, p.GetProperty("enterpriseId").GetGuid()));
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        var posing = await Post("xiqu.enterprise", "/api/v1/problems", new { category = "Land", title = "冒充走访", description = "说明", source = "FieldVisit" });
        Assert.Equal(HttpStatusCode.BadRequest, posing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.ClientFor("dazhou.office")).GetAsync($"/api/v1/problems/{id}")).StatusCode);
    }

    [Fact]
    public async Task Beyond_powers_escalation_needs_the_handler_and_a_reason()
    {
        var id = await File();
        var version = VersionOf(await Detail("xiqu.operator", id));
        Assert.Equal(HttpStatusCode.Forbidden, (await Post("xiqu.lead", $"/api/v1/problems/{id}/escalate", new { reason = "不归我管", version })).StatusCode);
        var noReason = await Post("xiqu.operator", $"/api/v1/problems/{id}/escalate", new { reason = " ", version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await Problem(noReason));
        Assert.Equal(HttpStatusCode.NoContent, (await Post("xiqu.operator", $"/api/v1/problems/{id}/escalate", new { reason = "涉及市级电网规划，超出区级职权", version })).StatusCode);

        var detail = await Detail("xiqu.lead", id);
        Assert.Equal("LeadDepartment", detail.GetProperty("row").GetProperty("level").GetString());
        Assert.Equal("区科技局", detail.GetProperty("row").GetProperty("handler").GetString());
        Assert.True(detail.GetProperty("canHandle").GetBoolean());
        var step = detail.GetProperty("steps").EnumerateArray().Last();
        Assert.Equal("BeyondPowers", step.GetProperty("reason").GetString());
        Assert.Equal("涉及市级电网规划，超出区级职权", step.GetProperty("note").GetString());

        // A stale version is a conflict, not an overwrite.
        Assert.Equal(HttpStatusCode.Conflict, (await Post("xiqu.lead", $"/api/v1/problems/{id}/escalate", new { reason = "再报", version })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Post("xiqu.lead", $"/api/v1/problems/{id}/escalate", new { reason = "需链长协调", version = VersionOf(detail) })).StatusCode);
        var atChief = await Detail("xiqu.chief", id);
        Assert.Equal("ChainChief", atChief.GetProperty("row").GetProperty("level").GetString());
        Assert.Equal("西区链长", atChief.GetProperty("row").GetProperty("handler").GetString());
        Assert.True(atChief.GetProperty("canHandle").GetBoolean());
    }

    [Fact]
    public async Task Closing_needs_the_enterprises_rating_and_dissatisfied_reopens()
    {
        var id = await File();
        Assert.Equal(HttpStatusCode.NoContent, (await Post("xiqu.operator", $"/api/v1/problems/{id}/resolve", new { resolution = "已协调供电公司", version = VersionOf(await Detail("xiqu.operator", id)) })).StatusCode);
        var version = VersionOf(await Detail("xiqu.enterprise", id));

        var byOffice = await Post("xiqu.office", $"/api/v1/problems/{id}/rate", new { rating = "Satisfied", version });
        Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);
        Assert.Contains("只有提出问题的企业", await Problem(byOffice));
        var byAdmin = await Post("admin", $"/api/v1/problems/{id}/rate", new { rating = "Satisfied", version });
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);

        var noReason = await Post("xiqu.enterprise", $"/api/v1/problems/{id}/rate", new { rating = "Dissatisfied", version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Post("xiqu.enterprise", $"/api/v1/problems/{id}/rate", new { rating = "Dissatisfied", comment = "仍未接电", version })).StatusCode);
        var reopened = await Detail("xiqu.operator", id);
        Assert.Equal("Open", reopened.GetProperty("row").GetProperty("status").GetString());
        Assert.Equal(1, reopened.GetProperty("reopenCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("resolution").ValueKind);
        Assert.True(reopened.GetProperty("canHandle").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await Post("xiqu.operator", $"/api/v1/problems/{id}/resolve", new { resolution = "双回路已接入", version = VersionOf(reopened) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Post("xiqu.enterprise", $"/api/v1/problems/{id}/rate", new { rating = "BasicallySatisfied", version = VersionOf(await Detail("xiqu.enterprise", id)) })).StatusCode);
        var closed = await Detail("xiqu.enterprise", id);
        Assert.Equal("Closed", closed.GetProperty("row").GetProperty("status").GetString());
        Assert.True(closed.GetProperty("closedOnTime").GetBoolean());
        Assert.Equal(["Filed", "Resolved", "Reopened", "Resolved", "Confirmed"], closed.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Escalating_a_closed_problem_is_refused_and_nothing_changes()
    {
        var id = await File();
        await Post("xiqu.operator", $"/api/v1/problems/{id}/resolve", new { resolution = "已解决", version = VersionOf(await Detail("xiqu.operator", id)) });
        await Post("xiqu.enterprise", $"/api/v1/problems/{id}/rate", new { rating = "Satisfied", version = VersionOf(await Detail("xiqu.enterprise", id)) });
        var before = await Detail("xiqu.operator", id);
        var response = await Post("xiqu.operator", $"/api/v1/problems/{id}/escalate", new { reason = "再议", version = VersionOf(before) });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("已办结，不能再上报", await Problem(response));
        var after = await Detail("xiqu.operator", id);
        Assert.Equal(VersionOf(before), VersionOf(after));
        Assert.Equal(before.GetProperty("steps").GetArrayLength(), after.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Figures_count_on_time_escalation_and_satisfaction_by_unit_and_chain()
    {
        var id = await File("Talent");   // 西区 settings: talent → 区委组织部
        var figures = await (await host.ClientFor("xiqu.office")).GetFromJsonAsync<JsonElement>("/api/v1/problems/figures");
        var unit = figures.GetProperty("byUnit").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "区委组织部");
        Assert.True(unit.GetProperty("total").GetInt32() >= 1);
        var chain = figures.GetProperty("byChain").EnumerateArray().Single(r => r.GetProperty("name").GetString() == DemoChain.Name);
        Assert.True(chain.GetProperty("total").GetInt32() >= 3);   // the demo problems and this one
        Assert.NotEqual(JsonValueKind.Null, chain.GetProperty("satisfactionRate").ValueKind);
        var xlsx = await (await host.ClientFor("xiqu.office")).GetAsync("/api/v1/problems/figures.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var ledger = await (await host.ClientFor("xiqu.office")).GetAsync("/api/v1/problems/export.xlsx");
        var rows = MiniExcelLibs.MiniExcel.Query(await ledger.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["类别"] == "人才" && (string)r["办理单位/人"] == "区委组织部");
        _ = id;
    }

    [Fact]
    public async Task Attachments_are_stored_with_their_hash_and_kept_out_of_the_audit_text()
    {
        var id = await File();
        var pdf = "%PDF-1.4\n现场照片说明\n%%EOF\n"u8.ToArray();
        var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "现场.pdf" } };
        var created = await (await host.ClientFor("xiqu.enterprise")).PostAsync($"/api/v1/problems/{id}/attachments", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var attachment = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var download = await (await host.ClientFor("xiqu.operator")).GetAsync($"/api/v1/problem-attachments/{attachment}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        await using var db = host.OpenSystem();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(ProblemAttachment) && a.EntityKey == attachment.ToString());
        Assert.Contains("\"Content\":{\"after\":\"***\"}", audit.Changes);
        Assert.Contains("Sha256", audit.Changes);
        var empty = new MultipartFormDataContent { { new ByteArrayContent([]), "file", "空.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await (await host.ClientFor("xiqu.enterprise")).PostAsync($"/api/v1/problems/{id}/attachments", empty)).StatusCode);
    }

    [Fact]
    public async Task Settings_with_weights_not_summing_to_100_fail_naming_the_file_and_field_and_change_nothing()
    {
        (int Version, int LocalDays) before;
        await using (var db = host.OpenSystem())
        {
            var current = await db.SupervisionSettings.SingleAsync(s => s.PackCode == "xiqu");
            before = (current.SettingsVersion, current.LocalDays);
        }
        var root = Directory.CreateTempSubdirectory("packs-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "xiqu"));
            await System.IO.File.WriteAllTextAsync(Path.Combine(root.FullName, "xiqu", SupervisionSettingsLoader.FileName),
                $"version: {before.Version + 1}\nescalation:\n  days: {{ local: 5 }}\n  localUnits: {{ land: xiqu.nosuch }}\nassessment: {{ reporting: 50, completion: 40, rating: 20 }}\n");
            await using var scope = host.Services.CreateAsyncScope();
            var loader = scope.ServiceProvider.GetRequiredService<SupervisionSettingsLoader>();
            var error = await Assert.ThrowsAsync<SupervisionSettingsException>(() => loader.LoadAllAsync(root.FullName, CancellationToken.None));
            Assert.Contains(error.Errors, e => e.StartsWith("xiqu/supervision.yaml: assessment:") && e.Contains("实为110"));
            Assert.Contains(error.Errors, e => e.Contains("escalation.localUnits.land") && e.Contains("xiqu.nosuch"));

            await System.IO.File.WriteAllTextAsync(Path.Combine(root.FullName, "xiqu", SupervisionSettingsLoader.FileName), $"version: {before.Version + 1}\nescalation:\n  dayz: 3\n");
            var yaml = await Assert.ThrowsAsync<SupervisionSettingsException>(() => loader.LoadAllAsync(root.FullName, CancellationToken.None));
            Assert.StartsWith("xiqu/supervision.yaml:3:", yaml.Errors.Single());

            await using var db = host.OpenSystem();
            var settings = await db.SupervisionSettings.SingleAsync(s => s.PackCode == "xiqu");
            Assert.Equal(before, (settings.SettingsVersion, settings.LocalDays));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}

public sealed class ProblemLedgerOnSqlite(SqliteHost host) : ProblemLedgerTests<SqliteHost>(host);
public sealed class ProblemLedgerOnPostgres(PostgresHost host) : ProblemLedgerTests<PostgresHost>(host);
