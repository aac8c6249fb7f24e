using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Qianglian.Web.Data;

/// <summary>
/// Rows derived from other rows and kept for everyone (a chain node's statistics), registered by the module that owns
/// them (<c>services.AddSingleton&lt;IDerivedRows, …&gt;()</c>). Every save asks each registered maintainer to note
/// what its pending changes touch, before anything is written; the transaction asks it to recompute those from the
/// stored rows just before it commits. Both steps read through the <see cref="DerivedRowsView"/> — every row, whoever
/// saved — because a figure kept for everyone counts every row; they write only derived tables and return nothing to
/// the caller.
/// </summary>
public interface IDerivedRows
{
    /// <summary>Notes what the tracked changes (not yet written) touch. <paramref name="view"/> reads the rows as stored.</summary>
    Task NoteAsync(ChangeTracker changes, DerivedRowsView view, DerivedNotes notes, CancellationToken ct);

    /// <summary>The same for the rows of a bulk save.</summary>
    Task NoteAsync<T>(BulkBatch<T> batch, DerivedRowsView view, DerivedNotes notes, CancellationToken ct) where T : Entity;

    /// <summary>Recomputes what was noted, inside the committing transaction.</summary>
    Task RefreshAsync(DerivedRowsView view, DerivedNotes notes, CancellationToken ct);
}

/// <summary>What one context's saves have noted for the maintainers, until its transaction commits or rolls back.</summary>
public sealed class DerivedNotes
{
    private readonly Dictionary<Type, object> notes = [];

    /// <summary>The notes of one kind (each maintainer keeps its own type).</summary>
    public T Of<T>() where T : class, new()
    {
        if (!notes.TryGetValue(typeof(T), out var found)) notes[typeof(T)] = found = new T();
        return (T)found;
    }

    public bool Any => notes.Count > 0;

    public void Clear() => notes.Clear();
}
