using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;

namespace Qianglian.Web.Hosting;

/// <summary>
/// Start-up: apply migrations, load the policy packs (idempotent), then either the demo dataset (default embedded
/// database, or --demo) or — on any other first start — one administrator with a one-time password.
/// </summary>
public static class Bootstrap
{
    public static async Task RunAsync(WebApplication app, LaunchOptions options)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        await MigrateAsync(app);
        await SharedKeys.EnsureKeyAsync(app.Services, CancellationToken.None);

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<RoleSeeder>().EnsureAsync();
        await services.GetRequiredService<Modules.Policies.PackLoader>().LoadAllAsync(RepositoryPaths.Packs, CancellationToken.None);
        await services.GetRequiredService<Modules.Cultivation.CultivationPackLoader>().LoadAllAsync(RepositoryPaths.Packs, CancellationToken.None);
        await services.GetRequiredService<Modules.Projects.ProjectRulesLoader>().LoadAllAsync(RepositoryPaths.Packs, CancellationToken.None);
        await services.GetRequiredService<Modules.Projects.HolidayNoticeLoader>().LoadAllAsync(RepositoryPaths.Packs, CancellationToken.None);
        await services.GetRequiredService<Modules.Supervision.SupervisionSettingsLoader>().LoadAllAsync(RepositoryPaths.Packs, CancellationToken.None);
        await services.GetRequiredService<Modules.Incentives.IncentivePackLoader>().LoadAllAsync(RepositoryPaths.Packs, CancellationToken.None);
        await services.GetRequiredService<Modules.Evaluation.IndexPackLoader>().LoadAllAsync(RepositoryPaths.Packs, CancellationToken.None);
        // --demo on the command line, or Demo=true in configuration (how test hosts ask for it).
        if (settings.IsDefaultEmbedded || options.Demo || app.Configuration.GetValue<bool>("Demo"))
            await services.GetRequiredService<DemoData>().EnsureAsync(CancellationToken.None);
        else
            await services.GetRequiredService<FirstAdministrator>().EnsureAsync(CancellationToken.None);
    }

    public static async Task MigrateAsync(WebApplication app)
    {
        await using var db = app.Services.GetRequiredService<DatabaseOptions>().Create(UserScope.System, app.Services.GetRequiredService<TimeProvider>());
        await db.Database.MigrateAsync();
        // The audit key is made on the first start (not on the first save), so operations can copy it away at once.
        db.AuditKeys.Current((await AuditTrail.HeadAsync(db, CancellationToken.None)).Sequence);
        // Plaintext personal data (rows from before encryption) is sealed, rows of an older key re-sealed; a wrong key stops here.
        if (Data.Protection.PersonalDataModel.CipherOf(db) is { } cipher)
            await Data.Protection.PersonalDataSealing.RunAsync(db, cipher, CancellationToken.None);
        await Modules.Chains.ChainStatistics.EnsureBuiltAsync(db, CancellationToken.None);
    }
}
