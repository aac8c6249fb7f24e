using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Data;

namespace Qianglian.Web.Tests.Hosting;

/// <summary>
/// The real host (Program) on a fresh database of its own: migrations, packs and the demo dataset are loaded by the
/// host's own start-up. One fixture per test class and provider (see <see cref="SqliteHost"/>, <see cref="PostgresHost"/>).
/// </summary>
public abstract class HostFixture(ITestDatabase database) : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> tokens = new();
    private WebApplicationFactory<Program>? factory;

    public DatabaseProvider Provider => database.Provider;
    protected virtual bool Demo => true;
    public string ConnectionString { get; private set; } = "";

    /// <summary>The audit chain's key directory of this fixture's database (outside it, as in production).</summary>
    public string AuditKeyDirectory { get; } = Path.Combine(Path.GetTempPath(), $"qianglian-keys-{Guid.NewGuid():N}");


    /// <summary>Replace services of the host (after the host registered its own).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("fixture not started");
    public IServiceProvider Services => Factory.Services;

    /// <summary>Extra configuration of the host (e.g. the URL a browser test listens on).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>Changes to the factory before it starts (e.g. a real Kestrel server for the browser).</summary>
    protected virtual void ConfigureFactory(WebApplicationFactory<Program> factory) { }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await database.CreateAsync();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", Provider.ToString());
            b.UseSetting("ConnectionStrings:Main", ConnectionString);
            b.UseSetting("Demo", Demo ? "true" : "false");
            b.UseSetting("Audit:KeyDirectory", AuditKeyDirectory);
            // The notification jobs write messages and audit entries: tests run them themselves (Notifications/), never behind a test's back.
            b.UseSetting("Notifications:ReminderMinutes", "0");
            b.UseSetting("Notifications:DeliveryMinutes", "0");
            b.UseSetting("Hosting:DrainSeconds", "0"); // a test host stops at once (the drain is tested by MultiHostTests)
            foreach (var (key, value) in Settings) b.UseSetting(key, value);
            b.UseEnvironment("Testing");
            b.ConfigureTestServices(ConfigureServices);
        });
        ConfigureFactory(factory);
        factory.StartServer(); // starts the host: migrations, packs, demo data
    }

    public virtual async Task DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        await database.DropAsync();
        if (Directory.Exists(AuditKeyDirectory)) Directory.Delete(AuditKeyDirectory, recursive: true);
    }

    /// <summary>A context with the system scope, for arranging and checking data behind the API's back.</summary>
    public AppDbContext OpenSystem() => Services.GetRequiredService<DatabaseOptions>().Create(UserScope.System, TimeProvider.System);

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>An API client signed in with a bearer token (tokens are cached per user name).</summary>
    public async Task<HttpClient> ClientFor(string userName, string password = Web.Hosting.DemoData.Password)
    {
        if (!tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, code = await DemoCodes.ForAsync(this, userName) });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
            tokens[userName] = token;
        }
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenResponse(string AccessToken);
}

public class SqliteHost() : HostFixture(new SqliteTestDatabase());
public class PostgresHost() : HostFixture(new PostgresTestDatabase());

/// <summary>A database made for one fixture and dropped with it.</summary>
public interface ITestDatabase
{
    DatabaseProvider Provider { get; }
    Task<string> CreateAsync();
    Task DropAsync();
}

public sealed class SqliteTestDatabase : ITestDatabase
{
    private string file = "";
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public Task<string> CreateAsync()
    {
        file = Path.Combine(Path.GetTempPath(), $"qianglian-test-{Guid.NewGuid():N}.db");
        return Task.FromResult($"Data Source={file};Pooling=false");
    }

    public Task DropAsync()
    {
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
        return Task.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : ITestDatabase
{
    private readonly string name = $"qltest_{Guid.NewGuid():N}";
    public DatabaseProvider Provider => DatabaseProvider.Postgres;
    public Task<string> CreateAsync() => Infrastructure.TestPostgres.CreateDatabaseAsync(name);
    public Task DropAsync() => Infrastructure.TestPostgres.DropDatabaseAsync(name);
}
