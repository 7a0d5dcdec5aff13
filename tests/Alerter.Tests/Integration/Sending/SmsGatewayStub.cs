using System.Collections.Concurrent;
using System.Net;
using TestSupport;

namespace Alerter.Tests.Integration.Sending;

/// <summary>A local HTTP listener standing in for an SMS gateway: records each request, answers <see cref="StatusCode"/>.</summary>
public sealed class SmsGatewayStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public SmsGatewayStub()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/2010-04-01/Accounts/AC123/Messages.json";

    public HttpStatusCode StatusCode { get; set; } = HttpStatusCode.Created;

    public ConcurrentQueue<(string Path, string? Authorization, string ContentType, string Body)> Requests { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], context.Request.ContentType ?? "", body));
            context.Response.StatusCode = (int)StatusCode;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
