using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qianglian.Web.Data;

namespace Qianglian.Web.Hosting;

/// <summary>
/// A host that is stopping says so before it stops serving: from the stop signal it answers /health/ready with 503 for
/// <c>Hosting:DrainSeconds</c> (default 5, platform default) while still serving every request, so a balancer that polls
/// readiness sends no new users to it; then the server stops taking connections and finishes the requests in flight
/// within <c>Hosting:ShutdownSeconds</c> (docs/deployment.md, graceful shutdown).
/// </summary>
public sealed class Draining(IConfiguration config, ILogger<Draining> log) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool stopping;

    public bool Stopping => stopping;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(stopping ? HealthCheckResult.Unhealthy("stopping") : HealthCheckResult.Healthy("serving"));

    // Runs before any hosted service (the web server included) is stopped.
    public async Task StoppingAsync(CancellationToken ct)
    {
        stopping = true;
        var seconds = config.GetValue("Hosting:DrainSeconds", 5);
        log.LogInformation("Stopping: not ready, serving {Seconds} s more before the server stops", seconds);
        if (seconds <= 0) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        }
        catch (OperationCanceledException)
        {
            // the shutdown timeout ended the wait
        }
    }

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Ready only when the database holds every migration this build knows (a host of a newer build waits for its upgrade).</summary>
internal sealed class MigrationsHealthCheck(DatabaseOptions database, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = database.Create(UserScope.System, clock);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("migrations applied")
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations pending");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("migrations unknown", e);
        }
    }
}

public static class HealthEndpoints
{
    public const string Ready = "ready";

    public static void AddHealth(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<Draining>();
        services.AddHostedService(sp => sp.GetRequiredService<Draining>());
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(config.GetValue("Hosting:ShutdownSeconds", 30)));
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready])
            .AddCheck<Draining>("draining", tags: [Ready]);
    }
}
