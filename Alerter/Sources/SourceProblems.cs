using Alerter.Store;
using Microsoft.Extensions.Logging;

namespace Alerter.Sources;

/// <summary>
/// The worker's record of sources that cannot be read. Every scan (file) or check (journal) reports its outcome here;
/// <see cref="SourceProblemThrottle"/> decides the log line, and the problem is written to <c>log_source_problem</c>
/// when it starts, changes or ends (not at every scan), where <c>alerter status</c> and the health strip read it.
/// </summary>
public sealed partial class SourceProblems(AlerterDatabase database, TimeProvider time, ILogger<SourceProblems> logger)
{
    private readonly Dictionary<string, ProblemState?> _states = new(StringComparer.Ordinal);

    /// <summary>How many sources have a problem now.</summary>
    public int Count
    {
        get
        {
            lock (_states)
            {
                return _states.Values.Count(s => s is not null);
            }
        }
    }

    /// <summary>Reports the outcome of one look at a source: its problem, or null when it reads.</summary>
    public void Report(string source, string host, string? problem)
    {
        var now = time.GetUtcNow();
        ProblemWarning warning;
        ProblemState? next;
        bool known;
        lock (_states)
        {
            known = _states.TryGetValue(source, out var current);
            (warning, next) = SourceProblemThrottle.Decide(current, problem, now);
            _states[source] = next;
        }
        switch (warning)
        {
            case ProblemWarning.First:
                LogProblem(source, problem!);
                Write(connection => SourceProblemStore.Set(connection, source, host, problem!, now));
                break;
            case ProblemWarning.Still:
                LogStill(source, (now - next!.Since).TotalMinutes, problem!);
                Write(connection => SourceProblemStore.Set(connection, source, host, problem!, now));
                break;
            case ProblemWarning.Resolved:
                LogResolved(source);
                Write(connection => SourceProblemStore.Clear(connection, source));
                break;
            case ProblemWarning.None when problem is null && !known:
                // First report of this process and the source reads: a row left by an earlier run is out of date.
                Write(connection => SourceProblemStore.Clear(connection, source));
                break;
        }
    }

    private void Write(Action<Microsoft.Data.Sqlite.SqliteConnection> write)
    {
        try
        {
            using var connection = database.OpenEnsured();
            write(connection);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            LogWriteFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Log source {Source}: {Problem}")]
    private partial void LogProblem(string source, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Log source {Source} still unreadable after {Minutes:0} min: {Problem}")]
    private partial void LogStill(string source, double minutes, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Log source {Source} is readable again")]
    private partial void LogResolved(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a log source problem in the database")]
    private partial void LogWriteFailed(Exception exception);
}
