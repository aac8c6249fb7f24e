using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Qianglian.Web.Data;

/// <summary>
/// Door: natural keys are unique across every jurisdiction and enterprise — a credit code, an administrative code, a
/// unit's key, a name within its jurisdiction, the numbers of a series — so the check that one is free must see every
/// row, hidden or not. It is the one door that lifts both filters, and it answers only yes or no, or the numbers taken.
/// </summary>
public static class NaturalKeys
{
    /// <summary>Whether a row with this key is stored anywhere. <paramref name="key"/> compares the row's own key columns.</summary>
    public static Task<bool> IsTakenAsync<T>(this AppDbContext db, Expression<Func<T, bool>> key, CancellationToken ct) where T : class =>
        Everywhere<T>(db).AnyAsync(RowOnly.Check(key), ct);

    /// <summary>The numbers already given in a series (an application year's numbers), so the next one continues it.</summary>
    public static Task<List<string>> NumbersTakenAsync<T>(this AppDbContext db, Expression<Func<T, bool>> series, Expression<Func<T, string>> number,
        CancellationToken ct) where T : class =>
        Everywhere<T>(db).Where(RowOnly.Check(series)).Select(number).ToListAsync(ct);

    private static IQueryable<T> Everywhere<T>(AppDbContext db) where T : class =>
        db.Set<T>().IgnoreQueryFilters([ScopeFilters.Jurisdiction, ScopeFilters.Enterprise]).AsNoTracking();
}
