using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Supervision;

/// <summary>
/// The real host whose clock is a <see cref="FakeTimeProvider"/> the test moves, with the periodic sweep off (the
/// test runs it when it wants). Sign-in tokens are dated by this clock too, so clients sign in afresh after a move;
/// password expiry is off, as the clock moves on by months (expiry has its own tests).
/// </summary>
public interface IFakeClockHost
{
    FakeTimeProvider Clock { get; }
}

public sealed class FakeClockSqliteHost : SqliteHost, IFakeClockHost
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero));
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Supervision:SweepMinutes", "0"), new("Security:PasswordMaxAgeDays", "0")];
    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}

public sealed class FakeClockPostgresHost : PostgresHost, IFakeClockHost
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero));
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Supervision:SweepMinutes", "0"), new("Security:PasswordMaxAgeDays", "0")];
    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}
