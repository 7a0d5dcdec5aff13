using Alerter.Tests.Support;
using TestSupport;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>
/// The journal, as on a Debian 12 without rsyslog: <see cref="JournalSyslogSink"/> stands in for journald's syslog
/// socket and writes each datagram live into a journal file (systemd-journal-remote); the Alerter has no file source
/// and follows that journal directory with the real journalctl (<c>Alerter:Journal:*</c>).
/// </summary>
public sealed class JournalLogPipeline : ILabLogPipeline
{
    private JournalSyslogSink? _sink;

    /// <summary>The journal directory the Alerter reads.</summary>
    public string Directory { get; private set; } = "";

    public Task StartAsync(TempDirectory directory, string socketPath)
    {
        Directory = directory.Combine("journal");
        System.IO.Directory.CreateDirectory(Directory);
        _sink = new JournalSyslogSink(socketPath, Path.Combine(Directory, "system.journal"));
        return Task.CompletedTask;
    }

    public IReadOnlyDictionary<string, string?> AlerterSettings(string host) => new Dictionary<string, string?>
    {
        ["Alerter:Journal:Use"] = "Always",
        ["Alerter:Journal:Directory"] = Directory,
        ["Alerter:Journal:Host"] = host,
        ["Alerter:Journal:Start"] = "Beginning",
        ["Alerter:Journal:Priority"] = "debug", // every entry, so IsCaughtUp can count them against the sink
    };

    public string ReadLog() => _sink?.Text ?? "";

    // An empty journal has no checkpoint yet (journalctl refuses a journal without entries: "No such boot ID"):
    // nothing logged, nothing to read.
    public bool IsCaughtUp(Func<string, long> scalar)
        => _sink is null || _sink.Received == 0 || scalar("SELECT COALESCE(MAX(entries), -1) FROM journal_checkpoint") == _sink.Received;

    public override string ToString() => "journal";

    public async ValueTask DisposeAsync()
    {
        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
    }
}
