using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Packs;
using Qianglian.Core.Projects;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// Loads the State Council's holiday notices shipped in <c>packs/national/holidays/&lt;year&gt;.txt</c> at start-up into the
/// nation (100000), whose calendar every jurisdiction inherits: one <see cref="HolidayNotice"/> per year and a
/// <see cref="HolidayEntry"/> per day off and weekend worked, as <see cref="HolidayNoticeText"/> reads them from the
/// notice's text. Versioned and idempotent like the packs: a notice already loaded with the same version and content is
/// skipped, a higher version replaces the nation's days of that year (an office's entry of the year at the nation is
/// replaced too: the shipped text is the notice), changed content under the same version is refused. A file whose text
/// does not read (a weekday or day count the text names that does not fit) fails start-up with file and clause, and
/// nothing is written. Deadlines stored from the old calendar are counted again (<see cref="ICalendarDependent"/>).
/// </summary>
public sealed class HolidayNoticeLoader(AppDb dbs, IEnumerable<ICalendarDependent> dependents)
{
    public static string FolderOf(string packsRoot) => Path.Combine(packsRoot, "national", "holidays");

    private const string Origin = "national";

    private sealed record Shipped(string File, int Version, string Hash, string? Source, HolidayArrangement Notice);

    /// <returns>The years loaded or replaced.</returns>
    public async Task<IReadOnlyList<int>> LoadAllAsync(string packsRoot, CancellationToken ct)
    {
        var folder = FolderOf(packsRoot);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList() : [];
        var errors = new List<PackError>();
        var shipped = new List<Shipped>();
        foreach (var path in files)
            if (Read(path, errors) is { } s) shipped.Add(s);
        if (errors.Count > 0) throw new PackLoadException(errors);
        if (shipped.Count == 0) return [];

        await using var db = dbs.OpenSystem();
        var nation = await db.Jurisdictions.SingleAsync(j => j.Code == Jurisdiction.NationalCode, ct);
        var stored = await db.Set<HolidayNotice>().Where(n => n.JurisdictionId == nation.Id).ToDictionaryAsync(n => n.Year, ct);
        var loaded = new List<int>();
        foreach (var s in shipped)
        {
            var year = s.Notice.Year;
            if (stored.TryGetValue(year, out var current) && current.DataVersion > 0)
            {
                if (s.Version < current.DataVersion)
                {
                    errors.Add(new PackError(Origin, $"{s.File}: 版本", $"版本 {s.Version} 低于已加载的版本 {current.DataVersion} (older than the loaded version)"));
                    continue;
                }
                if (s.Version == current.DataVersion)
                {
                    if (s.Hash != current.ContentHash)
                        errors.Add(new PackError(Origin, $"{s.File}: 版本", $"内容已修改但版本仍为 {s.Version}，请提高版本号 (content changed: raise the version)"));
                    continue;
                }
                if (s.Hash == current.ContentHash)
                {
                    current.DataVersion = s.Version;
                    continue;
                }
            }
            var notice = current ?? db.Set<HolidayNotice>().Add(new HolidayNotice { JurisdictionId = nation.Id, Year = year }).Entity;
            (notice.Title, notice.DocumentNumber, notice.IssuedOn, notice.Source) = (s.Notice.Title, s.Notice.DocumentNumber, s.Notice.IssuedOn, s.Source);
            (notice.DataVersion, notice.ContentHash) = (s.Version, s.Hash);
            await ReplaceDaysAsync(db, nation.Id, s.Notice, ct);
            loaded.Add(year);
        }
        if (errors.Count > 0) throw new PackLoadException(errors);
        if (db.ChangeTracker.HasChanges()) await CalendarChange.SaveAsync(db, loaded.Count > 0 ? dependents : [], [nation.JurisdictionPath], ct);
        return loaded;
    }

    /// <summary>The place's days of the notice's year become the notice's: a day it names is set, a day it does not is removed.</summary>
    internal static async Task ReplaceDaysAsync(AppDbContext db, Guid place, HolidayArrangement text, CancellationToken ct)
    {
        var days = text.Days.ToDictionary(d => d.Date);
        var (first, last) = (new DateOnly(text.Year, 1, 1), new DateOnly(text.Year, 12, 31));
        var dates = days.Keys.ToList();
        var existing = await db.Set<HolidayEntry>()
            .Where(h => h.JurisdictionId == place && ((h.Date >= first && h.Date <= last) || dates.Contains(h.Date))).ToListAsync(ct);
        foreach (var entry in existing.Where(e => !days.ContainsKey(e.Date))) db.Remove(entry);
        var byDate = existing.ToDictionary(e => e.Date);
        foreach (var (date, (_, working, name)) in days)
        {
            if (!byDate.TryGetValue(date, out var entry))
                entry = db.Set<HolidayEntry>().Add(new HolidayEntry { JurisdictionId = place, Date = date }).Entity;
            (entry.IsWorkingDay, entry.Name) = (working, working ? $"{name}调休上班" : name);
        }
    }

    private static Shipped? Read(string path, List<PackError> errors)
    {
        var file = $"holidays/{Path.GetFileName(path)}";
        var content = File.ReadAllText(path, Encoding.UTF8);
        var (header, body) = HolidayNoticeText.SplitFile(content);
        var before = errors.Count;
        if (!header.TryGetValue("版本", out var v) || !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            errors.Add(new PackError(Origin, $"{file}: 版本", "须在“---”之前写明“版本：1”等正整数 (a positive version is required before ---)"));
        else if (!int.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var named))
            errors.Add(new PackError(Origin, file, "文件名应为年度，如 2026.txt (the file is named after its year)"));
        else
        {
            var (notice, problems) = HolidayNoticeText.Parse(body, named);
            errors.AddRange(problems.Select(p => new PackError(Origin, $"{file}: {p.Where}", p.Message)));
            if (notice?.DocumentNumber is null && problems.Count == 0)
                errors.Add(new PackError(Origin, file, "未找到国办发明电文号 (the notice's document number is missing)"));
            if (notice?.IssuedOn is null && problems.Count == 0)
                errors.Add(new PackError(Origin, file, "未找到落款日期 (the date the notice was signed is missing)"));
            if (errors.Count == before && notice is not null)
            {
                return new Shipped(file, version, Hash(content), header.GetValueOrDefault("来源"), notice);
            }
        }
        return null;
    }

    /// <summary>The file's content without its version line: a new version of the same text is not a change.</summary>
    private static string Hash(string content)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => !l.TrimStart().StartsWith("版本", StringComparison.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }
}
