using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>The consulted units that have not yet recorded an opinion since the application entered the stage.</summary>
internal static class Opinions
{
    public sealed record Unit(string Key, string Name);

    public static async Task<List<Unit>> Pending(AppDbContext db, IncentiveApplication application, StageDefinition stage, CancellationToken ct)
    {
        // A return sends the file round again: only opinions of this round count. The events are the application's
        // (its jurisdiction and enterprise), so whoever sees the application sees them.
        var current = (await db.Set<ApplicationEvent>().AsNoTracking()
            .Where(e => e.ApplicationId == application.Id && e.Stage == stage.Key && e.Action == ApplicationAction.Opinion && e.Round == application.Round && e.UnitKey != null)
            .Select(e => e.UnitKey!).ToListAsync(ct)).ToHashSet();
        var names = await Acting.UnitNames(db, stage.Opinions, ct);
        return stage.Opinions.Where(o => !current.Contains(o)).Select(o => new Unit(o, names.GetValueOrDefault(o, o))).ToList();
    }
}
