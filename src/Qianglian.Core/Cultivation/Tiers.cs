namespace Qianglian.Core.Cultivation;

/// <summary>The three-tier ledger of chain-leader cultivation (达州 二（一）): best first.</summary>
public enum Tier { Demonstration = 1, Cultivation = 2, Candidate = 3 }   // 示范库 / 培育库 / 候选库

/// <summary>What a yearly review proposes for one enterprise of a chain.</summary>
public enum ProposalKind
{
    None = 0,      // not in a tier and does not qualify, or could not be evaluated
    Admit = 1,     // 入库
    Promote = 2,   // 升级
    Keep = 3,      // 保持
    Demote = 4,    // 降级
    Exit = 5,      // 退出（未达标）
}

public static class TierReview
{
    /// <summary>The tier of a class key of the chain-leader model (demonstration / cultivation / candidate), or null.</summary>
    public static Tier? FromClassKey(string key) => key switch
    {
        "demonstration" => Tier.Demonstration,
        "cultivation" => Tier.Cultivation,
        "candidate" => Tier.Candidate,
        _ => null,
    };

    /// <summary>
    /// The proposal from the tier held and the tier the score reaches: higher → promote, same → keep, lower → demote,
    /// none reached while holding one → exit (达州: 对未达标企业启动退出程序); reaching one while holding none → admit.
    /// A subject that could not be evaluated keeps what it holds (<see cref="ProposalKind.None"/>).
    /// </summary>
    public static ProposalKind Propose(Tier? held, Tier? reached, bool evaluated = true) =>
        !evaluated ? ProposalKind.None
        : (held, reached) switch
        {
            (null, null) => ProposalKind.None,
            (null, _) => ProposalKind.Admit,
            (_, null) => ProposalKind.Exit,
            var (h, r) when r < h => ProposalKind.Promote,
            var (h, r) when r == h => ProposalKind.Keep,
            _ => ProposalKind.Demote,
        };

    /// <summary>The tier held after a confirmed proposal.</summary>
    public static Tier? After(Tier? held, Tier? reached, ProposalKind kind) => kind switch
    {
        ProposalKind.Admit or ProposalKind.Promote or ProposalKind.Demote => reached,
        ProposalKind.Exit => null,
        _ => held,
    };
}
