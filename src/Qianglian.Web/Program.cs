using Qianglian.Web.Hosting;

// The one host: web UI, HTTP API and command-line jobs (verify-audit, ...), all on the same services.
var options = LaunchOptions.Parse(args);
var builder = WebApplication.CreateBuilder(options.HostArgs);
builder.AddQianglian(options);
var app = builder.Build();

if (options.Command is { } command)
    return await Commands.RunAsync(app, command, options.CommandArgs);

await Bootstrap.RunAsync(app, options);
app.UseQianglian();
await app.RunAsync();
return 0;

/// <summary>Lets the test host (WebApplicationFactory) find this assembly's entry point.</summary>
public partial class Program;
