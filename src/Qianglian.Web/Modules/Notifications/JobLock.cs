using Medallion.Threading.Postgres;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Notifications;

/// <summary>
/// Makes a periodic job run on one host at a time. On PostgreSQL a session advisory lock (DistributedLock.Postgres)
/// spans every host on the database: a host that finds it taken skips its turn. SQLite serves one host (docs/operations.md),
/// so a lock inside the process suffices. The lock only keeps runs apart; that a reminder is sent once is the unique
/// record's guarantee, which also holds for a run that overlaps one on a host whose lock was lost.
/// </summary>
public sealed class JobLock(DatabaseOptions database)
{
    private static readonly Dictionary<string, SemaphoreSlim> Local = new();

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var key = new PostgresAdvisoryLockKey("qianglian:" + name, allowHashing: true);
            return await new PostgresDistributedLock(key, database.ConnectionString).TryAcquireAsync(TimeSpan.Zero, ct);
        }
        SemaphoreSlim gate;
        // Per database: hosts of different databases (tests) in one process do not share their turns.
        var local = name + "|" + database.ConnectionString;
        lock (Local) gate = Local.TryGetValue(local, out var g) ? g : Local[local] = new SemaphoreSlim(1, 1);
        if (!await gate.WaitAsync(TimeSpan.Zero, ct)) return null;
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
