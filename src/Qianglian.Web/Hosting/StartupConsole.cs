namespace Qianglian.Web.Hosting;

/// <summary>Where start-up prints what an operator must see (demo accounts, the one-time password). Tests replace it.</summary>
public sealed class StartupConsole(TextWriter writer)
{
    public void WriteLine(string line = "") => writer.WriteLine(line);
}
