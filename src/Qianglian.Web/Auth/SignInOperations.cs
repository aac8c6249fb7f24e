using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Qianglian.Web.Api;

namespace Qianglian.Web.Auth;

/// <summary>Signing in (cookie for the UI, bearer token for the API) and changing one's password.</summary>
public sealed class SignInOperations(SignInManager<AppUser> signIn, UserManager<AppUser> users)
{
    public sealed record TokenRequest(string UserName, string Password);
    /// <summary>Needs no token: an account with a one-time password gets no token until it has changed it.</summary>
    public sealed record PasswordChange(string UserName, string CurrentPassword, string NewPassword);

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

    /// <summary>The API form: the current password proves who is asking (failures count towards the lockout).</summary>
    public async Task ChangePassword(PasswordChange request)
    {
        var (outcome, user) = await Check(request.UserName, request.CurrentPassword);
        if (outcome == Outcome.LockedOut) throw new ForbiddenException("账号已锁定15分钟 (account locked for 15 minutes)");
        if (user is null || outcome == Outcome.Failed)
            throw new ValidationException("currentPassword", "用户名或当前密码错误 (wrong user name or current password)");
        await ChangePassword(user, request.CurrentPassword, request.NewPassword);
    }

    /// <summary>The signed-in form (the UI): changes the password of the principal's account.</summary>
    public async Task ChangePassword(ClaimsPrincipal principal, string currentPassword, string newPassword)
    {
        var user = await users.GetUserAsync(principal) ?? throw new ForbiddenException("未登录 (not signed in)");
        await ChangePassword(user, currentPassword, newPassword);
    }

    /// <summary>Changes the password and clears the one-time-password flag.</summary>
    private async Task ChangePassword(AppUser user, string currentPassword, string newPassword)
    {
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
