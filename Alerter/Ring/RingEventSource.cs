using Alerter.Dispatch;
using Alerter.Logs;
using Alerter.Store;
using HAProxy.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDefaults;
using Storage.Events;
using Storage.Retry;
using Storage.Sqlite;

namespace Alerter.Ring;

/// <summary>
/// Follows HAProxy's ring live and stores each state change in <c>haproxy_event</c> as it is logged, by the same
/// idempotency keys as the file scan (INSERT OR IGNORE), so an event seen in both is stored and alerted once. On
/// connect the ring's backlog is read too (events younger than <see cref="RingOptions.BacklogMaxAge"/> are stored:
/// they may have happened while this process was away). Reconnects with backoff when the connection fails or
/// closes, and at once when the socket file is replaced (a reload: the open connection would stay on the old process).
/// </summary>
public sealed partial class RingEventSource(
    AlerterDatabase database,
    IOptions<RingOptions> options,
    IOptions<LogScanOptions> logOptions,
    TimeProvider time,
    IDispatchTrigger dispatch,
    ILogger<RingEventSource> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }
        var host = settings.ResolveHost(logOptions.Value);
        var source = $"ring@{settings.RingName}:{settings.SocketPath}";
        var attempt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var replaced = false;
            try
            {
                await using var connection = await RingConnection.ConnectAsync(
                    StatsEndpoint.Unix(settings.SocketPath!), settings.RingName, settings.MaxLineBytes, settings.ConnectTimeout, time, stoppingToken).ConfigureAwait(false);
                LogConnected(settings.SocketPath!, settings.RingName);
                attempt = 0;
                using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var watcher = WatchSocketFileAsync(settings, connection, session);
                var counts = await ReadAsync(connection, new RingLineProcessor(host, source, logOptions.Value.UtcOffsetAt(time.GetUtcNow()), settings.BacklogMaxAge), session.Token).ConfigureAwait(false);
                var stopping = stoppingToken.IsCancellationRequested;
                replaced = session.IsCancellationRequested && !stopping;
                await session.CancelAsync().ConfigureAwait(false);
                await watcher.ConfigureAwait(false);
                if (stopping)
                {
                    // The host is stopping: the read ended because we cancelled it, not because HAProxy closed anything.
                    LogStopped(settings.SocketPath!, counts.Lines, counts.Events, counts.Inserted, counts.Skipped + connection.Overlong);
                    return;
                }
                LogClosed(settings.SocketPath!, replaced ? "the socket file was replaced (reload)" : "HAProxy closed the connection", counts.Lines, counts.Events, counts.Inserted, counts.Skipped + connection.Overlong);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: a read or connect cut short by the shutdown is not a failure worth a warning.
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex, settings.SocketPath!);
            }
            if (!replaced)
            {
                var delay = new ExponentialBackoff(settings.ReconnectDelay, settings.ReconnectMaxDelay).Delay(attempt++);
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<(long Lines, long Events, long Inserted, long Skipped)> ReadAsync(RingConnection connection, RingLineProcessor processor, CancellationToken cancellationToken)
    {
        long lines = 0, events = 0, inserted = 0, skipped = 0;
        var warned = false;
        try
        {
            while (await connection.ReadLinesAsync(cancellationToken).ConfigureAwait(false) is { } batch)
            {
                var rows = new List<EventRow>();
                var now = time.GetUtcNow();
                foreach (var line in batch)
                {
                    lines++;
                    switch (processor.Process(line, now, out var row))
                    {
                        case RingLineOutcome.Event:
                            rows.Add(row!);
                            events++;
                            break;
                        case RingLineOutcome.Malformed:
                            skipped++;
                            break;
                        case RingLineOutcome.CliText when !warned:
                            // e.g. an unknown ring name: HAProxy answers in plain text.
                            LogCliText(line);
                            warned = true;
                            break;
                    }
                }
                if (rows.Count > 0)
                {
                    using var sqlite = database.OpenEnsured();
                    using var transaction = sqlite.BeginTransaction();
                    var added = new SqliteEventStore(sqlite, transaction).Append(rows);
                    transaction.Commit();
                    inserted += added;
                    LogStored(rows.Count, added);
                    if (added > 0)
                    {
                        await dispatch.RunNowAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        return (lines, events, inserted, skipped);
    }

    private async Task WatchSocketFileAsync(RingOptions settings, RingConnection connection, CancellationTokenSource session)
    {
        try
        {
            while (!session.IsCancellationRequested)
            {
                await Task.Delay(settings.SocketCheckInterval, time, session.Token).ConfigureAwait(false);
                if (connection.SocketFileProblem() is not null)
                {
                    await session.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ring {Ring}: following on {Socket}")]
    private partial void LogConnected(string socket, string ring);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ring on {Socket}: {Why}; read {Lines} lines, {Events} events ({Inserted} new), skipped {Skipped}; reconnecting")]
    private partial void LogClosed(string socket, string why, long lines, long events, long inserted, long skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ring on {Socket}: stopping; read {Lines} lines, {Events} events ({Inserted} new), skipped {Skipped}")]
    private partial void LogStopped(string socket, long lines, long events, long inserted, long skipped);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ring: stored {Events} events ({Inserted} new)")]
    private partial void LogStored(int events, int inserted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ring: HAProxy answered {Text} (is the ring name right, and is there a `log ring@<name>` line?)")]
    private partial void LogCliText(string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ring on {Socket} failed; retrying with backoff")]
    private partial void LogFailed(Exception exception, string socket);
}
