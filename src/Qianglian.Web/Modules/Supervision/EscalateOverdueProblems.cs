using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The sweep that moves every open problem past its deadline up one rung, as the system, each step recorded and
/// audited. Runs periodically (<see cref="OverdueEscalationService"/>) with the clock the host is given, on one host at a
/// time (<see cref="Notifications.JobLock"/>): a host that finds the sweep running elsewhere skips its turn. The sweep saves
/// once at its end, so a run stopped by shutdown writes nothing, and the next run (on any host) does the work.
/// </summary>
public sealed class EscalateOverdueProblems(AppDb dbs, Notifications.JobLock locks, TimeProvider clock, ILogger<EscalateOverdueProblems> log)
{
    public const string Actor = "系统（逾期自动上报）";
    public const string LockName = "overdue-escalation";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var turn = await locks.TryAcquireAsync(LockName, ct);
        if (turn is null) return 0;
        var now = clock.GetUtcNow();
        await using var db = dbs.OpenSystem();
        var overdue = await db.Problems.Where(p => p.Status == ProblemStatus.Open && p.Level != EscalationLevel.JointMeeting && p.DueAt < now)
            .OrderBy(p => p.DueAt).Take(500).ToListAsync(ct);
        var moved = 0;
        foreach (var problem in overdue)
        {
            var chain = await ProblemLadder.ChainOfAsync(db, problem, ct);
            var settings = await SupervisionSettingsReader.ForPathAsync(db, problem.JurisdictionPath, ct);
            if (!EscalationLadder.ShouldEscalate(problem.Status, problem.Level, problem.DueAt, now, ProblemLadder.Availability(chain, settings))) continue;
            var days = (int)Math.Floor((now - problem.LevelReachedAt).TotalDays);
            await ProblemLadder.EscalateAsync(db, problem, EscalationReason.Overdue, $"在本级已{days}天，超过办理期限 (overdue at this level)", Actor, now, ct);
            moved++;
        }
        await db.SaveChangesAsync(ct);
        if (moved > 0) log.LogInformation("Escalated {Count} overdue problems", moved);
        return moved;
    }
}

/// <summary>Runs the overdue sweep every <c>Supervision:SweepMinutes</c> minutes (0 turns it off, as tests with a fake clock do).</summary>
public sealed class OverdueEscalationService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<OverdueEscalationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Supervision:SweepMinutes", 10);
        if (minutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EscalateOverdueProblems>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Overdue escalation sweep failed; it runs again at the next tick");
            }
        }
    }
}
