using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Qianglian.Web.Auth;

namespace Qianglian.Web.Tests.Hosting;

/// <summary>
/// The second factor of the demo's administrators (enrolled with the published demo key), as an authenticator app
/// would compute it at the host's clock. Sign-in helpers send it for every account: the host ignores it for accounts
/// that need none. Each code is accepted once, so before computing one the account's last accepted step is forgotten
/// (behind the API's back, like other arranging) — tests sign the same administrator in many times a minute.
/// </summary>
public static class DemoCodes
{
    public static async Task<string> ForAsync(HostFixture host, string userName)
    {
        await using (var db = host.OpenSystem())
            await db.UserTokens
                .Where(t => t.Name == TwoFactorCodes.LastStepName && db.Users.Any(u => u.Id == t.UserId && u.UserName == userName))
                .ExecuteDeleteAsync();
        return Now(host, TwoFactorCodes.DemoKey);
    }

    /// <summary>Enrols the account with the demo key, as the sign-in page would after its first code.</summary>
    public static async Task EnrolAsync(HostFixture host, string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await EnrolAsync(users, (await users.FindByNameAsync(userName))!);
    }

    public static async Task EnrolAsync(UserManager<AppUser> users, AppUser user)
    {
        await users.SetAuthenticationTokenAsync(user, TwoFactorCodes.StoreProvider, TwoFactorCodes.AuthenticatorKeyName, TwoFactorCodes.DemoKey);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    /// <summary>The current code of <paramref name="key"/> (base32, spaces allowed) at the host's clock.</summary>
    public static string Now(HostFixture host, string key, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", ""))).ComputeTotp(
            host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddSeconds(30 * stepsAhead));
}
