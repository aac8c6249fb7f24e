using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Hosting;
using Qianglian.Web.Tests.Infrastructure;

namespace Qianglian.Web.Tests.Hosting;

/// <summary>
/// Debian's nginx with deploy/nginx/qianglian.conf (addresses, ports and certificate paths replaced) in front of two
/// real hosts — separate processes (<c>dotnet Qianglian.Web.dll</c>) on one PostgreSQL database, each with a home
/// directory of its own so nothing is shared through the disk but the configured directories — all on 127.0.0.1. A user
/// signs in through nginx (sign-in cookie and API token), works, the host serving them is killed mid-use, and the user
/// goes on through nginx on the other host with the same cookie, token and antiforgery token (the key ring is the
/// database's). The surviving host, told to stop, answers not-ready while it still serves, then exits.
/// PostgreSQL only: several hosts never share one SQLite file (docs/operations.md).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // Debian's nginx, signals, file modes
public sealed partial class MultiHostTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("qianglian-hosts-").FullName;
    private readonly string database = $"qltest_{Guid.NewGuid():N}";
    private readonly List<Process> processes = [];
    private string connectionString = "";
    private Process? nginx;

    public async Task InitializeAsync() => connectionString = await TestPostgres.CreateDatabaseAsync(database);

    public async Task DisposeAsync()
    {
        foreach (var p in processes.Where(p => !p.HasExited)) p.Kill(entireProcessTree: true);
        foreach (var p in processes) await p.WaitForExitAsync();
        await TestPostgres.DropDatabaseAsync(database);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task A_user_keeps_working_through_nginx_when_the_host_serving_them_is_killed()
    {
        // Shared by both hosts, as an operator would (docs/deployment.md): the database, the key-ring certificate, the
        // audit and personal-data key directories, and the uploads directory.
        var certificate = Path.Combine(root, "key-ring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Qianglian key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificate, made.Export(X509ContentType.Pfx, "test-password"));
        }
        string[] shared =
        [
            "--Database:Provider=Postgres", $"--ConnectionStrings:Main={connectionString}",
            $"--DataProtection:CertificatePath={certificate}", "--DataProtection:CertificatePassword=test-password",
            $"--Audit:KeyDirectory={Path.Combine(root, "audit-keys")}", $"--Security:PersonalDataKeyDirectory={Path.Combine(root, "personal-data-keys")}",
            $"--Uploads:Root={Path.Combine(root, "uploads")}", "--Hosting:DrainSeconds=4",
            "--Notifications:ReminderMinutes=0", "--Notifications:DeliveryMinutes=0", "--Supervision:SweepMinutes=0",
        ];
        var portA = FreePort();
        var hostA = StartHost("a", portA, [.. shared, "--Demo=true"]);
        await WaitReadyAsync(hostA, portA);
        var portB = FreePort();
        var hostB = StartHost("b", portB, [.. shared, "--Demo=false"]);
        await WaitReadyAsync(hostB, portB);

        var (proxyPort, tls) = await StartNginxAsync(portA, portB);
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler
        {
            CookieContainer = cookies, AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == tls,
        };
        var site = $"https://127.0.0.1:{proxyPort}";
        using var browser = new HttpClient(handler) { BaseAddress = new Uri(site), Timeout = TimeSpan.FromSeconds(60) };

        // Sign in with the form, as a browser does (antiforgery token and Origin of the site through the proxy).
        var form = await browser.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var first = Served(form);
        // nginx gave the browser its route, and the host saw HTTPS from the proxy's X-Forwarded-Proto: its cookies are Secure.
        Assert.Contains(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("qianglian_route=", StringComparison.Ordinal));
        Assert.Contains(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        var signIn = await PostFormAsync(browser, site, "/account/login", AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal(first, Served(signIn)); // sticky: the same host throughout
        // The home page opens for the cookie's holder; without it, the same request is sent to sign in.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        using var stranger = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false, UseCookies = false, ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == tls,
        }) { BaseAddress = new Uri(site) };
        // (The host builds the sign-in address from the forwarded scheme and the Host as the client sent it: the public site.)
        Assert.StartsWith($"{site}/account/login", (await stranger.GetAsync("/")).Headers.Location?.OriginalString);
        var own = await JurisdictionCodesAsync(browser);
        Assert.Contains("510403", own);

        // The API client's token, taken through nginx too.
        using var anonymous = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == tls })
            { BaseAddress = new Uri(site) };
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "xiqu.office", password = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal(own, await JurisdictionCodesAsync(anonymous));

        // An antiforgery token issued now, posted after the kill.
        var laterForm = await browser.GetStringAsync("/account/login");

        // Mid-use: the browser keeps reading while the host serving it is killed; every read answers.
        var served = new List<string>();
        using var stop = new CancellationTokenSource();
        var reads = Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            while (!stop.IsCancellationRequested)
            {
                var r = await browser.GetAsync("/api/v1/jurisdictions");
                statuses.Add(r.StatusCode);
                lock (served) served.Add(r.Headers.GetValues("X-Test-Upstream").Single()); // "first, second" when nginx moved it
            }
            return statuses;
        });
        await Task.Delay(500);
        var (victim, survivor, survivorPort) = first == $"127.0.0.1:{portA}" ? (hostA, hostB, portB) : (hostB, hostA, portA);
        victim.Kill(entireProcessTree: true);
        await victim.WaitForExitAsync();
        await Task.Delay(2000);
        await stop.CancelAsync();
        var statuses = await reads;
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        output.WriteLine($"reads while the host was killed: {statuses.Count}, all 200; passed on to the other host by nginx: {served.Count(s => s.Contains(','))}");
        Assert.EndsWith($"127.0.0.1:{survivorPort}", served.Last());

        // The same cookie, token and antiforgery token on the other host.
        var after = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal($"127.0.0.1:{survivorPort}", Served(after));
        Assert.Equal(own, await JurisdictionCodesAsync(browser));
        Assert.Equal(own, await JurisdictionCodesAsync(anonymous));
        var again = await PostFormAsync(browser, site, "/account/login", AntiforgeryField().Match(laterForm).Groups[1].Value);
        Assert.Equal("/", again.Headers.Location?.OriginalString);

        // One ring for both hosts, encrypted with the certificate.
        await using (var db = new KeyRingContext(new DbContextOptionsBuilder<KeyRingContext>().UseNpgsql(connectionString).Options))
        {
            var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync();
            var key = Assert.Single(keys);
            Assert.Contains("EncryptedXmlDecryptor", key.Xml);
            Assert.DoesNotContain("<masterKey", key.Xml);
        }

        // The survivor, told to stop, says it is not ready while still serving, then exits cleanly.
        using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{survivorPort}") };
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/health/ready")).StatusCode);
        var signalled = Stopwatch.StartNew();
        using (var term = Process.Start("kill", ["-TERM", survivor.Id.ToString()])) await term.WaitForExitAsync();
        var ready = await direct.GetAsync("/health/ready");
        for (var i = 0; i < 20 && ready.StatusCode == HttpStatusCode.OK; i++) // the signal is handled on its own thread
        {
            await Task.Delay(100);
            ready = await direct.GetAsync("/health/ready");
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", report.GetProperty("draining").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/health/live")).StatusCode);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await survivor.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, survivor.ExitCode);
        Assert.True(signalled.Elapsed >= TimeSpan.FromSeconds(3.5), "the host served through its 4 s drain before it stopped");
        output.WriteLine($"SIGTERM to exit: {signalled.Elapsed.TotalSeconds:0.0} s (drain 4 s)");
    }

    private static async Task<List<string>> JurisdictionCodesAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/jurisdictions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!.Select(j => j.GetProperty("code").GetString()!).Order().ToList();
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string site, string path, string antiforgery)
    {
        Assert.NotEmpty(antiforgery);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "xiqu.office", ["password"] = DemoData.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = antiforgery,
            }),
        };
        request.Headers.Add("Origin", site);
        return browser.SendAsync(request);
    }

    /// <summary>The host that answered (the test's copy of the nginx file adds the upstream's address as a header).</summary>
    private static string Served(HttpResponseMessage response) => response.Headers.GetValues("X-Test-Upstream").Single().Split(", ").Last();

    private Process StartHost(string name, int port, string[] settings)
    {
        var home = Directory.CreateDirectory(Path.Combine(root, "home-" + name)).FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["HOME"] = home, ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_CLI_HOME"] = home },
        };
        foreach (var arg in new[] { "Qianglian.Web.dll", $"--urls=http://127.0.0.1:{port}" }.Concat(settings)) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(root, $"host-{name}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
        return process;
    }

    private async Task WaitReadyAsync(Process host, int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < until)
        {
            if (host.HasExited) break;
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        throw new Xunit.Sdk.XunitException($"host on {port} not ready: " + string.Join('\n', Directory.GetFiles(root, "host-*.log").Select(File.ReadAllText)));
    }

    /// <summary>nginx from Debian's package, in the foreground with a configuration of its own in the test's directory.</summary>
    private async Task<(int Port, string Thumbprint)> StartNginxAsync(int portA, int portB)
    {
        var prefix = Directory.CreateDirectory(Path.Combine(root, "nginx")).FullName;
        foreach (var dir in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
            Directory.CreateDirectory(Path.Combine(prefix, dir)).UnixFileMode = (UnixFileMode)0b111_111_111;
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        string thumbprint;
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var tls = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(prefix, "tls.pem"), tls.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(prefix, "tls.key"), rsa.ExportPkcs8PrivateKeyPem());
            thumbprint = tls.Thumbprint;
        }
        var port = FreePort();
        var site = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "qianglian.conf"));
        var servers = ServerLine().Matches(site);
        Assert.Equal(2, servers.Count);
        site = site.Replace(servers[0].Value, $"server 127.0.0.1:{portA} ").Replace(servers[1].Value, $"server 127.0.0.1:{portB} ")
            .Replace("listen 443 ssl;", $"listen 127.0.0.1:{port} ssl;")
            .Replace("listen 80;", $"listen 127.0.0.1:{FreePort()};")
            .Replace("/etc/ssl/certs/qianglian.pem", Path.Combine(prefix, "tls.pem"))
            .Replace("/etc/ssl/private/qianglian.key", Path.Combine(prefix, "tls.key"))
            .Replace("    location / {\n", "    location / {\n        add_header X-Test-Upstream $upstream_addr always;\n")
            .Replace("    location /_blazor {\n", "    location /_blazor {\n        add_header X-Test-Upstream $upstream_addr always;\n");
        Assert.Equal(2, Regex.Count(site, "X-Test-Upstream"));
        await File.WriteAllTextAsync(Path.Combine(prefix, "qianglian.conf"), site);
        var main = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(main, $$"""
            daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log {{prefix}}/access.log;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{prefix}}/qianglian.conf;
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/nginx", ["-c", main, "-p", prefix + "/", "-e", Path.Combine(prefix, "error.log")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        nginx = Process.Start(start)!;
        processes.Add(nginx);
        for (var i = 0; i < 100; i++)
        {
            if (nginx.HasExited)
                throw new Xunit.Sdk.XunitException("nginx exited: " + await nginx.StandardError.ReadToEndAsync() + File.ReadAllText(Path.Combine(prefix, "error.log")));
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return (port, thumbprint);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new Xunit.Sdk.XunitException("nginx did not listen");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"server 127\.0\.0\.1:500\d ")]
    private static partial Regex ServerLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
