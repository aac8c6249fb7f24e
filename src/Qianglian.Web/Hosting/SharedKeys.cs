using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;

namespace Qianglian.Web.Hosting;

/// <summary>
/// The data-protection key ring (it seals the sign-in cookie, antiforgery tokens and bearer tokens) kept in the database,
/// so every host on one database reads what another issued (docs/deployment.md). The application name is fixed, so hosts
/// installed in different directories share one ring. With <c>DataProtection:CertificatePath</c> the keys are encrypted
/// with that certificate before they are stored; without it they are stored as plain XML and ASP.NET Core says so at
/// start-up (the warning is kept: it is true, and docs/deployment.md tells how to configure the certificate).
/// </summary>
public static class SharedKeys
{
    public const string ApplicationName = "Qianglian";

    public static void AddSharedKeys(this IServiceCollection services, IConfiguration config)
    {
        // A context of its own: the key ring saves synchronously and must not enter the audit chain (the keys are secrets);
        // the table itself is created by the main contexts' migrations (SharedKeys).
        services.AddDbContext<KeyRingContext>((sp, o) =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            if (settings.Provider == DatabaseProvider.Postgres) o.UseNpgsql(DatabaseOptions.WithoutJit(settings.ConnectionString));
            else o.UseSqlite(settings.ConnectionString);
        });
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<KeyRingContext>();
        if (config["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config["DataProtection:CertificatePassword"]);
            if (!certificate.HasPrivateKey) throw new InvalidOperationException($"DataProtection:CertificatePath {path} has no private key");
            // Keys sealed with an earlier certificate stay readable while it is listed (rotation, docs/deployment.md).
            var previous = (config.GetSection("DataProtection:PreviousCertificatePaths").Get<string[]>() ?? [])
                .Select(p => X509CertificateLoader.LoadPkcs12FromFile(p, config["DataProtection:CertificatePassword"]));
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        }
    }

    /// <summary>
    /// Makes sure the ring has a current key before the host serves, one host at a time (<see cref="Modules.Notifications.JobLock"/>):
    /// hosts started together would otherwise each make a key of their own, and a host caches its ring, so for a while it
    /// could not read a cookie sealed with the other's key. The ring itself decides whether a key is due (by protecting a
    /// few bytes); a host that waits for the lock then finds the first host's key in the table.
    /// </summary>
    public static async Task EnsureKeyAsync(IServiceProvider services, CancellationToken ct)
    {
        var locks = services.GetRequiredService<Modules.Notifications.JobLock>();
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Qianglian.KeyRing.Start");
        for (var attempt = 0; ; attempt++)
        {
            await using var turn = await locks.TryAcquireAsync("key-ring", ct);
            if (turn is not null || attempt >= 100)
            {
                protector.Protect([1]);
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }
}

/// <summary>The key ring's table (<c>DataProtectionKeys</c>) on the platform's database; migrated by the main contexts.</summary>
public sealed class KeyRingContext(DbContextOptions<KeyRingContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Table = "DataProtectionKeys";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder) =>
        builder.Entity<DataProtectionKey>().ToTable(Table, t => t.ExcludeFromMigrations());

    /// <summary>The same table in the main model, so each provider's migrations create it.</summary>
    public static void Map(ModelBuilder builder) => builder.Entity<DataProtectionKey>().ToTable(Table);
}
