namespace Qianglian.Web.Hosting;

/// <summary>
/// The command line: an optional command word first (<c>verify-audit</c>, <c>import</c>), <c>--demo</c> to load the demo dataset
/// into a non-default database, and everything else passed to ASP.NET Core configuration.
/// </summary>
public sealed record LaunchOptions(string? Command, IReadOnlyList<string> CommandArgs, bool Demo, string[] HostArgs)
{
    public static readonly IReadOnlyList<string> Commands = ["verify-audit", "audit-head", "audit-export", "audit-rotate-key", "backup", "restore", "import", "rotate-personal-data-key"];

    /// <summary>The commands' own options (<c>verify-audit --head FILE --archive FILE --drift</c>): kept with the command,
    /// not given to configuration; those taking a value take the next word.</summary>
    private static readonly IReadOnlyList<string> ValueOptions = ["--head", "--archive"];
    private static readonly IReadOnlyList<string> SwitchOptions = ["--drift"];

    public static LaunchOptions Parse(string[] args)
    {
        var rest = args.Where(a => a != "--demo").ToList();
        var demo = rest.Count != args.Length;
        if (rest.Count > 0 && Commands.Contains(rest[0]))
        {
            var commandArgs = new List<string>();
            var i = 1;
            for (; i < rest.Count; i++)
            {
                if (ValueOptions.Contains(rest[i]) && i + 1 < rest.Count) commandArgs.AddRange([rest[i], rest[++i]]);
                else if (SwitchOptions.Contains(rest[i]) || !rest[i].StartsWith("--", StringComparison.Ordinal)) commandArgs.Add(rest[i]);
                else break;
            }
            return new LaunchOptions(rest[0], commandArgs, demo, rest.Skip(i).ToArray());
        }
        return new LaunchOptions(null, [], demo, rest.ToArray());
    }
}
