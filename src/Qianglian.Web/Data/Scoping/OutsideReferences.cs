using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Qianglian.Web.Data;

/// <summary>
/// Door: whether rows of other jurisdictions refer to a row the caller is about to merge away or delete — another
/// county's project or enterprise on a node of the caller's chain (a city, which sees both, may have put it there), a
/// city document's measure naming a district's unit. The caller may not change those rows; left alone, the database
/// would cascade into them, set their reference to nothing, or refuse with a bare key error. So the change is refused
/// with a clear message first. Only yes or no leaves, and only the jurisdiction filter is lifted.
/// </summary>
public static class OutsideReferences
{
    /// <summary>Whether a <typeparamref name="T"/> row outside the caller's jurisdiction meets <paramref name="refersTo"/> (a condition on the row's own columns).</summary>
    public static async Task<bool> IsReferredToFromOutsideAsync<T>(this AppDbContext db, Expression<Func<T, bool>> refersTo, CancellationToken ct)
        where T : class, IJurisdictionScoped
    {
        if (db.Scope.SeesAll) return false;
        var path = db.Scope.Path;
        return await db.Set<T>().IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking()
            .Where(RowOnly.Check(refersTo)).AnyAsync(r => !r.JurisdictionPath.StartsWith(path), ct);
    }
}
