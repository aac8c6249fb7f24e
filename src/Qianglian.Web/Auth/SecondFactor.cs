using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Qianglian.Web.Auth;

/// <summary>
/// The second factor of the three administrators (GB/T 22239-2019 8.1.4.1 d: 两种或两种以上组合的鉴别技术, one of them
/// cryptographic): a time-based code from an authenticator app (RFC 6238, the key kept by Identity), or one of ten
/// recovery codes, each usable once. An administrator without an authenticator is sent to enrol at sign-in; wrong
/// codes count towards the same lockout as wrong passwords.
/// </summary>
public sealed class SecondFactor(UserManager<AppUser> users, IHttpContextAccessor http)
{
    public const int RecoveryCodeCount = 10;

    public enum Check { Accepted, Missing, Wrong, NotEnrolled }

    public async Task<bool> IsRequiredAsync(AppUser user) => Roles.NeedSecondFactor(await users.GetRolesAsync(user));

    public async Task<bool> IsEnrolledAsync(AppUser user) =>
        await users.GetTwoFactorEnabledAsync(user) && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));

    /// <summary>
    /// Checks a code of an enrolled account: a 6-digit code against the authenticator, anything longer against the
    /// recovery codes (redeeming the one used). A wrong code counts towards the lockout; an accepted one clears the count.
    /// </summary>
    public async Task<Check> VerifyAsync(AppUser user, string? code)
    {
        if (!await IsEnrolledAsync(user)) return Check.NotEnrolled;
        var typed = TwoFactorCodes.Normalise(code);
        if (typed.Length == 0) return Check.Missing;
        var accepted = typed.Length == 6
            ? await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, typed)
            // Recovery codes are kept as shown ("XXXXX-XXXXX"); only the spaces around are dropped.
            : (await users.RedeemTwoFactorRecoveryCodeAsync(user, code!.Trim().ToUpperInvariant())).Succeeded;
        if (!accepted)
        {
            await users.AccessFailedAsync(user);
            return Check.Wrong;
        }
        await users.ResetAccessFailedCountAsync(user);
        return Check.Accepted;
    }

    /// <summary>What an administrator without an authenticator needs to enrol: the key (made now if there is none) and its QR code.</summary>
    public async Task<Enrolment> EnrolmentAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        // The otpauth URI of Google's Key Uri Format, which every authenticator app reads.
        var uri = $"otpauth://totp/{Uri.EscapeDataString("强链:" + user.UserName)}?secret={key}&issuer={Uri.EscapeDataString("强链")}&digits=6&period=30";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new Enrolment(FormatKey(key), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    public sealed record Enrolment(string Key, string Uri, string QrCodeDataUri);

    /// <summary>
    /// Enrols the account when <paramref name="code"/> is a current code of its key: the authenticator is switched on and
    /// ten recovery codes are made, returned to be shown once (Identity keeps them; each is redeemed on use). Null when
    /// the code is wrong (counted towards the lockout).
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnrolAsync(AppUser user, string? code)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, TwoFactorCodes.Normalise(code)))
        {
            await users.AccessFailedAsync(user);
            return null;
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
    }

    // Between the password and the code, the browser holds only Identity's short-lived two-factor cookie (the account
    // id, 5 minutes), never the sign-in cookie.
    public Task BeginAsync(AppUser user) =>
        http.HttpContext!.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme)));

    /// <summary>The account whose password was right and whose code is awaited, if any (and not locked out).</summary>
    public async Task<AppUser?> PendingAsync()
    {
        var result = await http.HttpContext!.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (result.Principal?.FindFirstValue(ClaimTypes.Name) is not { } id) return null;
        var user = await users.FindByIdAsync(id);
        return user is null || await users.IsLockedOutAsync(user) ? null : user;
    }

    public Task EndPendingAsync() => http.HttpContext!.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);

    /// <summary>"ABCD EFGH …": the key in groups of four, easier to type into an app than one run of 32 letters.</summary>
    private static string FormatKey(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4))));
}
