using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Tests.Hosting;

/// <summary>
/// One host: the data-protection key ring is in the database (not on the host's disk), and the health endpoints say
/// what they name. The several-host behaviour through nginx is <see cref="MultiHostTests"/>.
/// </summary>
public abstract class HealthAndKeysTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task The_key_ring_is_kept_in_the_database()
    {
        // Sealing anything uses the ring's current key; the start-up made it (SharedKeys.EnsureKeyAsync).
        var sealedText = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");
        await using var scope = host.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<KeyRingContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key id=", k.Xml));
        // The key that sealed the text is one of the table's rows (its id is in the payload's header).
        var keyId = new Guid(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(sealedText).AsSpan(4, 16));
        Assert.Contains(keys, k => k.Xml!.Contains($"id=\"{keyId}\""));
    }

    [Fact]
    public async Task Liveness_and_readiness_answer()
    {
        using var anonymous = host.Anonymous();
        var live = await anonymous.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal(["database", "draining", "migrations"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
        Assert.Equal("migrations applied", checks.GetProperty("migrations").GetProperty("description").GetString());
    }
}

public sealed class HealthAndKeysOnSqlite(SqliteHost host) : HealthAndKeysTests<SqliteHost>(host);
public sealed class HealthAndKeysOnPostgres(PostgresHost host) : HealthAndKeysTests<PostgresHost>(host);
