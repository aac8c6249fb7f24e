namespace Qianglian.Web.Data;

/// <summary>Rows of this type are visible and writable only inside the signed-in user's jurisdiction subtree.</summary>
public interface IJurisdictionScoped
{
    Guid JurisdictionId { get; set; }
    string JurisdictionPath { get; set; }
}

/// <summary>
/// Rows of this type belong to one enterprise: an enterprise user sees and changes only their own. The owning
/// enterprise's id is the mapped property named by <see cref="OwnedByAttribute"/> (default <c>EnterpriseId</c>).
/// </summary>
public interface IEnterpriseOwned
{
    Guid? EnterpriseId { get; }
}

/// <summary>Names the mapped property that holds the owning enterprise's id (the registry row itself: Id).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OwnedByAttribute(string property) : Attribute
{
    public string Property { get; } = property;

    public static string PropertyOf(Type type) =>
        type.GetCustomAttributes(typeof(OwnedByAttribute), inherit: false).Cast<OwnedByAttribute>().FirstOrDefault()?.Property
        ?? nameof(IEnterpriseOwned.EnterpriseId);
}

/// <summary>
/// Enterprise-owned rows that every enterprise of the jurisdiction may read (a published supply or demand): the
/// read filter by enterprise is left off, the jurisdiction filter stays, and only the owner may write them.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublishedToEnterprisesAttribute : Attribute;

/// <summary>
/// A row owned by one jurisdiction and shown to a second one it concerns (a project's share of investment and
/// output for a neighbouring county, 分投资/分产值): the second jurisdiction's subtree may read it, never change it
/// (writes are checked against the owner's path only). The path is derived from <see cref="SharedWithId"/> centrally.
/// </summary>
public interface ISharedWith
{
    Guid SharedWithId { get; }
    string SharedWithPath { get; set; }
}

/// <summary>
/// A row that belongs to one account (its in-app messages, its choice of channels): the account itself may add or
/// change it, within its own subtree, whatever its role (the write guard's one exception besides its own password).
/// </summary>
public interface IUserOwned
{
    Guid UserId { get; }
}
