using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Qianglian.Web.Tests.Notifications;

/// <summary>A real SMTP server on 127.0.0.1 (the SmtpServer package): every message it accepts, with its recipients and raw text.</summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    public sealed record Received(IReadOnlyList<string> To, byte[] Raw);

    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    public ConcurrentQueue<Received> Messages { get; } = new();
    public int Port { get; }

    public LocalSmtpServer()
    {
        Port = FreePort.Next();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    /// <summary>The messages addressed to one mailbox.</summary>
    public List<Received> To(string address) => Messages.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }
    }

    private sealed class Store(LocalSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            server.Messages.Enqueue(new Received(to, buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

/// <summary>
/// A local webhook receiver (HttpListener on 127.0.0.1), standing in for a 企业微信 / 浙政钉 group robot: it keeps each
/// JSON body, and answers 500 to the next <see cref="FailNext"/> calls (a robot that is away) to exercise the retries.
/// </summary>
public sealed class LocalWebhook : IDisposable
{
    private readonly HttpListener listener = new();
    private int failNext;
    public ConcurrentQueue<JsonElement> Bodies { get; } = new();
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/robot/send";

    public LocalWebhook()
    {
        Port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = Task.Run(Serve);
    }

    public void FailNext(int calls) => Interlocked.Exchange(ref failNext, calls);

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            if (Interlocked.Decrement(ref failNext) >= 0) context.Response.StatusCode = 500;
            else
            {
                Bodies.Enqueue(JsonDocument.Parse(text).RootElement.Clone());
                context.Response.StatusCode = 200;
            }
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }
}

internal static class FreePort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
