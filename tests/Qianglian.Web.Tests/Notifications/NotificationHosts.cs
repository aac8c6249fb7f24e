using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Qianglian.Web.Tests.Hosting;
using Qianglian.Web.Tests.Incentives;

namespace Qianglian.Web.Tests.Notifications;

/// <summary>
/// The real host on a fake clock (1 June 2026) with its timers off — the overdue sweep and the notification jobs —
/// so a test moves time and runs the jobs itself; a real SMTP server and a webhook receiver on 127.0.0.1 are the
/// platform's configured channels (the receiver's host on the allow-list).
/// </summary>
public abstract class NotificationHost(ITestDatabase database) : HostFixture(database), IClockHost
{
    public FakeTimeProvider Clock { get; } = new(IncentiveClock.Start);
    public LocalSmtpServer Smtp { get; } = new();
    public LocalWebhook Webhook { get; } = new();
    private readonly string uploads = IncentiveClock.UploadRoot();

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. ClockHostSettings.For(uploads), new("Supervision:SweepMinutes", "0"),
        new("Notifications:ReminderMinutes", "0"), new("Notifications:DeliveryMinutes", "0"),
        new("Notifications:Smtp:Host", "127.0.0.1"), new("Notifications:Smtp:Port", Smtp.Port.ToString()), new("Notifications:Smtp:Security", "None"),
        new("Notifications:Webhook:Url", Webhook.Url), new("Notifications:Webhook:AllowedHosts:0", "127.0.0.1"),
        new("Notifications:DaysBefore:TaskDeadline", "5"),
    ];

    /// <summary>A second host on the same database and clock (no demo load: the first host made the data), as a second server would be.</summary>
    public WebApplicationFactory<Program> SecondHost()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", Provider.ToString());
            b.UseSetting("ConnectionStrings:Main", ConnectionString);
            b.UseSetting("Demo", "false");
            b.UseSetting("Hosting:DrainSeconds", "0");
            foreach (var (key, value) in Settings) b.UseSetting(key, value);
            b.UseEnvironment("Testing");
            b.ConfigureTestServices(ConfigureServices);
        });
        factory.StartServer();
        return factory;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        Webhook.Dispose();
    }
}

public sealed class NotificationSqliteHost() : NotificationHost(new SqliteTestDatabase());
public sealed class NotificationPostgresHost() : NotificationHost(new PostgresTestDatabase());
