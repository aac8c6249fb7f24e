namespace Qianglian.Core.Security;

/// <summary>
/// 三员分立: GB/T 22239-2019 8.1.4.2 c) asks that administrative users be given only the least privilege they need and
/// that their privileges be separated (应授予管理用户所需的最小权限，实现管理用户的权限分离); 8.1.5.2/8.1.5.3 name the
/// system administrator, the audit administrator and the security administrator (系统管理员、审计管理员、安全管理员).
/// One account may hold at most one of the three administrative duties, so that no one person both acts and
/// reviews the record of their own actions.
/// </summary>
public static class SeparationOfDuties
{
    /// <summary>The administrative duties among <paramref name="roles"/>, when the account would hold more than one; empty when the assignment is allowed.</summary>
    /// <param name="roles">The roles the account would hold.</param>
    /// <param name="duties">The roles that are administrative duties (each names one of the three administrators).</param>
    public static IReadOnlyList<string> Clash(IEnumerable<string> roles, IReadOnlyCollection<string> duties)
    {
        var held = roles.Distinct(StringComparer.Ordinal).Where(duties.Contains).ToList();
        return held.Count > 1 ? held : [];
    }
}
