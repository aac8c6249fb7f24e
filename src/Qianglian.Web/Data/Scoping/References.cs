using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;

namespace Qianglian.Web.Data;

/// <summary>
/// What a written row may refer to: a row the writer may see, or configuration it inherits. An id from elsewhere is
/// refused as not found, on the field that named it, before anything is stored — so no stored row points across the
/// boundary, and no response echoes a name the caller could not see. (Reads through the filtered context, plus
/// <see cref="InheritedConfiguration"/>: this crosses nothing.)
/// </summary>
public static class References
{
    /// <summary>404 on <paramref name="field"/> unless the caller sees the <typeparamref name="T"/> row <paramref name="id"/>.</summary>
    public static async Task RequireVisibleAsync<T>(this AppDbContext db, Guid? id, string field, string message, CancellationToken ct) where T : Entity
    {
        if (id is { } wanted && !await db.Set<T>().AnyAsync(r => r.Id == wanted, ct)) throw new NotFoundException(field, message);
    }

    /// <summary>404 on <paramref name="field"/> unless every id names a <typeparamref name="T"/> row the caller sees.</summary>
    public static async Task RequireVisibleAsync<T>(this AppDbContext db, IEnumerable<Guid> ids, string field, string message, CancellationToken ct) where T : Entity
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count > 0 && await db.Set<T>().CountAsync(r => wanted.Contains(r.Id), ct) != wanted.Count) throw new NotFoundException(field, message);
    }

    /// <summary>
    /// 404 on <paramref name="field"/> unless the caller sees the configuration row <paramref name="id"/> or inherits it
    /// (kept at the caller's jurisdiction or above it: a district project's responsible unit may be a city bureau).
    /// </summary>
    public static async Task RequireVisibleOrInheritedAsync<T>(this AppDbContext db, Guid? id, string field, string message, CancellationToken ct)
        where T : Entity, IInheritedConfiguration
    {
        if (id is not { } wanted || await db.Set<T>().AnyAsync(r => r.Id == wanted, ct)) return;
        if (await db.FindInheritedAsync<T>(wanted, db.Scope.Path, ct) is null) throw new NotFoundException(field, message);
    }
}
