using Microsoft.Extensions.Logging;

namespace Alerter.Journal;

/// <summary>The log messages of <see cref="JournalEventSource"/>.</summary>
public sealed partial class JournalEventSource
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Log sources: {Reason}")]
    private partial void LogChoice(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal {Source}: journalctl (pid {Pid}) following from {From}")]
    private partial void LogFollowing(string source, int pid, string from);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal {Source}: no cursor stored and Start is End: starting after the last entry now")]
    private partial void LogStartAtEnd(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal {Source}: journalctl: {Line}")]
    private partial void LogStderr(string source, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal {Source}: journalctl exited with code {ExitCode} ({Suppressed} more stderr lines not logged); starting it again with backoff")]
    private partial void LogExited(string source, int exitCode, int suppressed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Journal {Source}: stored {Events} events ({Inserted} new)")]
    private partial void LogStored(string source, int events, int inserted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal {Source}: skipped {Malformed} malformed entries and {InvalidUtf8} not valid UTF-8")]
    private partial void LogSkipped(string source, long malformed, long invalidUtf8);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal {Source}: another reader moved the cursor; restarting from the stored one (is a second alerter using the same database?)")]
    private partial void LogSuperseded(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal {Source}: reading failed; starting journalctl again with backoff")]
    private partial void LogFailed(Exception exception, string source);
}
