using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Alerter.Tests.Support;

/// <summary>
/// Stands in for journald's syslog socket (<c>/dev/log</c> on a Debian 12 without rsyslog): receives HAProxy's datagrams
/// on a unix socket and writes each, split as journald does (<see cref="JournalFile.Syslog"/>) and stamped at reception,
/// into a live journal file through <see cref="JournalRemoteWriter"/>.
/// </summary>
public sealed class JournalSyslogSink : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly JournalRemoteWriter _writer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<string> _lines = new();
    private long _received;

    public JournalSyslogSink(string socketPath, string journalPath)
    {
        _writer = JournalRemoteWriter.Start(journalPath);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        _loop = Task.Run(ReceiveLoop);
    }

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Every datagram received so far, as text, one line each (what a file receiver would have written).</summary>
    public string Text => string.Concat(_lines.Select(l => l.TrimEnd('\n') + "\n"));

    private async Task ReceiveLoop()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            var received = DateTimeOffset.UtcNow;
            var datagram = Encoding.UTF8.GetString(buffer, 0, length);
            _writer.Write(JournalFile.Syslog(datagram, received));
            _lines.Enqueue(datagram);
            Interlocked.Increment(ref _received);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
        await _writer.DisposeAsync();
    }
}
