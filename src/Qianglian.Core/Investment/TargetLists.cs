using Qianglian.Core.Chains;

namespace Qianglian.Core.Investment;

/// <summary>延链 (extend the chain downstream or into new products) / 补链 (fill a missing or short node).</summary>
public enum TargetPurpose { Extend = 1, Fill = 2 }

/// <summary>Where a target came from: 缺口分析, 链主供应商名单, 以商招商, 产业链招商.</summary>
public enum TargetSource { GapAnalysis = 1, LeaderSuppliers = 2, ByBusiness = 3, ChainAttraction = 4 }

public enum TargetPriority { High = 1, Medium = 2, Low = 3 }

/// <summary>A pushed target at the receiving locality: awaiting an answer, accepted (it works the target), or returned with a reason.</summary>
public enum PushStatus { Pending = 1, Accepted = 2, Returned = 3 }

/// <summary>A gap node as the suggestion rule sees it: its verdict and whether it is downstream.</summary>
public sealed record GapNodeFacts(Guid NodeId, string Name, GapKind Gap, bool Downstream, string Reason);

/// <summary>A suggested entry of the target list: a node to find a target enterprise for, with purpose, priority and why.</summary>
public sealed record TargetSuggestion(Guid NodeId, string NodeName, TargetPurpose Purpose, TargetPriority Priority, TargetSource Source, string Reason,
    string? EnterpriseName = null);

/// <summary>
/// The target list (招商目标企业清单, 达州 （三）: 建立招引目标企业（项目）清单，推送给主要承载地和协同发展地): what the
/// gap list suggests, and the rules of pushing an entry to the chain's localities and of their answer.
/// </summary>
public static class TargetLists
{
    /// <summary>
    /// One suggestion per gap node that has no open entry yet: a missing downstream node is extended to (延链), any
    /// other gap is filled (补链); missing nodes come first, then short, then weak ones.
    /// </summary>
    public static IReadOnlyList<TargetSuggestion> FromGaps(IReadOnlyList<GapNodeFacts> gaps, IReadOnlySet<Guid> nodesOnList) =>
        gaps.Where(g => g.Gap != GapKind.None && !nodesOnList.Contains(g.NodeId))
            .OrderByDescending(g => g.Gap).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => new TargetSuggestion(g.NodeId, g.Name,
                g.Downstream && g.Gap == GapKind.Missing ? TargetPurpose.Extend : TargetPurpose.Fill,
                g.Gap switch { GapKind.Missing => TargetPriority.High, GapKind.Short => TargetPriority.Medium, _ => TargetPriority.Low },
                TargetSource.GapAnalysis, g.Reason))
            .ToList();

    /// <summary>A target is pushed only to the chain's host or collaborating localities (主要承载地、协同发展地).</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckPush(IReadOnlyCollection<Guid> chainLocalities, IReadOnlyCollection<Guid> to, string? localityName = null)
    {
        if (to.Count == 0) return [("localityIds", "请选择推送的承载地或协同发展地 (choose at least one locality)")];
        if (chainLocalities.Count == 0)
            return [("localityIds", "该产业链尚未设定主要承载地或协同发展地，请先在工作机制中设定 (the chain has no host or collaborating localities)")];
        var outside = to.Where(l => !chainLocalities.Contains(l)).ToList();
        return outside.Count == 0 ? []
            : [("localityIds", $"{localityName ?? "所选辖区"}不是该产业链的主要承载地或协同发展地，不能推送 (not a host or collaborating locality of the chain)")];
    }

    /// <summary>A locality answers a pending push once: accept it, or return it with a reason.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckAnswer(PushStatus current, PushStatus answer, string? reason)
    {
        if (answer == PushStatus.Pending) return [("status", "答复须为接收或退回 (answer accept or return)")];
        if (current != PushStatus.Pending) return [("status", $"该推送已{Name(current)}，不能重复答复 (already answered)")];
        if (answer == PushStatus.Returned && string.IsNullOrWhiteSpace(reason))
            return [("reason", "退回须说明理由 (a return needs its reason)")];
        return [];
    }

    public static string Name(PushStatus s) => s switch { PushStatus.Pending => "待接收", PushStatus.Accepted => "接收", _ => "退回" };

    public static string Name(TargetPurpose p) => p == TargetPurpose.Extend ? "延链" : "补链";

    public static string Name(TargetSource s) => s switch
    {
        TargetSource.GapAnalysis => "缺口分析", TargetSource.LeaderSuppliers => "链主供应商名单", TargetSource.ByBusiness => "以商招商", _ => "产业链招商",
    };

    public static string Name(TargetPriority p) => p switch { TargetPriority.High => "高", TargetPriority.Medium => "中", _ => "低" };
}
