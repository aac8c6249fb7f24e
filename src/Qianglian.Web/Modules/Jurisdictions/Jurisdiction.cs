using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Jurisdictions;

public enum JurisdictionLevel { National = 0, Province = 1, City = 2, County = 3, Park = 4 }

/// <summary>
/// A node of the tree (nation →) province → city → district/county → park. Its own materialised path is its scope path,
/// so a user of this node sees it and everything below. The parent never changes (it would re-path every row).
/// </summary>
public sealed class Jurisdiction : ScopedEntity
{
    /// <summary>GB/T 2260 code for administrative divisions; <c>&lt;parent&gt;-&lt;suffix&gt;</c> for parks.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public JurisdictionLevel Level { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>The root every province hangs under, so that a national administrator is an ordinary scoped user.</summary>
    public const string NationalCode = "100000";
    public const string NationalName = "中华人民共和国";

    public static string PathOf(string? parentPath, string code) => (parentPath ?? UserScope.Root) + code + "/";

    public static Jurisdiction Create(string code, string name, JurisdictionLevel level, Jurisdiction? parent)
    {
        var j = new Jurisdiction { Code = code, Name = name, Level = level, ParentId = parent?.Id };
        j.JurisdictionId = j.Id;
        j.JurisdictionPath = PathOf(parent?.JurisdictionPath, code);
        return j;
    }
}
