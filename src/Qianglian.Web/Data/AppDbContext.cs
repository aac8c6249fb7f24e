using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;

namespace Qianglian.Web.Data;

/// <summary>
/// The one database of Qianglian. Every context instance is bound to a <see cref="UserScope"/>: global query
/// filters hide rows outside it, and <see cref="SaveChangesAsync(bool, CancellationToken)"/> refuses writes outside
/// it, bumps versions and appends the audit chain in the same transaction. Provider-specific subclasses exist only
/// so that each provider has its own migrations (see <see cref="SqliteAppDbContext"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options, UserScope scope, TimeProvider clock)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public UserScope Scope { get; } = scope;

    protected TimeProvider Clock => clock;

    /// <summary>A second context for the same caller, on a connection of its own: to read alongside this one.</summary>
    public abstract AppDbContext Twin();

    // Flat members so the query filters read them as parameters of each query (see ApplyScopeFilters).
    internal bool ScopeSeesAll => Scope.SeesAll;
    internal string ScopePath => Scope.Path;
    internal Guid? ScopeEnterpriseId => Scope.EnterpriseId;

    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<GovernmentUnit> Units => Set<GovernmentUnit>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<EnterpriseYearFact> EnterpriseFacts => Set<EnterpriseYearFact>();
    public DbSet<EnterpriseHonour> EnterpriseHonours => Set<EnterpriseHonour>();
    public DbSet<PolicyPack> PolicyPacks => Set<PolicyPack>();
    public DbSet<PolicyDocument> PolicyDocuments => Set<PolicyDocument>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<MeasureUnit> MeasureUnits => Set<MeasureUnit>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Modules.Chains.Ecosystem> Ecosystems => Set<Modules.Chains.Ecosystem>();
    public DbSet<Modules.Chains.Chain> Chains => Set<Modules.Chains.Chain>();
    public DbSet<Modules.Chains.ChainNode> ChainNodes => Set<Modules.Chains.ChainNode>();
    public DbSet<Modules.Chains.EnterpriseNodeLink> EnterpriseNodeLinks => Set<Modules.Chains.EnterpriseNodeLink>();
    public DbSet<Modules.Chains.SupplyLink> SupplyLinks => Set<Modules.Chains.SupplyLink>();
    public DbSet<Modules.Chains.GapSettings> GapSettings => Set<Modules.Chains.GapSettings>();
    public DbSet<Modules.Chains.ChainKitItem> ChainKitItems => Set<Modules.Chains.ChainKitItem>();
    public DbSet<Modules.Chains.ChainListEntry> ChainListEntries => Set<Modules.Chains.ChainListEntry>();
    public DbSet<Modules.Chains.CollaborationNeed> CollaborationNeeds => Set<Modules.Chains.CollaborationNeed>();
    public DbSet<Modules.Evaluation.Target> Targets => Set<Modules.Evaluation.Target>();
    public DbSet<Modules.Evaluation.IndustryEvent> IndustryEvents => Set<Modules.Evaluation.IndustryEvent>();
    public DbSet<Modules.Evaluation.JurisdictionStatistic> JurisdictionStatistics => Set<Modules.Evaluation.JurisdictionStatistic>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<Modules.Projects.Project> Projects => Set<Modules.Projects.Project>();
    public DbSet<Modules.Cultivation.CultivationModel> CultivationModels => Set<Modules.Cultivation.CultivationModel>();
    public DbSet<Modules.Cultivation.CultivationProfile> CultivationProfiles => Set<Modules.Cultivation.CultivationProfile>();
    public DbSet<Modules.Cultivation.CultivationYear> CultivationYears => Set<Modules.Cultivation.CultivationYear>();
    public DbSet<Modules.Cultivation.ExpertScore> ExpertScores => Set<Modules.Cultivation.ExpertScore>();
    public DbSet<Modules.Cultivation.EvaluationRun> EvaluationRuns => Set<Modules.Cultivation.EvaluationRun>();
    public DbSet<Modules.Cultivation.EvaluationResult> EvaluationResults => Set<Modules.Cultivation.EvaluationResult>();
    public DbSet<Modules.Cultivation.Objection> Objections => Set<Modules.Cultivation.Objection>();
    public DbSet<Modules.Cultivation.TierMembership> TierMemberships => Set<Modules.Cultivation.TierMembership>();
    public DbSet<Modules.Cultivation.TierExit> TierExits => Set<Modules.Cultivation.TierExit>();
    public DbSet<Modules.Supervision.SupervisionSettings> SupervisionSettings => Set<Modules.Supervision.SupervisionSettings>();
    public DbSet<Modules.Supervision.Problem> Problems => Set<Modules.Supervision.Problem>();
    public DbSet<Modules.Supervision.ProblemStep> ProblemSteps => Set<Modules.Supervision.ProblemStep>();
    public DbSet<Modules.Supervision.ProblemAttachment> ProblemAttachments => Set<Modules.Supervision.ProblemAttachment>();
    public DbSet<Modules.Supervision.MeasureTask> MeasureTasks => Set<Modules.Supervision.MeasureTask>();
    public DbSet<Modules.Supervision.TaskMilestone> TaskMilestones => Set<Modules.Supervision.TaskMilestone>();
    public DbSet<Modules.Supervision.TaskReport> TaskReports => Set<Modules.Supervision.TaskReport>();
    public DbSet<Modules.Supervision.TaskReview> TaskReviews => Set<Modules.Supervision.TaskReview>();
    public DbSet<Modules.Supervision.FieldVisit> FieldVisits => Set<Modules.Supervision.FieldVisit>();
    public DbSet<Modules.Supervision.PromotionMeeting> PromotionMeetings => Set<Modules.Supervision.PromotionMeeting>();
    public DbSet<Modules.Supervision.AssignedMatter> AssignedMatters => Set<Modules.Supervision.AssignedMatter>();
    public DbSet<Modules.Supervision.SupplyDemandPost> SupplyDemandPosts => Set<Modules.Supervision.SupplyDemandPost>();
    public DbSet<Modules.Supervision.SupplyDemandMatch> SupplyDemandMatches => Set<Modules.Supervision.SupplyDemandMatch>();
    public DbSet<Modules.Arrears.ArrearsClaim> ArrearsClaims => Set<Modules.Arrears.ArrearsClaim>();
    public DbSet<Modules.Chains.NodeStatistics> NodeStatistics => Set<Modules.Chains.NodeStatistics>();
    public DbSet<Modules.Chains.NodeYearStatistics> NodeYearStatistics => Set<Modules.Chains.NodeYearStatistics>();

    /// <summary>What this context's saves have noted for the maintainers of derived rows, until the transaction ends.</summary>
    internal DerivedNotes DerivedNotes { get; } = new();

    /// <summary>The maintainers of derived rows registered by the modules (<see cref="IDerivedRows"/>).</summary>
    private IReadOnlyList<IDerivedRows> DerivedRows =>
        derivedRows ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<DerivedRowsOnCommit>()
            .SelectMany(i => i.Maintainers).ToList() ?? [];

    private IReadOnlyList<IDerivedRows>? derivedRows;

    /// <summary>The keys the audit chain is signed with (kept outside the database), carried in the options.</summary>
    internal AuditKeyRing AuditKeys =>
        auditKeys ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<AuditKeyRing>().SingleOrDefault()
            ?? throw new InvalidOperationException("this context was built without the audit key ring (DatabaseOptions)");

    private AuditKeyRing? auditKeys;

    /// <summary>A system-scoped context on this context's connection and transaction, for <see cref="IDerivedRows"/> only.</summary>
    internal DerivedRowsView DerivedRowsView()
    {
        var system = SystemTwin();
        system.Database.SetDbConnection(Database.GetDbConnection(), contextOwnsConnection: false);
        if (Database.CurrentTransaction is { } transaction) system.Database.UseTransaction(transaction.GetDbTransaction());
        return new DerivedRowsView(system);
    }

    /// <summary>A new context of this provider under the system scope (connected by <see cref="DerivedRowsView"/>).</summary>
    protected abstract AppDbContext SystemTwin();

    private async Task NoteDerivedAsync(Func<IDerivedRows, DerivedRowsView, Task> note)
    {
        if (DerivedRows.Count == 0) return;
        await using var view = DerivedRowsView();
        foreach (var maintainer in DerivedRows) await note(maintainer, view);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly,
            t => t.Namespace?.StartsWith("Qianglian.Web", StringComparison.Ordinal) == true);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
        Hosting.KeyRingContext.Map(builder); // created here, read and written only by the key ring (Hosting/SharedKeys)
        ApplyScopeColumns(builder);
        ApplyScopeFilters(builder);
        Protection.PersonalDataModel.Apply(builder, Protection.PersonalDataModel.CipherOf(this));
    }

    /// <summary>
    /// Every scoped row: a bounded, indexed path (the filters search it by prefix) and a foreign key to its
    /// jurisdiction (not for <see cref="ProvinceScaleRowsAttribute"/> rows). The jurisdiction table's own id/path pair is itself.
    /// </summary>
    private static void ApplyScopeColumns(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(IJurisdictionScoped).IsAssignableFrom).ToList())
        {
            var entity = builder.Entity(type);
            entity.Property(nameof(IJurisdictionScoped.JurisdictionPath)).HasMaxLength(200);
            if (type.IsDefined(typeof(ProvinceScaleRowsAttribute), inherit: false)) continue;
            entity.HasIndex(nameof(IJurisdictionScoped.JurisdictionPath));
            if (type != typeof(Jurisdiction))
                entity.HasOne(typeof(Jurisdiction)).WithMany().HasForeignKey(nameof(IJurisdictionScoped.JurisdictionId)).OnDelete(DeleteBehavior.Restrict);
            if (typeof(ISharedWith).IsAssignableFrom(type))
            {
                entity.Property(nameof(ISharedWith.SharedWithPath)).HasMaxLength(200);
                entity.HasIndex(nameof(ISharedWith.SharedWithPath));
            }
        }
    }

    /// <summary>
    /// One named filter per concern on every scoped entity type. The lambdas reference this context, which EF
    /// replaces with the querying instance, so each query is filtered by its own caller's scope.
    /// </summary>
    private void ApplyScopeFilters(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            var row = Expression.Parameter(type, "row");
            var context = Expression.Constant(this);
            // Audit entries carry the audited row's path, so an administrator sees the history of their subtree only.
            if (typeof(IJurisdictionScoped).IsAssignableFrom(type) || type == typeof(AuditEntry))
            {
                // row => ctx.ScopeSeesAll || row.JurisdictionPath.StartsWith(ctx.ScopePath)
                //        [|| row.SharedWithPath.StartsWith(ctx.ScopePath) for rows shown to a second jurisdiction]
                var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
                Expression visible = Expression.Call(Expression.Property(row, nameof(IJurisdictionScoped.JurisdictionPath)), startsWith, Expression.Property(context, nameof(ScopePath)));
                if (typeof(ISharedWith).IsAssignableFrom(type))
                    visible = Expression.OrElse(visible,
                        Expression.Call(Expression.Property(row, nameof(ISharedWith.SharedWithPath)), startsWith, Expression.Property(context, nameof(ScopePath))));
                var body = Expression.OrElse(Expression.Property(context, nameof(ScopeSeesAll)), visible);
                builder.Entity(type).HasQueryFilter(ScopeFilters.Jurisdiction, Expression.Lambda(body, row));
            }
            if (typeof(IEnterpriseOwned).IsAssignableFrom(type) && !type.IsDefined(typeof(PublishedToEnterprisesAttribute), inherit: false))
            {
                // row => ctx.ScopeEnterpriseId == null || row.EnterpriseId == ctx.ScopeEnterpriseId
                var owner = Expression.Convert(Expression.Property(row, OwnedByAttribute.PropertyOf(type)), typeof(Guid?));
                var enterprise = Expression.Property(context, nameof(ScopeEnterpriseId));
                var body = Expression.OrElse(
                    Expression.Equal(enterprise, Expression.Constant(null, typeof(Guid?))),
                    Expression.Equal(owner, enterprise));
                builder.Entity(type).HasQueryFilter(ScopeFilters.Enterprise, Expression.Lambda(body, row));
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saves check scope and append the audit chain asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        InputBounds.Check(ChangeTracker);
        await ScopeGuard.CheckAsync(this, Scope, ct);
        BumpVersions();
        await NoteDerivedAsync((maintainer, view) => maintainer.NoteAsync(ChangeTracker, view, DerivedNotes, ct));
        var pending = AuditTrail.Capture(ChangeTracker);
        if (Database.CurrentTransaction is not null)
            return await SaveWithAuditAsync(pending, acceptAllChangesOnSuccess, ct);

        await using var transaction = await Database.BeginTransactionAsync(ct);
        var count = await SaveWithAuditAsync(pending, acceptAllChangesOnSuccess, ct);
        await transaction.CommitAsync(ct);
        return count;
    }

    private async Task<int> SaveWithAuditAsync(IReadOnlyList<AuditTrail.Pending> pending, bool accept, CancellationToken ct)
    {
        await LockAuditChainAsync(ct);
        await AuditTrail.AppendAsync(this, pending, Scope, clock.GetUtcNow(), ct);
        try
        {
            return await base.SaveChangesAsync(accept, ct);
        }
        catch (DbUpdateException e) when (UniqueViolations.Describe(e, Model) is { } conflict)
        {
            throw conflict;
        }
    }

    /// <summary>
    /// Appends an entry for a reading rather than a change: the audit administrator's readings and exports of the audit
    /// log are themselves audited (GB/T 22239-2019 8.1.4.3 b, 审计覆盖到每个用户; 三员分立: the auditor is audited too).
    /// Action "Read", keyed by what was read, in the reader's jurisdiction path; <paramref name="details"/> (the query)
    /// is recorded like a new row's fields.
    /// </summary>
    public async Task RecordReadingAsync(string entityType, IReadOnlyDictionary<string, object?> details, CancellationToken ct)
    {
        var changes = System.Text.Json.JsonSerializer.Serialize(
            details.Where(d => d.Value is not null).OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key, d => new { after = d.Value }),
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await using var transaction = await Database.BeginTransactionAsync(ct);
        await LockAuditChainAsync(ct);
        await AuditTrail.AppendAsync(this, [new AuditTrail.Pending(entityType, Scope.UserName, "Read", changes, Scope.Path)], Scope, clock.GetUtcNow(), ct);
        await base.SaveChangesAsync(true, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Serialises appends to the chain so two saves never link to the same head.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken ct);

    /// <summary>
    /// Whether <see cref="BulkSaveAsync{T}"/> copies rows in bulk (PostgreSQL) rather than saving them through the change
    /// tracker (SQLite). An import writes while it is still reading its file only then: otherwise reading is not the
    /// slower half, and SQLite's single write lock should not be held while a file is read.
    /// </summary>
    public virtual bool CopiesInBulk => false;

    /// <summary>
    /// Saves many rows of one type with the guarantees of <see cref="SaveChangesAsync(bool, CancellationToken)"/>: the
    /// central scope guard (for the whole batch, before any of it is written), the version bump, one audit entry per row
    /// linked into the chain. With <see cref="CopiesInBulk"/> the rows and their audit entries are binary-copied
    /// (<see cref="PostgresCopy"/>); otherwise they go through the change tracker in one save. Runs in the current
    /// transaction, or in its own.
    /// </summary>
    public BulkBatch<T> NewBulkBatch<T>() where T : Entity => new(Model.FindEntityType(typeof(T))!);

    public async Task BulkSaveAsync<T>(BulkBatch<T> batch, CancellationToken ct) where T : Entity
    {
        if (batch.Count == 0) return;
        if (!CopiesInBulk)
        {
            AddRange(batch.Added);
            foreach (var update in batch.Modified)
            {
                var entry = Attach(update.Row);
                for (var i = 0; i < batch.Properties.Count; i++) entry.Property(batch.Properties[i].Name).OriginalValue = update.Before[i];
            }
            await SaveChangesAsync(ct);
            ChangeTracker.Clear();
            return;
        }
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            InputBounds.Check(batch);
            await ScopeGuard.CheckBulkAsync(this, Scope, batch, ct);
            var version = batch.IndexOf(nameof(Entity.Version));
            foreach (var update in batch.Modified) update.Row.Version = (int)update.Before[version]! + 1;
            await NoteDerivedAsync((maintainer, view) => maintainer.NoteAsync(batch, view, DerivedNotes, ct));
            await LockAuditChainAsync(ct);
            var head = await AuditTrail.HeadAsync(this, ct);
            // Describing and hashing the rows needs no database: it runs while the rows are being copied.
            var now = clock.GetUtcNow();
            var key = AuditKeys.Current(head.Sequence);
            var audit = Task.Run(() => AuditTrail.Link(AuditTrail.Capture(batch), head, Scope, now, key), ct);
            await CopyAsync(batch, audit, ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (UniqueViolations.Describe(e, Model) is { } conflict)
        {
            throw conflict;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// Inserts new rows that a record of their own seals (a run's results), with the central scope guard of any save
    /// but no audit entry per row: each row's hash goes into <paramref name="seal"/>, whose digest the caller stores in
    /// an audited column of the sealing record, in the same transaction (<c>verify-audit</c> recomputes it from the rows
    /// as stored). Where <see cref="CopiesInBulk"/>, every batch goes into one binary COPY, so the database takes in the
    /// rows while the next batch is still being made; otherwise each batch is one tracked save.
    /// </summary>
    public async Task BulkInsertSealedAsync<T>(IAsyncEnumerable<IReadOnlyList<T>> batches, Seal seal, CancellationToken ct) where T : Entity, ISealedRow
    {
        if (Database.CurrentTransaction is null)
            throw new InvalidOperationException("sealed rows are written in the transaction that records their seal");
        if (!CopiesInBulk)
        {
            // Only these rows may go unaudited: anything else pending is saved the usual way first.
            if (ChangeTracker.HasChanges()) throw new InvalidOperationException("save pending changes before writing sealed rows");
            await foreach (var rows in batches.WithCancellation(ct))
            {
                AddRange(rows);
                await ScopeGuard.CheckAsync(this, Scope, ct);
                seal.Add(rows);
                await base.SaveChangesAsync(true, ct);
                foreach (var row in rows) Entry(row).State = EntityState.Detached; // the sealing record stays tracked
            }
            return;
        }
        var paths = await ScopeGuard.AllPathsAsync(this, ct);
        var hashing = new List<Task>();
        async IAsyncEnumerable<object> Checked()
        {
            await foreach (var rows in batches.WithCancellation(ct))
            {
                ScopeGuard.CheckInserts(Scope, rows, paths);
                // Hashing needs no database: it runs while the rows are being copied.
                hashing.Add(Task.Run(() => seal.Add(rows), ct));
                foreach (var row in rows) yield return row;
            }
        }
        await InsertInBulkAsync(Model.FindEntityType(typeof(T))!, Checked(), ct);
        await Task.WhenAll(hashing);
    }

    /// <inheritdoc cref="BulkInsertSealedAsync{T}(IAsyncEnumerable{IReadOnlyList{T}}, Seal, CancellationToken)"/>
    public Task BulkInsertSealedAsync<T>(IReadOnlyList<T> rows, Seal seal, CancellationToken ct) where T : Entity, ISealedRow =>
        BulkInsertSealedAsync(new[] { rows }.ToAsyncEnumerable(), seal, ct);

    /// <summary>
    /// Refreshes the planner's statistics of <typeparamref name="T"/>'s table after a bulk write changed much of it. Until
    /// the server's own analyze comes round, its plans assume the table as it was: a lookup by key in a million rows
    /// just copied into a table it believes empty becomes a full scan. A no-op where the database plans without them.
    /// </summary>
    public virtual Task RefreshStatisticsAsync<T>(CancellationToken ct) where T : class => Task.CompletedTask;

    /// <summary>Copies checked new rows into their table in one stream (only where <see cref="CopiesInBulk"/>).</summary>
    protected virtual Task InsertInBulkAsync(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, IAsyncEnumerable<object> rows, CancellationToken ct) =>
        throw new NotSupportedException("bulk copy is not available on this database");

    /// <summary>Writes checked, versioned rows and their linked audit entries in bulk (only where <see cref="CopiesInBulk"/>).</summary>
    protected virtual Task CopyAsync<T>(BulkBatch<T> batch, Task<List<AuditEntry>> audit, CancellationToken ct) where T : Entity =>
        throw new NotSupportedException("bulk copy is not available on this database");

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Entity>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
    }
}

public static class ScopeFilters
{
    public const string Jurisdiction = "jurisdiction";
    public const string Enterprise = "enterprise";
}
