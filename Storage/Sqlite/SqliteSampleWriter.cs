using Storage.Samples;

namespace Storage.Sqlite;

/// <summary>
/// The embedded store's writer: each batch of samples in one transaction, the 1-minute roll-ups (avg and max of every
/// numeric field) folded in as minutes complete. One writer per database file; readers use
/// the store's reader on read-only connections (WAL: neither blocks the other). Not thread-safe: the
/// caller serialises calls.
/// </summary>
public sealed class SqliteSampleWriter : IDisposable
{
    private readonly SqliteStore _store;
    private readonly RollupAccumulator _rollups = new();
    private List<RollupRow> _pendingRollups = [];

    /// <summary>Opens (creating when missing) the database at <paramref name="databasePath"/>.</summary>
    public SqliteSampleWriter(string databasePath) => _store = new SqliteStore(databasePath);

    public string DatabasePath => _store.DatabasePath;

    /// <summary>Series with a minute still open in the roll-up accumulator.</summary>
    public int OpenRollupSeries => _rollups.OpenBuckets;

    /// <summary>
    /// Writes <paramref name="samples"/> and the roll-ups of minutes completed before (written with the next batch,
    /// so a minute is complete when every series of the cycle has passed it).
    /// </summary>
    public void Write(IReadOnlyList<Sample> samples)
    {
        var completed = new List<RollupRow>();
        _store.Write(samples, _pendingRollups, _rollups, (i, id, slots) =>
            _rollups.Add(id, samples[i].Timestamp.ToUnixTimeMilliseconds(), slots, samples[i].Fields, completed));
        if (samples.Count > 0)
        {
            var earliest = samples.Min(s => s.Timestamp.ToUnixTimeMilliseconds());
            _rollups.CompleteBefore(earliest - earliest % RollupAccumulator.MinuteMs, completed);
        }
        _pendingRollups = completed;
    }

    /// <summary>Deletes raw samples older than <paramref name="rawCutoff"/> and roll-ups older than <paramref name="rollupCutoff"/>.</summary>
    /// <returns>Rows deleted.</returns>
    public long Prune(DateTimeOffset rawCutoff, DateTimeOffset rollupCutoff) => _store.Prune(rawCutoff, rollupCutoff);

    /// <summary>Database plus WAL file size in bytes.</summary>
    public long SizeBytes() => _store.SizeBytes();

    /// <summary>Writes what is pending, partial minutes too (better a short minute than a lost one), and closes the file.</summary>
    public void Dispose()
    {
        try
        {
            var rest = new List<RollupRow>(_pendingRollups);
            _rollups.CompleteAll(rest);
            _store.WriteRollups(rest);
        }
        finally
        {
            _store.Dispose();
        }
    }
}
