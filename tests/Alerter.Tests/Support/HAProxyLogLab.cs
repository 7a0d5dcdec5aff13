using System.Net.Http;
using TestSupport;

namespace Alerter.Tests.Support;

/// <summary>
/// A real HAProxy (backend <c>app</c> with servers <c>web1</c>, <c>web2</c> checked every 200 ms, rise 1 fall 1)
/// logging to a unix datagram socket, a syslog sink writing the log file, and optional request traffic.
/// Everything started here is stopped on dispose.
/// </summary>
public sealed class HAProxyLogLab : IAsyncDisposable
{
    private readonly CancellationTokenSource _traffic = new();
    private readonly List<Task> _trafficTasks = [];
    private IAsyncDisposable? _sink;

    private HAProxyLogLab(TempDirectory directory)
    {
        Directory = directory;
        LogPath = directory.Combine("haproxy.log");
    }

    public TempDirectory Directory { get; }

    public string LogPath { get; }

    public TestHttpBackend Web1 { get; } = new();

    public TestHttpBackend Web2 { get; } = new();

    public int FrontendPort { get; } = FreePort.Next();

    /// <summary>The admin stats socket.</summary>
    public string AdminSocket => Directory.Combine("admin.sock");

    public HAProxyProcess HAProxy { get; private set; } = null!;

    /// <summary>Set when started with the reopening (rename-rotation) sink.</summary>
    public SyslogFileSink? RenameSink { get; private set; }

    /// <summary>Set when started with the O_APPEND-like (copytruncate) sink.</summary>
    public AppendingSyslogSink? AppendSink { get; private set; }

    /// <summary>Set when started with <c>journal</c>: the directory of the journal file HAProxy's messages go to.</summary>
    public string? JournalDirectory { get; private set; }

    /// <param name="ring">Also log notice and worse to a ring <c>events</c> (RFC 5424), as the bundled proxy does.</param>
    /// <param name="journal">HAProxy's log socket is journald's stand-in (<see cref="JournalSyslogSink"/>) instead of a file.</param>
    public static async Task<HAProxyLogLab> StartAsync(bool appendingSink = false, bool ring = false, bool journal = false)
    {
        var lab = new HAProxyLogLab(new TempDirectory("alab"));
        var socket = lab.Directory.Combine("log.sock");
        if (journal)
        {
            lab.JournalDirectory = lab.Directory.Combine("journal");
            System.IO.Directory.CreateDirectory(lab.JournalDirectory);
            lab._sink = new JournalSyslogSink(socket, Path.Combine(lab.JournalDirectory, "system.journal"));
        }
        else if (appendingSink)
        {
            lab.AppendSink = new AppendingSyslogSink(socket, lab.LogPath);
            lab._sink = lab.AppendSink;
        }
        else
        {
            lab.RenameSink = new SyslogFileSink(socket, lab.LogPath);
            lab._sink = lab.RenameSink;
        }
        var admin = lab.Directory.Combine("admin.sock");
        var ringLogger = ring ? "log ring@events local0 notice" : "";
        var ringSection = ring ? "ring events\n    format rfc5424\n    maxlen 1200\n    size 65536\n" : "";
        var config = $"""
            global
                log {socket} local0
                {ringLogger}
                stats socket {admin} mode 600 level admin
            {ringSection}
            defaults
                mode http
                log global
                option httplog
                timeout connect 1s
                timeout client 5s
                timeout server 5s
            frontend fe
                bind 127.0.0.1:{lab.FrontendPort}
                default_backend app
            backend app
                server web1 {lab.Web1.Address} check inter 200ms rise 1 fall 1
                server web2 {lab.Web2.Address} check inter 200ms rise 1 fall 1
            """ + "\n";
        try
        {
            lab.HAProxy = await HAProxyProcess.StartAsync(lab.Directory.Path, config, admin);
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
        return lab;
    }

    /// <summary>Sends requests through the frontend until dispose, so request lines keep arriving in the log.</summary>
    public void StartTraffic()
    {
        _trafficTasks.Add(Task.Run(async () =>
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            while (!_traffic.IsCancellationRequested)
            {
                try
                {
                    using var _ = await client.GetAsync($"http://127.0.0.1:{FrontendPort}/", _traffic.Token);
                    await Task.Delay(10, _traffic.Token);
                }
                catch (Exception) when (!_traffic.IsCancellationRequested)
                {
                }
                catch (OperationCanceledException)
                {
                }
            }
        }));
    }

    public string ReadLog() => ReadShared(LogPath);

    public static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Waits until the log (all files starting with its name) holds <paramref name="count"/> lines containing <paramref name="text"/>.</summary>
    public async Task WaitForLinesAsync(string text, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (CountLines(text) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{count} lines with '{text}' did not appear; log:\n{ReadLog()}\nhaproxy:\n{HAProxy.Output}");
            }
            await Task.Delay(50);
        }
    }

    public int CountLines(string text)
        => System.IO.Directory.EnumerateFiles(Directory.Path, "haproxy.log*")
            .Sum(f => ReadShared(f).Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        _traffic.Cancel();
        await Task.WhenAll(_trafficTasks);
        if (HAProxy is not null)
        {
            await HAProxy.DisposeAsync();
        }
        Web1.Dispose();
        Web2.Dispose();
        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
        Directory.Dispose();
    }
}
