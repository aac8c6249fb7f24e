namespace Qianglian.Core.Jurisdictions;

/// <summary>
/// A jurisdiction's materialised path, e.g. <c>/100000/510000/510400/510403/</c> (nation / 四川省 / 攀枝花市 / 西区):
/// every ancestor's path is a prefix of it.
/// </summary>
public static class JurisdictionPath
{
    /// <summary>"/100000/510000/510400/510403/" → "/100000/", "/100000/510000/", "/100000/510000/510400/", itself.</summary>
    public static IReadOnlyList<string> SelfAndAncestors(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(1, parts.Length).Select(n => "/" + string.Join('/', parts.Take(n)) + "/").ToList();
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsWithin(string path, string ancestor) => path.StartsWith(ancestor, StringComparison.Ordinal);

    /// <summary>Whether one of two places lies within the other (a county and its city, or the same place): one line of authority.</summary>
    public static bool InLine(string a, string b) => IsWithin(a, b) || IsWithin(b, a);
}
