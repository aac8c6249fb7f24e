using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Qianglian.Web.Auth;

/// <summary>
/// Identity's authenticator token provider (the key Identity keeps with <c>GetAuthenticatorKeyAsync</c>), with one
/// addition: a code is accepted once. RFC 6238 §5.2 — "the verifier MUST NOT accept the second attempt of the same OTP
/// after the successful validation has been issued for the first OTP" — so the last accepted time step is kept with the
/// account, and a code of that step or an earlier one is refused. Codes of the previous and the next 30-second step are
/// accepted besides the current one (RFC 6238 §5.2: one step of allowed network delay; here both ways for clock drift).
/// </summary>
public sealed class TwoFactorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    /// <summary>Identity's user store keeps its own tokens (authenticator key, recovery codes) under this provider name.</summary>
    public const string StoreProvider = "[AspNetUserStore]";
    public const string AuthenticatorKeyName = "AuthenticatorKey";
    public const string RecoveryCodesName = "RecoveryCodes";
    /// <summary>The time step of the last accepted code.</summary>
    public const string LastStepName = "AuthenticatorLastStep";

    /// <summary>
    /// The published key of the demo's administrators (demo mode only), so that a demo can be signed into with any
    /// authenticator app or the code printed at start. Base32, 20 bytes, like the keys Identity generates.
    /// </summary>
    public const string DemoKey = "QIANGLIANDEMOKEYQIANGLIANDEMOKEY";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The authenticator app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = Normalise(token);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key.ToUpperInvariant()));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
            return false;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, StoreProvider, LastStepName), CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        if (step <= last) return false;
        // Saving the step goes through the account's concurrency stamp: of two requests with one code, one wins.
        return (await manager.SetAuthenticationTokenAsync(user, StoreProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }

    /// <summary>Codes are often typed with a space or a dash in the middle ("123 456").</summary>
    public static string Normalise(string? code) => (code ?? "").Replace(" ", "").Replace("-", "").Trim();
}
