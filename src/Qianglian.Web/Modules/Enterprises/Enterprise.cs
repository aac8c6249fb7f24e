using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>
/// An enterprise of the registry, keyed by its 统一社会信用代码. The foundation keeps only what scoping needs
/// (an enterprise user sees only their own enterprise); the chains-and-enterprises module extends it.
/// </summary>
public sealed class Enterprise : ScopedEntity, IEnterpriseOwned
{
    public string Uscc { get; set; } = "";
    public string Name { get; set; } = "";

    Guid? IEnterpriseOwned.EnterpriseId => Id;
}
