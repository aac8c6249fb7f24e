namespace Qianglian.Web.Data;

/// <summary>
/// What the current caller may see and change. Built once per request/circuit from the signed-in user and passed
/// to every <see cref="AppDbContext"/>; the query filters and the write guard read nothing else.
/// </summary>
public sealed record UserScope
{
    /// <summary>Materialised path of the subtree the caller works in ("/" = everything).</summary>
    public required string Path { get; init; }

    /// <summary>Set for enterprise users: only rows of this enterprise are visible among enterprise-owned rows.</summary>
    public Guid? EnterpriseId { get; init; }

    /// <summary>Read-only leaders: every write is refused except to their own account.</summary>
    public bool ReadOnly { get; init; }

    public Guid? UserId { get; init; }
    public string UserName { get; init; } = "";

    public bool SeesAll => Path == Root;

    public const string Root = "/";

    /// <summary>The start-up, pack-loading and sign-in scope: unrestricted, audited as "system".</summary>
    public static readonly UserScope System = new() { Path = Root, UserName = "system" };

    /// <summary>Anonymous callers see nothing scoped.</summary>
    public static readonly UserScope Nobody = new() { Path = "/nobody/", ReadOnly = true, UserName = "anonymous" }; // no place's path: paths are codes

    public bool Covers(string path) => SeesAll || path.StartsWith(Path, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="path"/> is in the scope or above it (a place whose configuration governs the caller).</summary>
    public bool Reaches(string path) => Covers(path) || Path.StartsWith(path, StringComparison.Ordinal);
}
