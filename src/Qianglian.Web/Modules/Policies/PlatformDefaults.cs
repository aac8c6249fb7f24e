using System.Collections.Concurrent;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Policies.Packs;

namespace Qianglian.Web.Modules.Policies;

/// <summary>
/// The platform default behind a number a page or an answer shows (issue 14 item 8: "every number not in a seed is
/// labelled a platform default in the pack and on screen"). Packs are loaded from the pack folders at start-up and a
/// loaded version never changes, so the label is read once per pack from the same files (<see cref="PackNumberReader"/>)
/// and found by the section's path, or the nearest section above it that is labelled: <c>assessment</c>,
/// <c>targets[dazhou.chain_meetings_quarterly]</c>, <c>measures[ankang.sme_equipment].checklistLabel</c>.
/// </summary>
public sealed class PlatformDefaults
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<PackFileDefault>> byPack = new(StringComparer.Ordinal);

    /// <summary>The stated basis when the section is a platform default ("" when the pack gives none); null when a seed sets it.</summary>
    public string? BasisOf(string? packCode, string file, string path)
    {
        if (string.IsNullOrEmpty(packCode) || packCode.IndexOfAny(['/', '\\', '.']) >= 0) return null;
        var labelled = byPack.GetOrAdd(packCode, code => PackNumberReader.Defaults(Path.Combine(RepositoryPaths.Packs, code)))
            .Where(d => d.File == file && Covers(d.Path, path))
            .MaxBy(d => d.Path.Length);
        return labelled is null ? null : labelled.Basis ?? "";
    }

    /// <summary>
    /// The basis of a stored model revision loaded from a pack file (its origin "packs/dazhou/evaluation.yaml v1"), found by
    /// the list it sits in and its code and year (<c>indices[chain-index@2024]</c>). A revision saved on screen has no
    /// pack origin: the office's own numbers, so no label — as a measure edited on screen loses its pack.
    /// </summary>
    public string? BasisOfModel(bool fromPack, string origin, string list, string code, int year)
    {
        if (!fromPack) return null;
        var parts = origin.Split(' ')[0].Split('/');
        if (parts is not ["packs", var pack, var file]) return null;
        return BasisOf(pack, file, $"{list}[{code}@{year}]");
    }

    private static bool Covers(string section, string path) =>
        path == section || path.StartsWith(section + ".", StringComparison.Ordinal) || path.StartsWith(section + "[", StringComparison.Ordinal);
}
