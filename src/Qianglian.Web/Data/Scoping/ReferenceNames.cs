using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Data;

/// <summary>
/// Door: the display name of a row that a visible row refers to, where the referenced row itself lies outside the
/// caller's subtree — the city chain a district project serves, the city bureau that leads it, the chief (a city
/// leader), the neighbouring county a share is credited to. Only the name (or code) leaves, by id, and only ids the
/// caller got from rows it sees: writes let a row refer only to what its writer may see or inherits (see
/// <see cref="References"/>). The jurisdiction filter alone is lifted; an enterprise user still sees no other
/// enterprise's rows by name.
/// </summary>
public static class ReferenceNames
{
    public static async Task<Dictionary<Guid, string>> ChainNamesAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted ? await Across<Chain>(db).Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct) : [];

    public static async Task<Dictionary<Guid, string>> NodeNamesAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted ? await Across<ChainNode>(db).Where(n => wanted.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct) : [];

    public static async Task<Dictionary<Guid, string>> EnterpriseNamesAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted ? await Across<Enterprise>(db).Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct) : [];

    /// <summary>An enterprise's 统一社会信用代码: public (printed on its business licence), and how files name it.</summary>
    public static async Task<Dictionary<Guid, string>> EnterpriseCodesAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted ? await Across<Enterprise>(db).Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Uscc, ct) : [];

    public static async Task<Dictionary<Guid, string>> ProjectNamesAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted ? await Across<Project>(db).Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct) : [];

    public static async Task<Dictionary<Guid, string>> UnitNamesAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted ? await Across<GovernmentUnit>(db).Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct) : [];

    /// <summary>Units by their key (workflows and stage actors name units by key).</summary>
    public static async Task<Dictionary<string, string>> UnitNamesByKeyAsync(this AppDbContext db, IEnumerable<string?> keys, CancellationToken ct)
    {
        var wanted = keys.OfType<string>().Distinct().ToList();
        return wanted.Count == 0 ? [] : await Across<GovernmentUnit>(db).Where(u => wanted.Contains(u.Key)).ToDictionaryAsync(u => u.Key, u => u.Name, ct);
    }

    /// <summary>A person's display name (their account name when they have none).</summary>
    public static async Task<Dictionary<Guid, string>> UserNamesAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted
            ? await Across<AppUser>(db).Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.UserName!, ct)
            : [];

    public static async Task<Dictionary<Guid, string>> JurisdictionNamesAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted ? await Across<Jurisdiction>(db).Where(j => wanted.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Name, ct) : [];

    /// <summary>Jurisdictions' names by path (a report names the reference region above the caller).</summary>
    public static async Task<Dictionary<string, string>> JurisdictionNamesByPathAsync(this AppDbContext db, IEnumerable<string> paths, CancellationToken ct)
    {
        var wanted = paths.Distinct().ToList();
        return wanted.Count == 0 ? [] : await Across<Jurisdiction>(db).Where(j => wanted.Contains(j.JurisdictionPath)).ToDictionaryAsync(j => j.JurisdictionPath, j => j.Name, ct);
    }

    /// <summary>Administrative codes (GB/T 2260; parks: parent code and suffix), as exports print them.</summary>
    public static async Task<Dictionary<Guid, string>> JurisdictionCodesAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted ? await Across<Jurisdiction>(db).Where(j => wanted.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Code, ct) : [];

    public static async Task<Dictionary<Guid, string>> DocumentTitlesAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted ? await Across<PolicyDocument>(db).Where(d => wanted.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct) : [];

    /// <summary>A document measure's text (its 措施 as the document words it).</summary>
    public static async Task<Dictionary<Guid, string>> MeasureTextsAsync(this AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct) =>
        Wanted(ids) is { Count: > 0 } wanted ? await Across<Measure>(db).Where(m => wanted.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Body, ct) : [];

    private static List<Guid> Wanted(IEnumerable<Guid> ids) => ids.Distinct().ToList();

    private static IQueryable<T> Across<T>(AppDbContext db) where T : class, IJurisdictionScoped =>
        db.Set<T>().IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking();
}
