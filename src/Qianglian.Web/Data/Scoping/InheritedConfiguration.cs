using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Jurisdictions;

namespace Qianglian.Web.Data;

/// <summary>
/// Configuration that governs the jurisdictions below the one that keeps it: a city's pack, measures, approval
/// workflows, models, targets, settings, holiday calendar and government units apply to its districts (西区 applies
/// 攀枝花's measures; a district document names city bureaus). Such rows are read past the jurisdiction filter along a
/// place's ancestors, through <see cref="InheritedConfiguration"/> only.
/// </summary>
public interface IInheritedConfiguration : IJurisdictionScoped;

/// <summary>
/// Door: the configuration that applies at a place — rows kept at the place itself or at any of its ancestors. A place
/// counts only if the caller may see it or it lies above the caller (a county reads its city's measures, never a
/// sibling county's); the jurisdiction filter alone is lifted, and only for configuration types.
/// </summary>
public static class InheritedConfiguration
{
    /// <summary>The rows of <typeparamref name="T"/> kept at <paramref name="places"/> or above them, optionally narrowed by a condition on the row.</summary>
    public static async Task<List<T>> InheritedAsync<T>(this AppDbContext db, IEnumerable<string> places, CancellationToken ct,
        Expression<Func<T, bool>>? where = null) where T : class, IInheritedConfiguration
    {
        var paths = Governing(db.Scope, places);
        if (paths.Count == 0) return [];
        var rows = db.Set<T>().IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking().Where(r => paths.Contains(r.JurisdictionPath));
        if (where is not null) rows = rows.Where(RowOnly.Check(where));
        return await rows.ToListAsync(ct);
    }

    /// <summary>One row by id, if it is kept at <paramref name="place"/> or above it.</summary>
    public static async Task<T?> FindInheritedAsync<T>(this AppDbContext db, Guid id, string place, CancellationToken ct)
        where T : Entity, IInheritedConfiguration =>
        (await db.InheritedAsync<T>([place], ct, r => r.Id == id)).FirstOrDefault();

    /// <summary>The nearest row to <paramref name="place"/>, kept at it or above it (the most specific configuration wins).</summary>
    public static T? Nearest<T>(IEnumerable<T> rows, string place) where T : IJurisdictionScoped =>
        rows.Where(r => JurisdictionPath.IsWithin(place, r.JurisdictionPath)).MaxBy(r => r.JurisdictionPath.Length);

    /// <summary>Each place the caller may see or that lies above it, with every ancestor of it.</summary>
    private static List<string> Governing(UserScope scope, IEnumerable<string> places) =>
        places.Where(scope.Reaches)
            .SelectMany(JurisdictionPath.SelfAndAncestors).Distinct().ToList();
}
