using System.Diagnostics;

namespace Qianglian.Web.Tests.Hosting;

/// <summary>Runs the real command line of the host (<c>dotnet Qianglian.Web.dll COMMAND ...</c>) against a fixture's database.</summary>
public static class HostCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(HostFixture fixture, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "Qianglian.Web.dll" }.Concat(args)
                     .Concat([$"--Database:Provider={fixture.Provider}", $"--ConnectionStrings:Main={fixture.ConnectionString}",
                         $"--Audit:KeyDirectory={fixture.AuditKeyDirectory}"]))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
