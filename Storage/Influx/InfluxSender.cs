using Storage.Retry;
using Storage.Influx.Writing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Storage.Influx;

/// <summary>
/// Delivers the spool to InfluxDB, oldest batch first, one at a time, so order is kept and new points never
/// overtake spooled ones. A batch leaves the spool (durably) only after InfluxDB stored it, or refused it as
/// bad data (400: counted, logged with the server's message naming the line, never retried). Unavailable
/// (network, 429, 5xx) and configuration errors (401/403, other 4xx) keep the batch and retry with back-off.
/// </summary>
public sealed class InfluxSender(
    IInfluxWriter writer,
    InfluxSinkState state,
    IOptions<InfluxOptions> options,
    TimeProvider time,
    ILogger<InfluxSender> logger) : BackgroundService
{
    private readonly InfluxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var spool = state.Spool;
        foreach (var note in spool.RecoveryNotes)
        {
            InfluxLog.RecoveryNote(logger, note);
        }
        InfluxLog.Started(logger, _options.Api, _options.Url!, _options.SpoolDirectory, spool.PendingPoints, spool.PendingBytes);
        var backoff = new ExponentialBackoff(_options.RetryDelay, _options.MaxRetryDelay);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var record = spool.Peek();
                if (record is null)
                {
                    await state.Spooled.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                    continue;
                }
                var result = await writer.WriteAsync(record, stoppingToken).ConfigureAwait(false);
                if (!result.Retry)
                {
                    if (failures > 0)
                    {
                        InfluxLog.Recovered(logger, _options.Url!, spool.PendingPoints);
                    }
                    failures = 0;
                    Complete(record, result);
                    continue;
                }
                if (result.Outcome == InfluxWriteOutcome.DatabaseNotFound && _options.CreateDatabase
                    && await writer.CreateDatabaseAsync(stoppingToken).ConfigureAwait(false))
                {
                    InfluxLog.DatabaseCreated(logger, _options.Database ?? "");
                    continue;
                }
                var delay = backoff.Delay(failures++);
                Report(result, spool.PendingPoints, delay);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Disk trouble reading the spool, or a bug: log and keep going after a pause.
                InfluxLog.LoopFailed(logger, ex);
                state.Failed(ex.Message);
                await Task.Delay(_options.MaxRetryDelay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void Complete(Spool.SpoolRecord record, InfluxWriteResult result)
    {
        state.Spool.Commit(record);
        var stored = record.Points - result.RejectedPoints;
        if (stored > 0)
        {
            state.Written(stored, time.GetUtcNow());
            InfluxLog.Written(logger, stored, state.Spool.PendingPoints);
        }
        if (result.RejectedPoints > 0)
        {
            // After Written, which clears the last error: a partial write must still show why points were lost.
            state.Dropped(result.RejectedPoints);
            state.Failed($"InfluxDB rejected {result.RejectedPoints} points as bad data ({result.StatusCode}): {result.Message}");
            InfluxLog.Rejected(logger, result.RejectedPoints, record.Points, result.StatusCode, result.Message);
        }
    }

    private void Report(InfluxWriteResult result, long pending, TimeSpan delay)
    {
        var url = _options.Url!;
        var status = result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response";
        switch (result.Outcome)
        {
            case InfluxWriteOutcome.Unauthorized:
                state.Failed($"InfluxDB refused the credentials ({result.StatusCode}): check {state.SettingsSection}:Username/Password or Token. {result.Message}");
                InfluxLog.Unauthorized(logger, url, status, result.Message, state.SettingsSection, pending, delay);
                break;
            case InfluxWriteOutcome.Unavailable:
                state.Failed($"InfluxDB unavailable ({status}): {result.Message}");
                InfluxLog.Unavailable(logger, url, status, result.Message, pending, delay);
                break;
            default:
                state.Failed($"InfluxDB answered {result.StatusCode} ({result.Outcome}): {result.Message}");
                InfluxLog.Misconfigured(logger, url, status, result.Message, state.SettingsSection, pending, delay);
                break;
        }
    }
}
