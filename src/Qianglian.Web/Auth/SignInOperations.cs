using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Qianglian.Web.Api;

namespace Qianglian.Web.Auth;

/// <summary>Signing in (cookie for the UI, bearer token for the API) and changing one's password.</summary>
public sealed class SignInOperations(SignInManager<AppUser> signIn, UserManager<AppUser> users, CurrentUser current)
{
    public sealed record TokenRequest(string UserName, string Password);
    public sealed record PasswordChange(string CurrentPassword, string NewPassword);

    public enum Outcome { Success, MustChangePassword, LockedOut, Failed }

    /// <summary>Checks the password (counting failures towards the 15-minute lockout) and signs in with a cookie.</summary>
    public async Task<Outcome> SignInWithCookie(string userName, string password)
    {
        var (outcome, user) = await Check(userName, password);
        if (user is not null && outcome is Outcome.Success or Outcome.MustChangePassword)
            await signIn.SignInAsync(user, isPersistent: false);
        return outcome;
    }

    public async Task<IResult> IssueToken(TokenRequest request)
    {
        var (outcome, user) = await Check(request.UserName, request.Password);
        return outcome switch
        {
            Outcome.Success => TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user!), authenticationScheme: IdentityConstants.BearerScheme),
            Outcome.MustChangePassword => Problem(403, "须先修改初始密码 (change the one-time password first)"),
            Outcome.LockedOut => Problem(423, "账号已锁定15分钟 (account locked for 15 minutes)"),
            _ => Problem(401, "用户名或密码错误 (wrong user name or password)"),
        };
    }

    public async Task ChangePassword(PasswordChange request) =>
        await ChangePassword(current.Principal, request.CurrentPassword, request.NewPassword);

    /// <summary>Changes the signed-in user's password and clears the one-time-password flag.</summary>
    public async Task ChangePassword(ClaimsPrincipal principal, string currentPassword, string newPassword)
    {
        var user = await users.GetUserAsync(principal) ?? throw new ForbiddenException("未登录 (not signed in)");
        var result = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword ?? "");
        if (!result.Succeeded)
            throw new ValidationException(
                result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "currentPassword" : "newPassword",
                string.Join("；", result.Errors.Select(e => e.Description)));
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
    }

    private async Task<(Outcome, AppUser?)> Check(string userName, string password)
    {
        var user = await users.FindByNameAsync((userName ?? "").Trim());
        if (user is null) return (Outcome.Failed, null);
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (result.IsLockedOut) return (Outcome.LockedOut, user);
        if (!result.Succeeded) return (Outcome.Failed, user);
        return (user.MustChangePassword ? Outcome.MustChangePassword : Outcome.Success, user);
    }

    private static IResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);
}
