using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// Something stored from the holiday calendar that must follow it when it changes: a working-day stage deadline is
/// stored when the stage is entered, so a notice entered later (or a day corrected) would leave it counted on the old
/// calendar. Modules register one (<c>AddScoped&lt;ICalendarDependent, …&gt;</c>); the calendar's writers call them.
/// </summary>
public interface ICalendarDependent
{
    /// <summary>The calendar changed at <paramref name="path"/>, and so below it: recompute what was stored from it.
    /// Runs in the writer's transaction, after the calendar change is saved, and adds its own changes to the context.</summary>
    Task CalendarChangedAsync(AppDbContext db, string path, CancellationToken ct);
}

public static class CalendarChange
{
    /// <summary>
    /// Saves a change of the calendar at <paramref name="paths"/> and, in the same transaction, what the dependents
    /// recompute from the new calendar: both or neither are stored.
    /// </summary>
    public static async Task SaveAsync(AppDbContext db, IEnumerable<ICalendarDependent> dependents, IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var dependent in dependents)
            foreach (var path in paths.Distinct())
                await dependent.CalendarChangedAsync(db, path, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
