using Qianglian.Core.Jurisdictions;

namespace Qianglian.Core.Projects;

/// <summary>
/// The places a project's chain names: 主要承载地 (where the chain is mainly built) and 协同发展地 (which support it).
/// The packs make these the places that share a chain's benefits across county lines (达州 （四）: 主要承载地、协同发展地
/// 跨区域财税、统计等利益共享机制). <see cref="None"/> when the project has no chain, or one the writer cannot see.
/// </summary>
public sealed record ChainLocalities(IReadOnlyCollection<Guid> Hosts, IReadOnlyCollection<Guid> Collaborating)
{
    public static readonly ChainLocalities None = new([], []);

    public bool Names(Guid locality) => Hosts.Contains(locality) || Collaborating.Contains(locality);
}

/// <summary>
/// Where a writer may credit a project's investment and output (分投资、分产值). A share moves statistics into the
/// locality's figures, so a writer may credit only places it answers for or that the chain's own division of work
/// binds to it:
/// <list type="bullet">
/// <item>any locality in its own subtree (a city office splits a project between two of its counties), or</item>
/// <item>a locality the project's chain names as host or collaborating place (a county shares with the county the
/// chain names as its 协同发展地) — the place itself, as named: a park below it is not named.</item>
/// </list>
/// Anything else — a neighbour's county that no chain ties to the project, another city — would let one
/// jurisdiction write figures into another's statistics, and is refused.
/// </summary>
public static class CreditableLocalities
{
    /// <param name="locality">The locality a share credits.</param>
    /// <param name="localityPath">Its path when the writer can see it (null when it lies outside the writer's view).</param>
    /// <param name="writerScope">The path of the subtree the writer works in.</param>
    /// <param name="chain">The places the project's chain names.</param>
    public static bool MayCredit(Guid locality, string? localityPath, string writerScope, ChainLocalities chain) =>
        (localityPath is not null && JurisdictionPath.IsWithin(localityPath, writerScope)) || chain.Names(locality);

    /// <summary>The localities of <paramref name="shares"/> the writer may not credit, in their order.</summary>
    /// <param name="visiblePaths">The paths of the localities the writer can see, by id.</param>
    public static IReadOnlyList<Guid> Refused(IEnumerable<Guid> shares, IReadOnlyDictionary<Guid, string> visiblePaths, string writerScope, ChainLocalities chain) =>
        shares.Distinct().Where(l => !MayCredit(l, visiblePaths.GetValueOrDefault(l), writerScope, chain)).ToList();
}
