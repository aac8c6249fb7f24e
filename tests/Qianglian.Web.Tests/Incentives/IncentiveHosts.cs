using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Incentives;

/// <summary>
/// The real host with a fake clock (1 June 2026, inside 西区's window to 2027-12-31), so deadlines, validity and the
/// budget year never depend on the day the tests run; uploads go to a temporary folder.
/// </summary>
public interface IClockHost
{
    FakeTimeProvider Clock { get; }
}

public static class IncentiveClock
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    public static string UploadRoot() => Path.Combine(Path.GetTempPath(), $"qianglian-uploads-{Guid.NewGuid():N}");
}

public sealed class SqliteIncentiveHost : HostFixture, IClockHost
{
    public SqliteIncentiveHost() : base(new SqliteTestDatabase()) { }
    public FakeTimeProvider Clock { get; } = new(IncentiveClock.Start);
    private readonly string uploads = IncentiveClock.UploadRoot();
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    protected override IEnumerable<KeyValuePair<string, string>> Settings => ClockHostSettings.For(uploads);
}

public sealed class PostgresIncentiveHost : HostFixture, IClockHost
{
    public PostgresIncentiveHost() : base(new PostgresTestDatabase()) { }
    public FakeTimeProvider Clock { get; } = new(IncentiveClock.Start);
    private readonly string uploads = IncentiveClock.UploadRoot();
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    protected override IEnumerable<KeyValuePair<string, string>> Settings => ClockHostSettings.For(uploads);
}

/// <summary>
/// What the clock hosts configure: a private upload folder, and no password expiry — their tests move the clock on by
/// months (a stage deadline across 国庆), which would expire every demo password; expiry has its own tests.
/// </summary>
internal static class ClockHostSettings
{
    public static IEnumerable<KeyValuePair<string, string>> For(string uploads) =>
        [new("Uploads:Root", uploads), new("Security:PasswordMaxAgeDays", "0")];
}
