using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Supervision;

/// <summary>Chain-chief work on both databases: visits, a meeting whose decisions become matters, completion, the chief's desk.</summary>
public abstract class ChainWorkTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<(Guid Chain, Guid Jxj, Guid Czj)> Ids()
    {
        await using var db = host.OpenSystem();
        return ((await db.Chains.SingleAsync(c => c.Name == DemoChain.Name)).Id,
            await db.Units.Where(u => u.Key == "xiqu.jxj").Select(u => u.Id).SingleAsync(),
            await db.Units.Where(u => u.Key == "xiqu.czj").Select(u => u.Id).SingleAsync());
    }

    [Fact]
    public async Task A_meeting_with_a_bad_decision_stores_nothing()
    {
        var (chain, jxj, _) = await Ids();
        await using var db = host.OpenSystem();
        var (meetings, matters) = (await db.PromotionMeetings.CountAsync(), await db.AssignedMatters.CountAsync());
        var response = await (await host.ClientFor("xiqu.chief")).PostAsJsonAsync($"/api/v1/chains/{chain}/meetings", new
        {
            heldOn = "2025-03-20", title = "一季度推进会", agenda = "用地", attendees = "链长",
            decisions = new object[] { new { decision = "协调用地", unitId = jxj, dueOn = "2025-04-30" }, new { decision = "无承办单位", dueOn = "2025-04-30" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("decisions[1].unitId", await response.Content.ReadAsStringAsync());
        Assert.Equal(meetings, await db.PromotionMeetings.CountAsync());
        Assert.Equal(matters, await db.AssignedMatters.CountAsync());
    }

    [Fact]
    public async Task Decisions_become_matters_tracked_to_completion_on_the_chiefs_desk()
    {
        var (chain, jxj, czj) = await Ids();
        var chief = await host.ClientFor("xiqu.chief");
        var visit = await chief.PostAsJsonAsync($"/api/v1/chains/{chain}/visits", new { visitedOn = "2025-02-12", place = "西区钒钛园", findings = "海绵钛二期用地不足", participants = "链长、区科技局" });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        var meeting = await chief.PostAsJsonAsync($"/api/v1/chains/{chain}/meetings", new
        {
            heldOn = "2025-03-20", title = "钒钛产业链一季度推进会议", agenda = "用地、供电、融资", attendees = "链长、区科技局、区经信局、区财政局",
            decisions = new[] { new { decision = "协调双回路供电", unitId = jxj, dueOn = "2025-04-30" }, new { decision = "落实技改贴息", unitId = czj, dueOn = "2099-06-30" } },
        });
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);

        var operatorClient = await host.ClientFor("xiqu.operator");
        var mine = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/matters?mine=true&open=true");
        var power = mine.EnumerateArray().Single(m => m.GetProperty("decision").GetString() == "协调双回路供电");
        Assert.Equal("Overdue", power.GetProperty("state").GetString());   // due 2025-04-30, today is later
        var other = (await chief.GetFromJsonAsync<JsonElement>($"/api/v1/matters?chainId={chain}")).EnumerateArray().Single(m => m.GetProperty("decision").GetString() == "落实技改贴息");
        var wrong = await operatorClient.PostAsJsonAsync($"/api/v1/matters/{other.GetProperty("id").GetGuid()}/complete", new { note = "代办", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("未交办给本单位", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsJsonAsync($"/api/v1/matters/{power.GetProperty("id").GetGuid()}/complete", new { note = "双回路已接入", version = 0 })).StatusCode);

        var home = await chief.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{chain}/chief-home");
        Assert.Equal("西区链长", home.GetProperty("chief").GetString());
        Assert.Equal("区科技局", home.GetProperty("leadUnit").GetString());
        Assert.Equal(4, home.GetProperty("enterprises").GetInt32());
        Assert.Equal(2024, home.GetProperty("year").GetInt32());
        Assert.Contains(home.GetProperty("openMatters").EnumerateArray(), m => m.GetProperty("decision").GetString() == "落实技改贴息");
        Assert.DoesNotContain(home.GetProperty("openMatters").EnumerateArray(), m => m.GetProperty("decision").GetString() == "协调双回路供电");
        Assert.Contains(home.GetProperty("escalated").EnumerateArray(), p => p.GetProperty("title").GetString() == "技改项目流动资金贷款审批慢");
        var held = home.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("title").GetString() == "钒钛产业链一季度推进会议");
        Assert.Equal(2, held.GetProperty("decisions").GetInt32());
        Assert.Equal(1, held.GetProperty("decisionsDone").GetInt32());
        Assert.Contains(home.GetProperty("visits").EnumerateArray(), v => v.GetProperty("findings").GetString() == "海绵钛二期用地不足");
    }
}

public sealed class ChainWorkOnSqlite(SqliteHost host) : ChainWorkTests<SqliteHost>(host);
public sealed class ChainWorkOnPostgres(PostgresHost host) : ChainWorkTests<PostgresHost>(host);
