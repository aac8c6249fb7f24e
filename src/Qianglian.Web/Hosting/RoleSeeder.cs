using Microsoft.AspNetCore.Identity;
using Qianglian.Web.Auth;

namespace Qianglian.Web.Hosting;

/// <summary>Makes sure the seven roles exist (idempotent; runs at every start).</summary>
public sealed class RoleSeeder(RoleManager<AppRole> roles)
{
    public async Task EnsureAsync()
    {
        foreach (var name in Roles.All)
            if (!await roles.RoleExistsAsync(name))
                await roles.CreateAsync(new AppRole(name));
    }
}
