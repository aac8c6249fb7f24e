using Microsoft.EntityFrameworkCore;

namespace Qianglian.Web.Data;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Makes the coming update conditional on the version the caller last saw: if someone saved in between,
    /// SaveChanges throws <see cref="DbUpdateConcurrencyException"/> (HTTP 409) instead of overwriting.
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, int seenVersion) where T : Entity =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = seenVersion;
}
