using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Data;

/// <summary>
/// Door: a supply or demand post is published — its product, its kind and who posted it are public to whoever may see
/// the post, and a match pairs two posts that may lie in two counties. So a post is read by id past the jurisdiction
/// filter (posts have no enterprise filter: <see cref="PublishedToEnterprisesAttribute"/>), and for each post only its
/// poster's name and size class leave — never the poster's record or figures. Of the poster, the one filter that hides
/// it from this caller is lifted: another enterprise's for an enterprise user, another jurisdiction's for an official.
/// </summary>
public static class PublishedPosts
{
    /// <summary>Posts by id, where the caller got the ids from a match or a post it sees.</summary>
    public static async Task<Dictionary<Guid, SupplyDemandPost>> PublishedPostsAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.SupplyDemandPosts.IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking()
            .Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }

    /// <summary>The names of the enterprises that published <paramref name="posts"/>.</summary>
    public static async Task<Dictionary<Guid, string>> PosterNamesAsync(this AppDbContext db, IEnumerable<SupplyDemandPost> posts, CancellationToken ct)
    {
        var wanted = posts.Select(p => p.EnterpriseId).Distinct().ToList();
        return wanted.Count == 0 ? [] : await Posters<Enterprise>(db).Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }

    /// <summary>Each poster's size class from its latest year's facts (Micro when it has none): the class leaves, never the figures.</summary>
    public static async Task<Dictionary<Guid, SizeClass>> PosterSizesAsync(this AppDbContext db, IEnumerable<SupplyDemandPost> posts, CancellationToken ct)
    {
        var wanted = posts.Select(p => p.EnterpriseId).Distinct().ToList();
        var facts = await Posters<EnterpriseYearFact>(db).Where(f => wanted.Contains(f.EnterpriseId))
            .Select(f => new { f.EnterpriseId, f.Year, f.Employees, f.Revenue }).ToListAsync(ct);
        return facts.GroupBy(f => f.EnterpriseId).ToDictionary(g => g.Key, g => g.MaxBy(f => f.Year) is { } f ? EnterpriseSize.Classify(f.Employees, f.Revenue) : SizeClass.Micro);
    }

    private static IQueryable<T> Posters<T>(AppDbContext db) where T : class
    {
        var hiding = db.Scope.EnterpriseId is null ? ScopeFilters.Jurisdiction : ScopeFilters.Enterprise;
        return db.Set<T>().IgnoreQueryFilters([hiding]).AsNoTracking();
    }
}
