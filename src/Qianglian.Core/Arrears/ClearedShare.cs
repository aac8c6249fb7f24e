namespace Qianglian.Core.Arrears;

/// <summary>
/// The cleared share (清偿率) of a group of claims — a debtor's or a locality's: repaid over agreed, counting only
/// verified claims (a disputed or unverified claim has no agreed amount yet, so it is counted apart, never as zero).
/// No agreed amount, no share: null, which the screens show as "no data".
/// </summary>
public static class ClearedShare
{
    public sealed record Figures(int Claims, int Verified, int Disputed, int Cleared, int Overdue, decimal Claimed, decimal Agreed, decimal Repaid, decimal? Share);

    public sealed record Claim(ClaimStatus Status, decimal Claimed, decimal? Agreed, decimal Repaid, bool Overdue);

    public static Figures Of(IReadOnlyCollection<Claim> claims)
    {
        var verified = claims.Where(c => c.Agreed is not null).ToList();
        var agreed = verified.Sum(c => c.Agreed!.Value);
        var repaid = verified.Sum(c => c.Repaid);
        return new Figures(claims.Count, verified.Count, claims.Count(c => c.Status == ClaimStatus.Disputed), claims.Count(c => c.Status == ClaimStatus.Cleared),
            claims.Count(c => c.Overdue), claims.Sum(c => c.Claimed), agreed, repaid, agreed > 0 ? Math.Round(repaid / agreed, 4) : null);
    }
}
