using Microsoft.Extensions.Options;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>
/// Runs the reminder job every <c>Notifications:ReminderMinutes</c> and the delivery job every
/// <c>Notifications:DeliveryMinutes</c> on the host's clock (0 turns a job off, as tests with a fake clock do). Each
/// first runs at start-up, so a host that was down catches up at once; several hosts take turns (<see cref="JobLock"/>).
/// </summary>
public sealed class NotificationJobs(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<NotificationJobs> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        Every(options.Value.ReminderMinutes, (s, ct) => s.GetRequiredService<SendReminders>().RunAsync(ct), stoppingToken),
        Every(options.Value.DeliveryMinutes, (s, ct) => s.GetRequiredService<DeliverMessages>().RunAsync(ct), stoppingToken));

    private async Task Every(int minutes, Func<IServiceProvider, CancellationToken, Task<int>> job, CancellationToken stoppingToken)
    {
        if (minutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await job(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "A notification job failed; it runs again at the next tick");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
