using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Supervision;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Notifications;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The sweep that moves every open problem past its deadline up one rung, as the system, each step recorded and
/// audited. Runs periodically (<see cref="OverdueEscalationService"/>) with the clock the host is given, on one host at a
/// time (<see cref="JobLock"/>): a host that finds the sweep running elsewhere skips its turn. The sweep saves once at its
/// end, so a run stopped by shutdown writes nothing, and the next run (on any host) does the work.
/// <para>
/// The new handler is told at that moment (issue 16: reminders “on escalation”): the staff of the unit the problem now
/// sits with, or at the chief's level the chief and the chain's deputies, each get a message in the message centre and
/// their chosen channels. The messages are added to the same save as the escalation, so a problem is announced exactly
/// once per rung: a rerun of the sweep finds it within its new deadline and moves (and tells) nothing, and a save that
/// fails (another host escalated it first) takes its messages with it.
/// </para>
/// </summary>
public sealed class EscalateOverdueProblems(AppDb dbs, JobLock locks, TimeProvider clock, Notifier notifier, IStringLocalizer<Strings> L, ILogger<EscalateOverdueProblems> log)
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
            await TellHandlerAsync(db, problem, chain, days, ct);
            moved++;
        }
        await db.SaveChangesAsync(ct);
        if (moved > 0) log.LogInformation("Escalated {Count} overdue problems", moved);
        return moved;
    }

    /// <summary>Adds a message for each account that handles the problem at its new rung (the handler <see cref="ProblemLadder.CanHandle"/> names).</summary>
    private async Task TellHandlerAsync(AppDbContext db, Problem problem, ChainLeadership? chain, int days, CancellationToken ct)
    {
        var (unit, user) = (problem.AssignedUnitId, problem.AssignedUserId);
        List<Guid> deputies = problem.Level == EscalationLevel.ChainChief && chain is not null ? [.. chain.DeputyUserIds] : [];
        var ids = await db.Users.AsNoTracking()
            .Where(u => (unit != null && u.UnitId == unit) || (user != null && u.Id == user) || deputies.Contains(u.Id))
            .Select(u => u.Id).ToListAsync(ct);
        if (ids.Count == 0) return;
        var enterprise = (await db.EnterpriseNamesAsync([problem.EnterpriseId], ct)).GetValueOrDefault(problem.EnterpriseId, "");
        var title = string.Format(L["Notice_Escalated_Title"], L[$"Lvl_{problem.Level}"]);
        var body = string.Format(L["Notice_Escalated_Body"], problem.Title, enterprise, days, L[$"Lvl_{problem.Level}"], BusinessDate.Of(problem.DueAt).ToString("yyyy-MM-dd"));
        foreach (var to in (await Notifier.RecipientsAsync(db, ids, ct)).Values)
            notifier.Add(db, to, MessageKind.Escalated, title, body, $"/supervision/problems/{problem.Id}");
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
