using TestSupport;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>Debian's real rsyslogd with Debian's 49-haproxy.conf (<see cref="RsyslogProcess"/>): RFC 3339 reception stamps with microseconds, file 0640 root:adm.</summary>
public sealed class RsyslogLogPipeline : FileLogPipeline
{
    private RsyslogProcess? _rsyslog;

    protected override async Task StartReceiverAsync(TempDirectory directory, string socketPath, string logPath)
        => _rsyslog = await RsyslogProcess.StartAsync(directory.Path, socketPath, logPath);

    public override string ToString() => "Debian rsyslogd";

    public override async ValueTask DisposeAsync()
    {
        if (_rsyslog is not null)
        {
            await _rsyslog.DisposeAsync();
        }
    }
}
