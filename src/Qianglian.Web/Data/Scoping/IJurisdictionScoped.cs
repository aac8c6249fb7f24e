namespace Qianglian.Web.Data;

/// <summary>Rows of this type are visible and writable only inside the signed-in user's jurisdiction subtree.</summary>
public interface IJurisdictionScoped
{
    Guid JurisdictionId { get; set; }
    string JurisdictionPath { get; set; }
}

/// <summary>Rows of this type belong to one enterprise: an enterprise user sees and changes only their own.</summary>
public interface IEnterpriseOwned
{
    Guid? EnterpriseId { get; }
}
