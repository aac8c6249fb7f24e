using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Qianglian.Core.Security;
using Qianglian.Web.Api;

namespace Qianglian.Web.Auth;

/// <summary>Signing in (cookie for the UI, bearer token for the API) and changing one's password.</summary>
public sealed class SignInOperations(SignInManager<AppUser> signIn, UserManager<AppUser> users, AccountRecords records,
    SecurityOptions security, TimeProvider clock, IHttpContextAccessor http, SecondFactor secondFactor)
{
    /// <summary>
    /// A hash of a random password, made once: an unknown user name is checked against it, so that it costs the same
    /// hashing as a known one and the answer's timing does not tell which names exist (8.1.4.1 a 身份鉴别).
    /// </summary>
    private static string? dummyHash;

    /// <param name="Code">The second factor of the three administrators: a code of their authenticator app, or a recovery code.</param>
    public sealed record TokenRequest(string UserName, string Password, string? Code = null);
    /// <summary>Needs no token: an account with a one-time password gets no token until it has changed it.</summary>
    /// <param name="Code">The three administrators' second factor, as for a token.</param>
    public sealed record PasswordChange(string UserName, string CurrentPassword, string NewPassword, string? Code = null);

    /// <summary><see cref="SecondFactor"/>: the password was right, the account's second factor is asked next.</summary>
    public enum Outcome { Success, MustChangePassword, Failed, SecondFactor, CodeMissing, CodeWrong, NotEnrolled }

    /// <summary>
    /// Checks the password (counting failures towards the 15-minute lockout) and signs in with a cookie — or, for the
    /// three administrators, holds the account for its second factor (<see cref="CompleteSecondFactor"/>).
    /// </summary>
    public async Task<Outcome> SignInWithCookie(string userName, string password)
    {
        var (outcome, user) = await Check(userName, password, "cookie", code: null, codeLater: true);
        if (user is not null && outcome == Outcome.SecondFactor)
            await secondFactor.BeginAsync(user);
        if (user is not null && outcome is Outcome.Success or Outcome.MustChangePassword)
            await signIn.SignInAsync(user, isPersistent: false);
        return outcome;
    }

    /// <summary>
    /// The second step of a cookie sign-in: the awaited account's code (enrolled), or its first code (enrolling: the
    /// recovery codes made are returned, to be shown once). Success signs in with the cookie.
    /// </summary>
    public async Task<(Outcome Outcome, IReadOnlyList<string> RecoveryCodes)> CompleteSecondFactor(string? code)
    {
        if (await secondFactor.PendingAsync() is not { } user) return (Outcome.Failed, []);
        IReadOnlyList<string> recovery = [];
        if (await secondFactor.IsEnrolledAsync(user))
        {
            var check = await secondFactor.VerifyAsync(user, code);
            if (check != SecondFactor.Check.Accepted)
            {
                await Record(user, check == SecondFactor.Check.Missing ? SignInResult.CodeRequired : SignInResult.WrongCode, "cookie");
                return (Outcome.CodeWrong, []);
            }
        }
        else if (await secondFactor.EnrolAsync(user, code) is { } made)
            recovery = made;
        else
        {
            await Record(user, SignInResult.WrongCode, "cookie");
            return (Outcome.CodeWrong, []);
        }
        await secondFactor.EndPendingAsync();
        var (outcome, _) = await Finish(user, "cookie");
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
        return (outcome, recovery);
    }

    public async Task<IResult> IssueToken(TokenRequest request)
    {
        var (outcome, user) = await Check(request.UserName, request.Password, "token", request.Code, codeLater: false);
        return outcome switch
        {
            Outcome.Success => TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user!), authenticationScheme: IdentityConstants.BearerScheme),
            Outcome.MustChangePassword => Problem(403, "须先修改密码（初始密码或密码已过期） (change the one-time or expired password first)"),
            Outcome.CodeMissing => CodeProblem(401, "此账号须提供身份验证器的动态码或一个恢复码 (this account needs a code of its authenticator app or a recovery code)"),
            Outcome.CodeWrong => CodeProblem(401, "动态码错误或已使用；连续5次错误将锁定账号15分钟 (wrong or already used code; 5 failures lock the account for 15 minutes)"),
            Outcome.NotEnrolled => CodeProblem(403, "须先在登录页面绑定身份验证器 (enrol an authenticator app at the sign-in page first)"),
            // A locked account answers exactly like a wrong password: the answer must not tell which accounts exist.
            _ => Problem(401, WrongPassword),
        };
    }

    /// <summary>The API form: the current password proves who is asking (failures count towards the lockout).</summary>
    public async Task ChangePassword(PasswordChange request)
    {
        var (outcome, user) = await Check(request.UserName, request.CurrentPassword, "token", request.Code, codeLater: false);
        if (user is null || outcome == Outcome.Failed)
            throw new ValidationException("currentPassword", "用户名或当前密码错误 (wrong user name or current password)");
        // An administrator not yet enrolled has no code to give (the first administrator's one-time password is
        // changed this way); an enrolled one must give it, so that a stolen password cannot take the account.
        if (outcome is Outcome.CodeMissing or Outcome.CodeWrong)
            throw new ValidationException("code", "此账号须提供正确的身份验证器动态码或恢复码（未绑定的须先在登录页面绑定） (this account needs a right code of its authenticator app or a recovery code; enrol at the sign-in page first)");
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

    public const string WrongPassword = "用户名或密码错误；连续5次错误将锁定账号15分钟 (wrong user name or password; 5 failures lock the account for 15 minutes)";

    /// <summary>
    /// One path for every answer: an unknown name, a locked account and a wrong password all hash the password once
    /// and answer "failed". Attempts on existing accounts are recorded (time, address, result).
    /// </summary>
    private async Task<(Outcome, AppUser?)> Check(string userName, string password, string channel, string? code, bool codeLater)
    {
        password ??= "";
        var user = await users.FindByNameAsync((userName ?? "").Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), Guid.NewGuid().ToString()), password);
            return (Outcome.Failed, null);
        }
        if (await users.IsLockedOutAsync(user))
        {
            // CheckPasswordSignInAsync would answer at once without hashing; hash anyway so the timing matches.
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? dummyHash ?? "", password);
            await Record(user, SignInResult.LockedOut, channel);
            return (Outcome.Failed, user);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await Record(user, result.IsLockedOut ? SignInResult.LockedOut : SignInResult.WrongPassword, channel);
            return (Outcome.Failed, user);
        }
        // The second factor comes before anything else the password opens, the change of an expired password included.
        if (await secondFactor.IsRequiredAsync(user))
        {
            if (codeLater) return (Outcome.SecondFactor, user);
            var check = await secondFactor.VerifyAsync(user, code);
            if (check != SecondFactor.Check.Accepted)
            {
                await Record(user, check == SecondFactor.Check.Wrong ? SignInResult.WrongCode : SignInResult.CodeRequired, channel);
                return (check switch { SecondFactor.Check.Missing => Outcome.CodeMissing, SecondFactor.Check.NotEnrolled => Outcome.NotEnrolled, _ => Outcome.CodeWrong }, user);
            }
        }
        return await Finish(user, channel);
    }

    /// <summary>After every factor: an expired password turns into "must change"; the sign-in is recorded.</summary>
    private async Task<(Outcome, AppUser?)> Finish(AppUser user, string channel)
    {
        if (!user.MustChangePassword && PasswordExpiry.IsExpired(await PasswordSetAt(user), clock.GetUtcNow(), security.PasswordMaxAgeDays))
        {
            // An expired password is treated like a one-time one: the user may do nothing but choose a new one.
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
            await Record(user, SignInResult.PasswordExpired, channel);
            return (Outcome.MustChangePassword, user);
        }
        await Record(user, user.MustChangePassword ? SignInResult.MustChangePassword : SignInResult.Succeeded, channel);
        return (user.MustChangePassword ? Outcome.MustChangePassword : Outcome.Success, user);
    }

    private async Task<DateTimeOffset?> PasswordSetAt(AppUser user) =>
        (await records.LastPasswordsAsync(user.Id, 1)).FirstOrDefault() is { } last && last.PasswordHash == user.PasswordHash ? last.SetAt : null;

    private Task Record(AppUser user, SignInResult result, string channel) =>
        records.AddSignInAsync(user, result, http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "", channel);

    private static IResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);

    /// <summary>A problem naming the <c>code</c> field, like every refused field of the API.</summary>
    private static IResult CodeProblem(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?>
        {
            ["field"] = "code", ["errors"] = new Dictionary<string, string[]> { ["code"] = [detail] },
        });
}
