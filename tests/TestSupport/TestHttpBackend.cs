using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TestSupport;

/// <summary>
/// A tiny HTTP/1.1 server on a loopback port that answers 200 to everything. <see cref="Stop"/> closes the
/// port (health checks then fail with "Connection refused"), <see cref="Start"/> opens it again.
/// </summary>
public sealed class TestHttpBackend : IDisposable
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nok\n");

    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private long _requests;

    public TestHttpBackend(int? port = null)
    {
        Port = port ?? FreePort.Next();
        Start();
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public long Requests => Interlocked.Read(ref _requests);

    public bool IsRunning => _listener is not null;

    public void Start()
    {
        if (_listener is not null)
        {
            return;
        }
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        var listener = _listener;
        var token = _stop.Token;
        _ = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(token);
                }
                catch (Exception) when (token.IsCancellationRequested || listener.Server is null)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }
                _ = Task.Run(() => Serve(client, token));
            }
        });
    }

    public void Stop()
    {
        _stop?.Cancel();
        _listener?.Stop();
        _listener = null;
    }

    private async Task Serve(TcpClient client, CancellationToken token)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var pending = new StringBuilder();
            try
            {
                while (!token.IsCancellationRequested)
                {
                    var read = await stream.ReadAsync(buffer, token);
                    if (read == 0)
                    {
                        return;
                    }
                    pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    int end;
                    while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                    {
                        pending.Remove(0, end + 4);
                        Interlocked.Increment(ref _requests);
                        await stream.WriteAsync(Response, token);
                    }
                }
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
        }
    }

    public void Dispose() => Stop();
}
