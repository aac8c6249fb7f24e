namespace Qianglian.Core.Security;

/// <summary>
/// Whether a password must be changed because of its age. GB/T 22239-2019 8.1.4.1 a) asks that authentication
/// information be "定期更换" (changed periodically) without naming a period: the 90 days are a labelled platform
/// default (configuration Security:PasswordMaxAgeDays; 0 turns expiry off).
/// </summary>
public static class PasswordExpiry
{
    public const int PlatformDefaultDays = 90;

    /// <param name="setAt">When the current password was set; null when unknown (an account older than the history), never expired.</param>
    public static bool IsExpired(DateTimeOffset? setAt, DateTimeOffset now, int maxAgeDays) =>
        maxAgeDays > 0 && setAt is { } at && now - at > TimeSpan.FromDays(maxAgeDays);
}
