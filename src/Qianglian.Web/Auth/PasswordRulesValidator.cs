using Microsoft.AspNetCore.Identity;
using Qianglian.Core.Security;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Auth;

/// <summary>
/// Refuses a password on the blocklist (<see cref="PasswordBlocklist"/>: common passwords, the published demo
/// password outside demo mode, one containing the user name) or among the last
/// <see cref="SecurityOptions.PasswordHistory"/> the account used (GB/T 22239-2019 8.1.4.1 a 口令复杂度).
/// </summary>
public sealed class PasswordRulesValidator(AccountRecords records, SecurityOptions security, DemoMode demo) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        string[] published = demo.IsOn ? [] : [DemoData.Password];
        switch (PasswordBlocklist.Check(password, user.UserName, published))
        {
            case BlockReason.Common:
                return Fail("PasswordCommon", "该密码属于常见密码，容易被猜中 (this password is too common)");
            case BlockReason.Published:
                return Fail("PasswordPublished", "不能使用公开的演示密码 (the published demo password cannot be used)");
            case BlockReason.ContainsUserName:
                return Fail("PasswordContainsUserName", "密码不能包含用户名 (the password may not contain the user name)");
        }
        if (security.PasswordHistory > 0 && user.Id != Guid.Empty)
        {
            var earlier = (await records.LastPasswordsAsync(user.Id, security.PasswordHistory)).Select(p => p.PasswordHash).ToList();
            if (!string.IsNullOrEmpty(user.PasswordHash)) earlier.Add(user.PasswordHash);
            if (earlier.Any(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed))
                return Fail("PasswordReused", $"不能使用最近{security.PasswordHistory}次用过的密码 (the last {security.PasswordHistory} passwords cannot be used again)");
        }
        return IdentityResult.Success;
    }

    private static IdentityResult Fail(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}

/// <summary>Whether this host runs the demo dataset (its accounts share the published demo password).</summary>
public sealed record DemoMode(bool IsOn);
