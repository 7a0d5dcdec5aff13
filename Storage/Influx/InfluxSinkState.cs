using Storage.Influx.Spool;
using Storage.Samples;

namespace Storage.Influx;

/// <summary>Counters shared by the sink (accepting) and the sender (delivering); the source of <see cref="SinkStatus"/>.</summary>
public sealed class InfluxSinkState : IDisposable
{
    private readonly object _gate = new();
    private long _pointsWritten;
    private long _droppedPoints;
    private long _skippedPoints;
    private DateTimeOffset? _lastSuccess;
    private string? _lastError;

    /// <param name="settingsSection">The configuration section the sink's settings came from (<c>Collector:Influx</c>,
    /// <c>Alerter:Influx</c>), so that messages name the keys the operator actually has to change.</param>
    public InfluxSinkState(InfluxSpool spool, string settingsSection)
    {
        Spool = spool;
        SettingsSection = settingsSection;
    }

    public string SettingsSection { get; }

    public InfluxSpool Spool { get; }

    /// <summary>Released when a batch was spooled, so the sender wakes up at once.</summary>
    public SemaphoreSlim Spooled { get; } = new(0, 1);

    public void NotifySpooled()
    {
        if (Spooled.CurrentCount == 0)
        {
            try
            {
                Spooled.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public void Written(long points, DateTimeOffset at)
    {
        lock (_gate)
        {
            _pointsWritten += points;
            _lastSuccess = at;
            _lastError = null;
        }
    }

    /// <summary>Points given up: rejected by the server as bad data, or the oldest points when the spool bound was hit.</summary>
    public void Dropped(long points)
    {
        lock (_gate)
        {
            _droppedPoints += points;
        }
    }

    /// <summary>Points the encoder could not write (no measurement or no usable field).</summary>
    public void Skipped(long points)
    {
        lock (_gate)
        {
            _skippedPoints += points;
        }
    }

    public void Failed(string error)
    {
        lock (_gate)
        {
            _lastError = error;
        }
    }

    public long SkippedPoints
    {
        get
        {
            lock (_gate)
            {
                return _skippedPoints;
            }
        }
    }

    public SinkStatus ToStatus(string name)
    {
        lock (_gate)
        {
            return new SinkStatus(name, _pointsWritten, Spool.PendingPoints, Spool.PendingBytes, _droppedPoints, _lastSuccess, _lastError);
        }
    }

    public void Dispose()
    {
        Spool.Dispose();
        Spooled.Dispose();
    }
}
