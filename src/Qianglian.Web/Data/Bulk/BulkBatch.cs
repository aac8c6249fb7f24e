using Microsoft.EntityFrameworkCore.Metadata;

namespace Qianglian.Web.Data;

/// <summary>
/// The rows one bulk save writes (see <see cref="AppDbContext.BulkSaveAsync{T}"/>): new rows, and changed rows with
/// the values they had when read, so the central checks and the audit see exactly what a tracked save would show.
/// </summary>
public sealed class BulkBatch<T> where T : Entity
{
    internal BulkBatch(IEntityType type)
    {
        if (type.GetProperties().Any(p => p.IsShadowProperty() || p.PropertyInfo is null))
            throw new NotSupportedException($"{typeof(T).Name}: bulk saves need every column on the class");
        Type = type;
        Properties = type.GetProperties().ToList();
    }

    internal IEntityType Type { get; }
    internal IReadOnlyList<IProperty> Properties { get; }
    public List<T> Added { get; } = [];
    public List<BulkUpdate<T>> Modified { get; } = [];
    public int Count => Added.Count + Modified.Count;

    public void Add(T row) => Added.Add(row);

    /// <summary>Applies <paramref name="change"/> to a row as read (untracked); a change that alters nothing writes nothing.</summary>
    public void Update(T row, Action<T> change)
    {
        var update = new BulkUpdate<T>(row, Values(row));
        change(row);
        if (Changed(update).Any()) Modified.Add(update);
    }

    /// <summary>The properties whose value differs from the one read (after the save's own changes: version, path).</summary>
    internal IEnumerable<int> Changed(BulkUpdate<T> update) =>
        Enumerable.Range(0, Properties.Count).Where(i => !Equals(update.Before[i], BulkRow.Value(Properties[i], update.Row)));

    internal object?[] Values(T row) => Properties.Select(p => BulkRow.Value(p, row)).ToArray();

    internal int IndexOf(string property) => Properties.Select(p => p.Name).ToList().IndexOf(property);
}

/// <summary>A changed row: the row with its new values, and its values as read (in the order of the batch's properties).</summary>
public sealed record BulkUpdate<T>(T Row, object?[] Before) where T : Entity;

internal static class BulkRow
{
    public static object? Value(IProperty property, object row) => property.GetGetter().GetClrValueUsingContainingEntity(row);
}
