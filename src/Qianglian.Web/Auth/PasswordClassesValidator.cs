using Microsoft.AspNetCore.Identity;

namespace Qianglian.Web.Auth;

/// <summary>Passwords need at least three of the four character classes (lower, upper, digit, symbol).</summary>
public sealed class PasswordClassesValidator : IPasswordValidator<AppUser>
{
    public const int MinimumClasses = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var classes = new[]
        {
            password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit),
            password.Any(c => !char.IsLetterOrDigit(c)),
        }.Count(x => x);
        return Task.FromResult(classes >= MinimumClasses
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordClasses",
                Description = "密码须包含大写字母、小写字母、数字、符号中的至少三类 (use at least three of: lower case, upper case, digits, symbols)",
            }));
    }
}
