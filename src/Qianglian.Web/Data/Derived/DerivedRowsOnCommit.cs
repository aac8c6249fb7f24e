using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qianglian.Web.Data;

/// <summary>
/// Runs the registered <see cref="IDerivedRows"/> maintainers: <see cref="AppDbContext"/> asks it to note each save,
/// and as a transaction commits it has every maintainer recompute what that transaction's saves noted.
/// </summary>
public sealed class DerivedRowsOnCommit(IReadOnlyList<IDerivedRows> maintainers) : DbTransactionInterceptor
{
    public IReadOnlyList<IDerivedRows> Maintainers { get; } = maintainers;

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken ct = default)
    {
        if (eventData.Context is AppDbContext { DerivedNotes.Any: true } db)
        {
            await using var view = db.DerivedRowsView();
            foreach (var maintainer in Maintainers) await maintainer.RefreshAsync(view, db.DerivedNotes, ct);
            db.DerivedNotes.Clear();
        }
        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        eventData.Context is AppDbContext { DerivedNotes.Any: true }
            ? throw new InvalidOperationException("Commit asynchronously: derived rows are recomputed before the commit.")
            : result;

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        (eventData.Context as AppDbContext)?.DerivedNotes.Clear();
        return Task.CompletedTask;
    }
}
