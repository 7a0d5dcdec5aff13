using System.Net.Sockets;
using System.Text;

namespace TestSupport;

/// <summary>
/// A minimal syslog daemon for tests: receives HAProxy's datagrams on a unix socket (<c>log /path local0</c>)
/// and appends each, as received, to a log file, the way rsyslog would (one line per datagram). Rename
/// rotation is followed by <see cref="Reopen"/>, as a real daemon reopens on SIGHUP.
/// </summary>
public sealed class SyslogFileSink : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private FileStream _file;
    private long _received;

    public SyslogFileSink(string socketPath, string logPath)
    {
        SocketPath = socketPath;
        LogPath = logPath;
        _file = OpenLog();
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        _loop = Task.Run(ReceiveLoop);
    }

    public string SocketPath { get; }

    public string LogPath { get; }

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Closes and reopens the log path (after the test renamed the file away).</summary>
    public void Reopen()
    {
        lock (_gate)
        {
            _file.Dispose();
            _file = OpenLog();
        }
    }

    /// <summary>Waits until the log file contains <paramref name="text"/>; returns the file's text.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var content = ReadAll();
            if (content.Contains(text, StringComparison.Ordinal))
            {
                return content;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' did not appear in {LogPath} within {timeout}. Log so far:\n{content}");
            }
            await Task.Delay(50);
        }
    }

    public string ReadAll()
    {
        lock (_gate)
        {
            _file.Flush();
        }
        using var reader = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var text = new StreamReader(reader, Encoding.UTF8);
        return text.ReadToEnd();
    }

    private FileStream OpenLog() => new(LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);

    private async Task ReceiveLoop()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            lock (_gate)
            {
                _file.Write(buffer, 0, read);
                if (read == 0 || buffer[read - 1] != (byte)'\n')
                {
                    _file.WriteByte((byte)'\n');
                }
                _file.Flush();
            }
            Interlocked.Increment(ref _received);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        lock (_gate)
        {
            _file.Dispose();
        }
        _stop.Dispose();
    }
}
