namespace Qianglian.Web.Hosting;

/// <summary>
/// The command line: an optional command word first (<c>verify-audit</c>, <c>import</c>), <c>--demo</c> to load the demo dataset
/// into a non-default database, and everything else passed to ASP.NET Core configuration.
/// </summary>
public sealed record LaunchOptions(string? Command, IReadOnlyList<string> CommandArgs, bool Demo, string[] HostArgs)
{
    public static readonly IReadOnlyList<string> Commands = ["verify-audit", "import", "rotate-personal-data-key"];

    public static LaunchOptions Parse(string[] args)
    {
        var rest = args.Where(a => a != "--demo").ToList();
        var demo = rest.Count != args.Length;
        if (rest.Count > 0 && Commands.Contains(rest[0]))
        {
            var commandArgs = rest.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
            return new LaunchOptions(rest[0], commandArgs, demo, rest.Skip(1 + commandArgs.Count).ToArray());
        }
        return new LaunchOptions(null, [], demo, rest.ToArray());
    }
}
