using TestSupport;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>
/// <see cref="SyslogFileSink"/>: each datagram appended as HAProxy sent it, RFC 3164 (seconds, no host name), as
/// the bundled proxy's socat receiver writes it.
/// </summary>
public sealed class SinkLogPipeline : FileLogPipeline
{
    private SyslogFileSink? _sink;

    protected override Task StartReceiverAsync(TempDirectory directory, string socketPath, string logPath)
    {
        _sink = new SyslogFileSink(socketPath, logPath);
        return Task.CompletedTask;
    }

    public override string ToString() => "RFC 3164 receiver";

    public override async ValueTask DisposeAsync()
    {
        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
    }
}
