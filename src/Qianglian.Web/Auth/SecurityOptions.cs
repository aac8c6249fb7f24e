using Qianglian.Core.Security;

namespace Qianglian.Web.Auth;

/// <summary>
/// The sign-in and session limits, from configuration section <c>Security</c>. GB/T 22239-2019 names none of these
/// figures; each default is a labelled platform default (docs/security.md) an operator may change.
/// </summary>
public sealed record SecurityOptions
{
    /// <summary>Platform default: a cookie or page idle this long signs out (8.1.4.1 b 登录连接超时自动退出).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Platform default: 90 days; 0 turns expiry off (8.1.4.1 a 定期更换).</summary>
    public int PasswordMaxAgeDays { get; init; } = PasswordExpiry.PlatformDefaultDays;

    /// <summary>Platform default: a new password may not be any of the last 5 used.</summary>
    public int PasswordHistory { get; init; } = 5;

    /// <summary>How long a session's security stamp is trusted before it is read again (at most one minute).</summary>
    public TimeSpan StampCheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    public static SecurityOptions From(IConfiguration config)
    {
        var section = config.GetSection("Security");
        var defaults = new SecurityOptions();
        return new SecurityOptions
        {
            IdleTimeout = section.GetValue<int?>("IdleTimeoutMinutes") is { } idle and > 0 ? TimeSpan.FromMinutes(idle) : defaults.IdleTimeout,
            PasswordMaxAgeDays = section.GetValue<int?>("PasswordMaxAgeDays") is { } age and >= 0 ? age : defaults.PasswordMaxAgeDays,
            PasswordHistory = section.GetValue<int?>("PasswordHistory") is { } history and >= 0 ? history : defaults.PasswordHistory,
            // Never longer than a minute: revocation must take effect within one (issue 15, item 1).
            StampCheckInterval = section.GetValue<int?>("StampCheckSeconds") is { } seconds and >= 0 and <= 60
                ? TimeSpan.FromSeconds(seconds) : defaults.StampCheckInterval,
        };
    }
}
