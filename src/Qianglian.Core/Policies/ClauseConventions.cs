namespace Qianglian.Core.Policies;

/// <summary>
/// What a document declares once in a clause and applies to the clauses after it ("下同"): the comma rule
/// (西区 一 "（逗号前为牵头单位，下同）") and the units a catch-all name includes (安康 一 "各县（市、区）政府（含安康高新区、
/// 恒口示范区管委会，下同，不再列出）"). Read in document order, so a declaration covers only the clauses after it.
/// </summary>
internal sealed class ClauseConventions
{
    /// <summary>Units before the full-width comma lead, those after it cooperate (西区 一, 攀枝花 一).</summary>
    public bool LeadBeforeComma { get; set; }

    private readonly Dictionary<string, IReadOnlyList<string>> inclusions = new(StringComparer.Ordinal);

    /// <summary>A name's "（含A、B，下同）" carried to its later mentions: 安康 三…十 write "各县（市、区）政府" alone.</summary>
    public void Include(string name, IReadOnlyList<string> included) => inclusions[name] = included;

    public IReadOnlyList<string> IncludedIn(string name) => inclusions.TryGetValue(name, out var included) ? included : [];
}
