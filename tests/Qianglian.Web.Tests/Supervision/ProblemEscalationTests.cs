using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Core.Supervision;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Supervision;

/// <summary>Escalation timing on a fake clock: an overdue problem climbs county → lead department → chief → joint meeting.</summary>
public abstract class ProblemEscalationTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture, IFakeClockHost
{
    /// <summary>A token dated by the fake clock's present (a cached one may have expired after the clock moved).</summary>
    private async Task<HttpClient> SignIn(string userName)
    {
        using var anonymous = host.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password });
        response.EnsureSuccessStatusCode();
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private async Task<Guid> FileAsEnterprise(string title)
    {
        Guid chain;
        await using (var db = host.OpenSystem()) chain = (await db.Chains.SingleAsync(c => c.Name == DemoChain.Name)).Id;
        using var client = await SignIn("xiqu.enterprise");
        var response = await client.PostAsJsonAsync("/api/v1/problems", new { chainId = chain, category = "Power", title, description = "双回路供电排期过晚" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Problem> Load(Guid id)
    {
        await using var db = host.OpenSystem();
        return await db.Problems.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<string> UnitKey(Guid? id)
    {
        await using var db = host.OpenSystem();
        return await db.Units.Where(u => u.Id == id).Select(u => u.Key).SingleAsync();
    }

    private async Task<int> Sweep()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalateOverdueProblems>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_overdue_problem_climbs_the_ladder_one_rung_per_deadline()
    {
        var filedAt = host.Clock.GetUtcNow();
        var id = await FileAsEnterprise($"逾期上报{Guid.NewGuid():N}"[..12]);
        var problem = await Load(id);
        Assert.Equal(EscalationLevel.Local, problem.Level);
        Assert.Equal("xiqu.jxj", await UnitKey(problem.AssignedUnitId));   // 西区 settings: power → 区经济和信息化局
        Assert.Equal(filedAt.AddDays(7), problem.DueAt);

        host.Clock.Advance(TimeSpan.FromDays(7));                          // the deadline itself is still in time
        await Sweep();
        Assert.Equal(EscalationLevel.Local, (await Load(id)).Level);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Sweep();
        problem = await Load(id);
        Assert.Equal(EscalationLevel.LeadDepartment, problem.Level);
        Assert.Equal("xiqu.kjj", await UnitKey(problem.AssignedUnitId));   // the demo chain's lead department
        Assert.True(problem.EverOverdue);
        Assert.Equal(host.Clock.GetUtcNow().AddDays(10), problem.DueAt);

        host.Clock.Advance(TimeSpan.FromDays(10).Add(TimeSpan.FromMinutes(1)));
        await Sweep();
        problem = await Load(id);
        Assert.Equal(EscalationLevel.ChainChief, problem.Level);
        Assert.Null(problem.AssignedUnitId);
        await using (var db = host.OpenSystem())
            Assert.Equal("xiqu.chief", await db.Users.Where(u => u.Id == problem.AssignedUserId).Select(u => u.UserName).SingleAsync());

        host.Clock.Advance(TimeSpan.FromDays(15).Add(TimeSpan.FromMinutes(1)));
        await Sweep();
        problem = await Load(id);
        Assert.Equal(EscalationLevel.JointMeeting, problem.Level);
        Assert.Equal("xiqu.jxj", await UnitKey(problem.AssignedUnitId));   // the coordination office

        host.Clock.Advance(TimeSpan.FromDays(30));
        await Sweep();
        Assert.Equal(EscalationLevel.JointMeeting, (await Load(id)).Level);   // the top: stays, overdue

        await using var check = host.OpenSystem();
        var steps = await check.ProblemSteps.Where(s => s.ProblemId == id).OrderBy(s => s.At).ToListAsync();
        Assert.Equal([ProblemStepKind.Filed, ProblemStepKind.Escalated, ProblemStepKind.Escalated, ProblemStepKind.Escalated], steps.Select(s => s.Kind));
        Assert.All(steps.Skip(1), s => Assert.Equal(EscalationReason.Overdue, s.Reason));
        Assert.All(steps.Skip(1), s => Assert.Equal(EscalateOverdueProblems.Actor, s.Actor));
        var audited = await check.AuditEntries.Where(a => a.EntityType == nameof(Problem) && a.EntityKey == id.ToString()).CountAsync();
        Assert.Equal(4, audited);   // filed + three escalations, each in the hash chain

        // The overdue list shows it; the unit that let it climb is not on time.
        using var office = await SignIn("xiqu.office");
        var overdue = await office.GetFromJsonAsync<JsonElement>("/api/v1/problems?overdue=true&pageSize=200");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id && p.GetProperty("overdue").GetBoolean());
    }
}

public sealed class ProblemEscalationOnSqlite(FakeClockSqliteHost host) : ProblemEscalationTests<FakeClockSqliteHost>(host);
public sealed class ProblemEscalationOnPostgres(FakeClockPostgresHost host) : ProblemEscalationTests<FakeClockPostgresHost>(host);
