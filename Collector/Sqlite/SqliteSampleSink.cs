using Collector.Configuration;
using Collector.Health;
using Storage.Samples;
using Storage.Schema;
using Storage.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collector.Sqlite;

/// <summary>
/// The embedded store as a sink: every cycle's samples in one transaction, 1-minute roll-ups folded in as
/// minutes complete. A failed write (disk full, locked file) is logged and counted as dropped; the next cycle
/// tries again on the same connection, whose roll-ups still match the rows kept. Before and after every write the
/// sink checks that its files are still the ones at the path: a store deleted, replaced or truncated under it
/// (<c>rm collector.db*</c>) is said once as a Warning, reopened (a new file gets its schema; a truncated one is
/// moved aside first), and the cycle's samples go into the reopened file. Until then the status says degraded.
/// </summary>
public sealed partial class SqliteSampleSink(
    IOptions<SqliteStoreOptions> options,
    TimeProvider time,
    ILogger<SqliteSampleSink> logger) : ISampleSink, ISinkMetrics, IDisposable
{
    private readonly object _gate = new();
    private SqliteSampleWriter? _store;
    private int _openRollupSeries;
    private long _written;
    private long _dropped;
    private long _reopens;
    private long _sizeBytes;
    private DateTimeOffset? _lastSuccess;
    private string? _lastError;

    public string Name => "sqlite";

    public Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken) =>
        Task.Run(() => Write(samples), cancellationToken);

    /// <summary>The store, opened on first use; null when it cannot be opened.</summary>
    internal SqliteSampleWriter? Store
    {
        get
        {
            lock (_gate)
            {
                return OpenLocked();
            }
        }
    }

    private void Write(IReadOnlyList<Sample> samples)
    {
        lock (_gate)
        {
            try
            {
                var store = CheckedLocked() ?? throw new InvalidOperationException(_lastError);
                store.Write(samples);
                if (store.FilesChanged() is { } change)
                {
                    // The file went while this batch went in: it is in no file anyone can read. Write it again, into
                    // the file that is at the path now (the rows are keyed by series and time, so nothing doubles).
                    store = ReopenLocked(change) ?? throw new InvalidOperationException(_lastError);
                    store.Write(samples);
                }
                _openRollupSeries = store.OpenRollupSeries;
                _written += samples.Count;
                _sizeBytes = store.SizeBytes();
                _lastSuccess = time.GetUtcNow();
                _lastError = null;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _dropped += samples.Count;
                _lastError = $"{ex.GetType().Name}: {ex.Message}";
                LogWriteFailed(ex, samples.Count, options.Value.DatabasePath);
            }
        }
    }

    /// <summary>Prunes old rows and measures the file; called by the maintenance service.</summary>
    public long Maintain()
    {
        var store = Store;
        if (store is null)
        {
            return 0;
        }
        var now = time.GetUtcNow();
        var settings = options.Value;
        var deleted = store.Prune(now - settings.RawRetention, now - settings.RollupRetention);
        Interlocked.Exchange(ref _sizeBytes, store.SizeBytes());
        return deleted;
    }

    public SinkStatus GetStatus()
    {
        lock (_gate)
        {
            // Asked between cycles too: a store deleted a second ago is degraded now, not at the next write.
            if (_store?.FilesChanged() is { } change)
            {
                return new SinkStatus(Name, _written, 0, 0, _dropped, _lastSuccess,
                    $"{change.Text}; samples are not stored until the next cycle reopens it", Degraded: true);
            }
            return new SinkStatus(Name, _written, 0, 0, _dropped, _lastSuccess, _lastError, Degraded: _store is null && _lastError is not null);
        }
    }

    public IReadOnlyList<KeyValuePair<string, double>> GetMetrics() =>
        [new(CollectorFields.DatabaseBytes, Interlocked.Read(ref _sizeBytes)), new(CollectorFields.RollupOpenSeries, Volatile.Read(ref _openRollupSeries)),
            new(CollectorFields.StoreReopensTotal, Interlocked.Read(ref _reopens))];

    private SqliteSampleWriter? OpenLocked()
    {
        if (_store is not null)
        {
            return _store;
        }
        try
        {
            _store = new SqliteSampleWriter(options.Value.DatabasePath);
            LogOpened(_store.DatabasePath);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _lastError = $"cannot open {options.Value.DatabasePath}: {ex.Message}";
            LogOpenFailed(ex, options.Value.DatabasePath);
        }
        return _store;
    }

    /// <summary>The open store when its files are still at the path; otherwise the store reopened there (null when that fails).</summary>
    private SqliteSampleWriter? CheckedLocked() =>
        _store?.FilesChanged() is { } change ? ReopenLocked(change) : OpenLocked();

    private SqliteSampleWriter? ReopenLocked(StoreFileChange change)
    {
        var path = options.Value.DatabasePath;
        LogStoreChanged(change.Text, path);
        var old = _store!;
        _store = null;
        Interlocked.Increment(ref _reopens);
        try
        {
            if (change is { IsDatabase: true, Kind: StoreFileChangeKind.Truncated })
            {
                // Its pages are gone and what is left is damaged: keep it aside for a person to look at and start a
                // new file at the path.
                var aside = $"{path}.truncated-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
                old.Abandon(aside);
                LogMovedAside(path, aside);
            }
            else
            {
                old.Abandon(); // the open minutes belong to the lost file: the new file's roll-ups count its own rows
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCloseFailed(ex, path);
        }
        var reopened = OpenLocked();
        if (reopened is not null)
        {
            LogReopened(path);
        }
        return reopened;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_store is null)
            {
                return;
            }
            try
            {
                _store.Dispose(); // writes the open minutes too: better a short minute than a lost one
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogWriteFailed(ex, 0, options.Value.DatabasePath);
            }
            _store = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store at {Path} (SQLite, WAL)")]
    private partial void LogOpened(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot open the embedded store {Path}; samples are dropped until it opens")]
    private partial void LogOpenFailed(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedded store changed under the Collector: {Change}. Samples written since went nowhere; reopening {Path}")]
    private partial void LogStoreChanged(string change, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The truncated store {Path} (and its -wal and -shm) moved aside to {Aside}; a new store starts at {Path}")]
    private partial void LogMovedAside(string path, string aside);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store {Path} reopened (schema in place); this cycle's samples are written to it")]
    private partial void LogReopened(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the replaced store {Path} failed; it is left behind")]
    private partial void LogCloseFailed(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Samples} samples to {Path} failed; they are dropped, the next cycle retries")]
    private partial void LogWriteFailed(Exception exception, int samples, string path);
}
