using Storage.Sqlite;
using Storage.Events;
using Alerter.Store;
using HAProxy.Logs;
using Microsoft.Extensions.Options;

namespace Alerter.Logs;

/// <summary>
/// Reads a whole log file (or everything from a timestamp on) into <c>haproxy_event</c>, by the same idempotency
/// keys as the scan jobs, so a backfill over lines the jobs already read adds nothing. Checkpoints are not
/// touched. Backfilled rows are stored as already dispatched (history, not pages) unless <c>alert</c> is set.
/// </summary>
public sealed class LogBackfill(AlerterDatabase database, IOptions<LogScanOptions> options, TimeProvider time)
{
    public async Task<BackfillResult> RunAsync(string path, string host, DateTimeOffset? from, bool alert, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = time.GetTimestamp();
        using var connection = database.OpenEnsured();
        await using var stream = PhysicalFileSystemView.OpenShared(path);
        var now = time.GetUtcNow();
        var scanner = new LogScanner(new LogParseContext(now, settings.UtcOffsetAt(now)), settings.MaxLineBytes);
        var reader = new LogSegmentReader(Math.Max(settings.ReadBufferBytes, 4 * 1024 * 1024), Math.Max(settings.BatchBytes, 64L * 1024 * 1024));
        var keyer = new EventKeyer();
        var counters = new LogScanCounters();
        long inserted = 0;
        long skippedBefore = 0;
        var source = Path.GetFullPath(path);
        await reader.ReadAsync(stream, 0, isFinal: true, scanner, counters, batch =>
        {
            var rows = new List<EventRow>(batch.Events.Count);
            var observed = time.GetUtcNow();
            foreach (var scanned in batch.Events)
            {
                // Ordinals count every message, also those before `from`, so keys match the scan jobs'; copies of a
                // message (Debian's two log lines) are one event.
                var key = keyer.KeyOf(host, scanned.Event, out var isCopy);
                if (isCopy)
                {
                    continue;
                }
                if (from is { } start && scanned.Event.Timestamp is { } at && at < start)
                {
                    skippedBefore++;
                    continue;
                }
                rows.Add(new EventRow(key, host, scanned.Event, observed, scanned.Line, source));
            }
            if (rows.Count > 0)
            {
                using var transaction = connection.BeginTransaction();
                inserted += new SqliteEventStore(connection, transaction).Append(rows, markDispatched: !alert);
                transaction.Commit();
            }
            return ValueTask.CompletedTask;
        }, progress, cancellationToken).ConfigureAwait(false);
        return new BackfillResult(source, counters.BytesScanned, counters.Events, inserted, skippedBefore,
            counters.Malformed, counters.Overlong, counters.InvalidUtf8, time.GetElapsedTime(started));
    }
}
