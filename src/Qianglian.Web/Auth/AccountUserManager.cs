using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Qianglian.Web.Auth;

/// <summary>
/// Identity's user manager with Qianglian's bookkeeping: every password set is kept in the history (for the
/// last-five rule and for expiry), and every save of an account makes <see cref="StampCheck"/> read its stamp again,
/// so a revocation in this process takes effect on the next request.
/// </summary>
public sealed class AccountUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    AccountRecords records, StampCheck stamps)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<IdentityResult> CreateAsync(AppUser user, string password) =>
        await Remember(user, await base.CreateAsync(user, password));

    public override async Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword) =>
        await Remember(user, await base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override async Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword) =>
        await Remember(user, await base.ResetPasswordAsync(user, token, newPassword));

    public override async Task<IdentityResult> AddPasswordAsync(AppUser user, string password) =>
        await Remember(user, await base.AddPasswordAsync(user, password));

    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        stamps.Forget(user.Id);
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(AppUser user)
    {
        var result = await base.DeleteAsync(user);
        stamps.Forget(user.Id);
        return result;
    }

    private async Task<IdentityResult> Remember(AppUser user, IdentityResult result)
    {
        if (result.Succeeded) await records.AddPasswordAsync(user);
        return result;
    }
}
