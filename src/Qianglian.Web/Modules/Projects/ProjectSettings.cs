using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <param name="ApprovalLimit">Working days an approval process may take (安康 九: 70); 0 = no limit set.</param>
public sealed record ProjectSettings(int ApprovalLimit, WarningRules Warnings, DispatchRules Dispatch)
{
    public static readonly ProjectSettings Default = new(0, WarningRules.Default, DispatchRules.Default);

    /// <summary>Said of the numbers when no pack sets project rules for the place or above it.</summary>
    public const string BuiltIn = "本辖区及上级均未配置项目规则：平台内置默认值 (no pack sets project rules here: the platform's built-in numbers)";

    public static ProjectSettings Of(ProjectRules r) => new(r.ApprovalWorkingDayLimit,
        new WarningRules(new(r.SignedNotStartedYellow, r.SignedNotStartedRed), new(r.StartedNotCompletedYellow, r.StartedNotCompletedRed),
            new(r.CompletedNotProducingYellow, r.CompletedNotProducingRed)),
        new DispatchRules(r.ReportDueDay, r.LaggardMarginPoints));

    /// <summary>
    /// The settings and holiday calendar that apply at each path: the nearest ancestor's pack rules (else the
    /// defaults), and the holidays of the path and all its ancestors, with the years whose notice is entered there or
    /// above. All are configuration kept at a place or above it (usually the nation's calendar, the city's pack), read
    /// through the <see cref="InheritedConfiguration"/> door.
    /// </summary>
    public static async Task<Resolver> ForPathsAsync(AppDbContext db, IEnumerable<string> paths, CancellationToken ct)
    {
        var wanted = paths.Distinct().ToList();
        var rules = await db.InheritedAsync<ProjectRules>(wanted, ct);
        var days = await db.InheritedAsync<HolidayEntry>(wanted, ct);
        var notices = await db.InheritedAsync<HolidayNotice>(wanted, ct);
        return new Resolver(rules, days, notices);
    }

    public sealed class Resolver(IReadOnlyList<ProjectRules> rules, IReadOnlyList<HolidayEntry> days, IReadOnlyList<HolidayNotice> notices)
    {
        private readonly Dictionary<string, ProjectSettings> settings = [];
        private readonly Dictionary<string, HolidayCalendar> calendars = [];

        public ProjectSettings SettingsAt(string path)
        {
            if (settings.TryGetValue(path, out var found)) return found;
            return settings[path] = InheritedConfiguration.Nearest(rules, path) is { } nearest ? Of(nearest) : Default;
        }

        /// <summary>The pack whose rules apply at the path (null: the platform's built-in rules), for their default labels.</summary>
        public string? PackAt(string path) => InheritedConfiguration.Nearest(rules, path)?.PackCode;

        public HolidayCalendar CalendarAt(string path)
        {
            if (calendars.TryGetValue(path, out var found)) return found;
            var applicable = days.Where(d => Qianglian.Core.Jurisdictions.JurisdictionPath.IsWithin(path, d.JurisdictionPath)).ToList();
            var covered = notices.Where(n => Qianglian.Core.Jurisdictions.JurisdictionPath.IsWithin(path, n.JurisdictionPath)).Select(n => n.Year);
            return calendars[path] = new HolidayCalendar(applicable.Where(d => !d.IsWorkingDay).Select(d => d.Date), applicable.Where(d => d.IsWorkingDay).Select(d => d.Date), covered);
        }
    }
}
