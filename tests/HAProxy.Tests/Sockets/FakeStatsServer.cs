using System.Net.Sockets;
using HAProxy.Sockets;
using TestSupport;

namespace HAProxy.Tests.Sockets;

/// <summary>
/// An in-process unix stream socket server for framing and error tests. Each accepted connection runs
/// <c>handler</c>; <see cref="Rebind"/> replaces the socket file with a new one (a new inode), as a reload does.
/// </summary>
internal sealed class FakeStatsServer : IAsyncDisposable
{
    private readonly Func<FakeClient, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _listeners = [];
    private readonly List<FakeClient> _clients = [];
    private readonly TempDirectory _directory = new("fk");
    private int _connections;

    public FakeStatsServer(Func<FakeClient, Task> handler)
    {
        _handler = handler;
        Path = _directory.Combine("s.sock");
        Listen();
    }

    public string Path { get; }

    public StatsEndpoint Endpoint => StatsEndpoint.Unix(Path);

    /// <summary>Connections accepted so far (all listeners).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Which listener (0 first, 1 after one <see cref="Rebind"/>...) accepted each connection.</summary>
    public int ListenerGeneration { get; private set; }

    /// <summary>Binds a new socket at the same path through a rename, like HAProxy on reload; old clients stay open.</summary>
    public void Rebind()
    {
        ListenerGeneration++;
        var temporary = Path + ".new";
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(temporary));
        listener.Listen(16);
        lock (_listeners)
        {
            // .NET unlinks a listener's path on dispose, so the old one goes before the rename.
            _listeners[^1].Dispose();
            _listeners.Add(listener);
        }
        File.Move(temporary, Path, overwrite: true);
        _ = AcceptLoop(listener, ListenerGeneration);
    }

    private void Listen()
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(Path));
        listener.Listen(16);
        _listeners.Add(listener);
        _ = AcceptLoop(listener, 0);
    }

    private async Task AcceptLoop(Socket listener, int generation)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var index = Interlocked.Increment(ref _connections);
            var client = new FakeClient(socket, generation, index, _stop.Token);
            lock (_clients)
            {
                _clients.Add(client);
            }
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handler(client);
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
                {
                }
                finally
                {
                    client.Close();
                }
            });
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
        lock (_clients)
        {
            _clients.ForEach(c => c.Close());
        }
        _directory.Dispose();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
