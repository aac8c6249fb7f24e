using Microsoft.AspNetCore.Identity;
using Qianglian.Web.Data;

namespace Qianglian.Web.Auth;

/// <summary>
/// A signed-in person. Belongs to a jurisdiction (their scope), optionally to a unit (their department) and, for
/// enterprise users, to one enterprise. Users are themselves scoped rows: an administrator of a city manages
/// only the accounts of that city and below.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>, IJurisdictionScoped, IEnterpriseOwned
{
    public AppUser() => Id = Guid.CreateVersion7();

    [System.ComponentModel.DataAnnotations.MaxLength(Data.InputLimits.Name)]
    public string DisplayName { get; set; } = "";
    public Guid JurisdictionId { get; set; }
    public string JurisdictionPath { get; set; } = "";
    public Guid? UnitId { get; set; }
    public Guid? EnterpriseId { get; set; }

    /// <summary>Set for a one-time password: the user must choose a new password at first sign-in.</summary>
    public bool MustChangePassword { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();
    public AppRole(string name) : this() => Name = name;
}
