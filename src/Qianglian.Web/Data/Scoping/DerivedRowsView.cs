namespace Qianglian.Web.Data;

/// <summary>
/// Door: the stored rows as the system sees them, for the maintainers of derived rows (<see cref="IDerivedRows"/>)
/// only. A figure kept for everyone — a node's count of local enterprises — counts every row, whoever saved the change
/// that moved it, so the maintainer reads unscoped: through a system-scoped context on the saving context's own
/// connection and transaction (it sees the rows being saved, and its inserts commit or roll back with them). Nothing
/// read here goes back to the caller: maintainers write derived tables and return nothing.
/// </summary>
public sealed class DerivedRowsView : IAsyncDisposable
{
    internal DerivedRowsView(AppDbContext system) => Db = system;

    /// <summary>The system-scoped context (no query filter hides a row from it).</summary>
    public AppDbContext Db { get; }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
