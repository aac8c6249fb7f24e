namespace Qianglian.Core.Tests.Policies;

/// <summary>The five seed documents, copied byte for byte into Fixtures/.</summary>
internal static class Seeds
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".txt"));
}
