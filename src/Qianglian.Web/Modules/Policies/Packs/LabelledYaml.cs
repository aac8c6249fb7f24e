namespace Qianglian.Web.Modules.Policies.Packs;

/// <summary>
/// A pack section's provenance marker (docs/packs.md, "Numbers: cited or platform default"): <c>default: true</c> with
/// its <c>basis</c> when no seed sets the section's numbers, <c>reading</c> when a number is how the quoted words count
/// (每季度 → 每年4次),
/// <c>standard</c> when the section transcribes a published national standard. Read by <see cref="PackNumberReader"/> and shown on the packs page; the loaders accept the keys.
/// </summary>
public abstract class LabelledYaml
{
    public bool Default { get; set; }
    public string? Basis { get; set; }
    public string? Reading { get; set; }
    /// <summary>The published national standard the section transcribes (not a seed, not a platform default).</summary>
    public string? Standard { get; set; }
}

/// <summary>
/// A label for a sibling that is not itself a map: <c>checklistLabel</c> (安康's checklists, which the document does not
/// prescribe) and <c>groupLabel</c> (西区 六/七 read as one 取高不重复 group under 攀枝花's closing clause).
/// </summary>
public sealed class PackLabel : LabelledYaml;
