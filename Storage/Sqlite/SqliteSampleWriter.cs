using Storage.Samples;

namespace Storage.Sqlite;

/// <summary>
/// The embedded store's writer: each batch of samples in one transaction, the 1-minute roll-ups (avg and max of every
/// numeric field) folded in as minutes complete. One writer per database file; readers use
/// the store's reader on read-only connections (WAL: neither blocks the other). Not thread-safe: the
/// caller serialises calls.
/// </summary>
/// <remarks>
/// A batch that fails (disk full, I/O error) is rolled back whole, and the roll-ups learn of it only after its commit:
/// the open minute's roll-up always counts exactly the raw rows that were kept, and roll-ups waiting to be written
/// stay waiting. Keep the writer after a failed batch (it needs no reopening); reopen it only for a file that was
/// deleted, replaced or truncated under it (<see cref="FilesChanged"/>).
/// </remarks>
public sealed class SqliteSampleWriter : IDisposable
{
    private readonly SqliteStore _store;
    private readonly RollupAccumulator _rollups = new();
    private List<RollupRow> _pendingRollups = [];
    private (long SeriesId, int[] Slots)[] _written = [];
    private StoreFiles _files;

    /// <summary>Opens (creating when missing) the database at <paramref name="databasePath"/>.</summary>
    public SqliteSampleWriter(string databasePath)
    {
        _store = new SqliteStore(databasePath);
        _files = StoreFiles.Take(databasePath);
    }

    public string DatabasePath => _store.DatabasePath;

    /// <summary>Series with a minute still open in the roll-up accumulator.</summary>
    public int OpenRollupSeries => _rollups.OpenBuckets;

    /// <summary>
    /// Whether the files this writer has open are still the ones at its path (as opened, and no smaller than after its
    /// last successful write); null when they are. Three <c>statx</c> calls.
    /// </summary>
    public StoreFileChange? FilesChanged() => StoreFiles.Take(DatabasePath).ChangeSince(_files);

    /// <summary>
    /// Writes <paramref name="samples"/> and the roll-ups of minutes completed before (written with the next batch,
    /// so a minute is complete when every series of the cycle has passed it).
    /// </summary>
    public void Write(IReadOnlyList<Sample> samples)
    {
        if (_written.Length < samples.Count)
        {
            _written = new (long, int[])[samples.Count];
        }
        _store.Write(samples, _pendingRollups, _rollups, (i, id, slots) => _written[i] = (id, slots));
        // Committed: only now do the samples count in their minute's roll-up.
        var completed = new List<RollupRow>();
        for (var i = 0; i < samples.Count; i++)
        {
            var (id, slots) = _written[i];
            _rollups.Add(id, samples[i].Timestamp.ToUnixTimeMilliseconds(), slots, samples[i].Fields, completed);
            _written[i] = default;
        }
        if (samples.Count > 0)
        {
            var earliest = samples.Min(s => s.Timestamp.ToUnixTimeMilliseconds());
            _rollups.CompleteBefore(earliest - earliest % RollupAccumulator.MinuteMs, completed);
        }
        _pendingRollups = completed;
        // Grown files are the new baseline; a file that went during this write is not: the change must stay visible.
        var now = StoreFiles.Take(DatabasePath);
        if (now.ChangeSince(_files) is null)
        {
            _files = now;
        }
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

    /// <summary>
    /// Closes a store whose files changed under it (<see cref="FilesChanged"/>), without writing the open minutes: they
    /// belong to a file that is gone or damaged. With <paramref name="moveAsideTo"/> the database and its <c>-wal</c> and
    /// <c>-shm</c> are first renamed to that name (a truncated file, kept for a person to look at). Otherwise the WAL's
    /// commits go into the database file still open (a file moved elsewhere keeps them), and this store's own
    /// <c>-wal</c> and <c>-shm</c> are removed from the path: SQLite leaves them there when the database was moved or
    /// deleted, and the next database opened at the path would replay them as its own.
    /// </summary>
    public void Abandon(string? moveAsideTo = null)
    {
        var opened = _files;
        try
        {
            if (moveAsideTo is not null)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    if (File.Exists(DatabasePath + suffix))
                    {
                        File.Move(DatabasePath + suffix, moveAsideTo + suffix, overwrite: true);
                    }
                }
                return;
            }
            _store.CheckpointAndTruncateWal();
        }
        finally
        {
            _store.Dispose();
            if (moveAsideTo is null)
            {
                var now = StoreFiles.Take(DatabasePath);
                RemoveIfSame(DatabasePath + "-wal", opened.Wal, now.Wal);
                RemoveIfSame(DatabasePath + "-shm", opened.Shm, now.Shm);
            }
        }
    }

    private static void RemoveIfSame(string path, StoreFile? opened, StoreFile? now)
    {
        if (opened is { } was && now is { } @is && @is.IsSameFile(was))
        {
            File.Delete(path);
        }
    }
}
