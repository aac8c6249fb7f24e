using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Incentives;

namespace Qianglian.Web.Tests.Inbox;

/// <summary>
/// The real host on a fake clock (1 June 2026, inside 西区's incentive window) with the overdue sweep off, so a test
/// moves time past a deadline and runs the sweep itself; uploads go to a temporary folder.
/// </summary>
public sealed class InboxSqliteHost : HostFixture, IClockHost
{
    public InboxSqliteHost() : base(new SqliteTestDatabase()) { }
    public FakeTimeProvider Clock { get; } = new(IncentiveClock.Start);
    private readonly string uploads = IncentiveClock.UploadRoot();
    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. ClockHostSettings.For(uploads), new("Supervision:SweepMinutes", "0")];
}

public sealed class InboxPostgresHost : HostFixture, IClockHost
{
    public InboxPostgresHost() : base(new PostgresTestDatabase()) { }
    public FakeTimeProvider Clock { get; } = new(IncentiveClock.Start);
    private readonly string uploads = IncentiveClock.UploadRoot();
    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. ClockHostSettings.For(uploads), new("Supervision:SweepMinutes", "0")];
}
