using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Policies;

/// <summary>
/// A loaded policy pack: which version of <c>packs/&lt;code&gt;/</c> is in the database, and the declared counts a
/// seed gives without names ("3个生态圈和9条重点产业链"), so the UI can show "declared 9, named 0".
/// </summary>
public sealed class PolicyPack : ScopedEntity, IInheritedConfiguration
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int PackVersion { get; set; }
    /// <summary>SHA-256 over the pack's files: same version and hash → loading is a no-op.</summary>
    public string ContentHash { get; set; } = "";
    public DateTimeOffset LoadedAt { get; set; }

    /// <summary>Key of the unit that acts as the coordination office (融圈强链办) or receives applications.</summary>
    public string? CoordinationOffice { get; set; }

    public int? DeclaredEcosystemCount { get; set; }
    public int? DeclaredChainCount { get; set; }

    /// <summary>The working kit (五个一 / 六个一 / 八个一): its name, declared item count and the items named.</summary>
    public string? WorkingKitName { get; set; }
    public int? WorkingKitDeclaredCount { get; set; }
    public List<string> WorkingKitItems { get; set; } = [];
    public string? WorkingKitSource { get; set; }
}
