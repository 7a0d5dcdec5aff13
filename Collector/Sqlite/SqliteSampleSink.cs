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
/// tries again with a fresh connection.
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
                var store = OpenLocked() ?? throw new InvalidOperationException(_lastError);
                store.Write(samples);
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
                CloseAfterFailure();
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
            return new SinkStatus(Name, _written, 0, 0, _dropped, _lastSuccess, _lastError);
        }
    }

    public IReadOnlyList<KeyValuePair<string, double>> GetMetrics() =>
        [new(CollectorFields.DatabaseBytes, Interlocked.Read(ref _sizeBytes)), new(CollectorFields.RollupOpenSeries, Volatile.Read(ref _openRollupSeries))];

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

    // The next cycle reopens the file; closing also tries to keep the open minutes, which may fail the same way.
    private void CloseAfterFailure()
    {
        try
        {
            _store?.Dispose();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWriteFailed(ex, 0, options.Value.DatabasePath);
        }
        _store = null;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Samples} samples to {Path} failed; they are dropped, the next cycle retries")]
    private partial void LogWriteFailed(Exception exception, int samples, string path);
}
