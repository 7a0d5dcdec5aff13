using Alerter.Logs;

namespace Alerter.Ring;

/// <summary>
/// The optional live source: <c>show events &lt;ring&gt; -w</c> on HAProxy's stats socket. Section <c>Alerter:Ring</c>.
/// Off unless <see cref="SocketPath"/> is set. HAProxy needs a ring and a logger for it, e.g.
/// <c>ring events</c> (<c>format rfc5424</c>, <c>size 65536</c>) and <c>log ring@events local0 notice</c>.
/// </summary>
public sealed class RingOptions
{
    public const string Section = "Alerter:Ring";

    /// <summary>HAProxy's stats socket (a unix socket path). Default: none (the ring source is off).</summary>
    public string? SocketPath { get; set; }

    /// <summary>The ring's name in HAProxy's config (<c>ring events</c>). Default <c>events</c>.</summary>
    public string RingName { get; set; } = "events";

    /// <summary>The <c>host</c> tag of the events. It must equal the <c>Host</c> of the file source that logs the same
    /// HAProxy, or the idempotency keys differ. Default: the first log source's host, else this machine's name.</summary>
    public string? Host { get; set; }

    /// <summary>Events older than this when read (the ring's backlog after a connect) are not stored: the file source,
    /// with its checkpoint, owns older history. Default 10 min.</summary>
    public TimeSpan BacklogMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Time allowed to connect to the stats socket (a wedged HAProxy must not hold the source forever).
    /// Default 2 s, as the stats session's.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait before reconnecting after the socket failed or closed. Default 0.5 s; doubles up to
    /// <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between reconnect attempts. Default 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the socket file is checked for replacement (a reload creates a new socket and the old
    /// process keeps an open watcher attached to itself). Default 1 s.</summary>
    public TimeSpan SocketCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longer lines are skipped and counted. Default 64 KiB (a ring's <c>maxlen</c> is far shorter).</summary>
    public int MaxLineBytes { get; set; } = 64 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(SocketPath);

    public string ResolveHost(LogScanOptions logs)
        => !string.IsNullOrWhiteSpace(Host) ? Host : logs.Sources.FirstOrDefault()?.ResolvedHost ?? Environment.MachineName;
}
