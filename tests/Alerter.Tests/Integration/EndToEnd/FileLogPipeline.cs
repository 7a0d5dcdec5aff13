using Alerter.Tests.Support;
using TestSupport;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>A receiver that writes a log file the Alerter scans from the beginning (the default 5 s interval).</summary>
public abstract class FileLogPipeline : ILabLogPipeline
{
    public string LogPath { get; private set; } = "";

    public async Task StartAsync(TempDirectory directory, string socketPath)
    {
        LogPath = directory.Combine("haproxy.log");
        await StartReceiverAsync(directory, socketPath, LogPath);
    }

    protected abstract Task StartReceiverAsync(TempDirectory directory, string socketPath, string logPath);

    public IReadOnlyDictionary<string, string?> AlerterSettings(string host) => new Dictionary<string, string?>
    {
        ["Alerter:Logs:Sources:0:Path"] = LogPath,
        ["Alerter:Logs:Sources:0:Host"] = host,
        ["Alerter:Logs:Sources:0:Start"] = "Beginning", // transitions before the first scan are alerted too
    };

    public string ReadLog() => File.Exists(LogPath) ? HAProxyLogLab.ReadShared(LogPath) : "";

    // rsyslog creates the file at its first line: no file, nothing to read yet.
    public bool IsCaughtUp(Func<string, long> scalar)
        => !File.Exists(LogPath) || scalar("SELECT COALESCE(MAX(offset), -1) FROM log_checkpoint") == new FileInfo(LogPath).Length;

    public abstract ValueTask DisposeAsync();
}
