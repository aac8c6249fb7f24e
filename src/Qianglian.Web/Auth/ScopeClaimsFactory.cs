using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Qianglian.Web.Auth;

/// <summary>Puts the user's jurisdiction path and enterprise into the (protected) cookie or token.</summary>
public sealed class ScopeClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScopeClaims.HomePath, user.JurisdictionPath));
        if (user.EnterpriseId is { } enterprise) identity.AddClaim(new Claim(ScopeClaims.Enterprise, enterprise.ToString()));
        if (user.MustChangePassword) identity.AddClaim(new Claim(ScopeClaims.MustChangePassword, "true"));
        if (!string.IsNullOrEmpty(user.DisplayName)) identity.AddClaim(new Claim("ql:display_name", user.DisplayName));
        return identity;
    }
}
