namespace Qianglian.Web.Hosting;

/// <summary>Finds the repository's folders (packs/, data/) whether started by <c>dotnet run</c> from the
/// repository root, from the project folder, or from a test host.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Packs => Path.Combine(Root, "packs");
    public static string Data => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Qianglian.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
