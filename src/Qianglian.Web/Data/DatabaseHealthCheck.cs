using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Qianglian.Web.Data;

/// <summary>/health reports whether the database answers.</summary>
internal sealed class DatabaseHealthCheck(DatabaseOptions database, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = database.Create(UserScope.System, clock);
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy($"{database.Provider} reachable")
                : HealthCheckResult.Unhealthy($"{database.Provider} unreachable");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} unreachable", e);
        }
    }
}
