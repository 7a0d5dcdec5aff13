using Storage.Schema;
using Storage.Samples;
using Microsoft.Data.Sqlite;

namespace Storage.Sqlite;

/// <summary>
/// The one writer connection to the embedded database (WAL, so readers never block it nor it them).
/// Serialises writes and maintenance; every method is synchronous because SQLite is.
/// </summary>
public sealed class SqliteStore : IDisposable
{
    private readonly object _gate = new();
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, long> _seriesIds = new(StringComparer.Ordinal);
    private readonly Dictionary<StandardSeries, SeriesState> _standardSeries = [];
    private readonly Dictionary<long, SeriesState> _seriesStates = [];
    private FieldSetRegistry _fieldSets = new();
    private readonly ValueArrayWriter _values = new();
    private readonly RawStatement _insertSample;
    private readonly RawStatement _insertRollup;
    private readonly RawStatement _upsertFieldSet;
    private readonly SqliteCommand _upsertSeries;

    public SqliteStore(string databasePath)
    {
        DatabasePath = databasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        _connection = new SqliteConnection(ConnectionString(databasePath, readOnly: false));
        _connection.Open();
        if (Scalar(SqliteSchema.IsVersion1) > 0)
        {
            _connection.Dispose();
            throw new InvalidOperationException(
                $"{databasePath} holds the embedded store's first layout (a JSON object per sample row), which this version does not write. Move or delete the file (and its -wal and -shm files) and start again.");
        }
        Execute(SqliteSchema.Create);
        Execute(SqliteSchema.WriterPragmas);
        _insertSample = new RawStatement(_connection, "INSERT OR REPLACE INTO sample (series_id, ts, field_set, vals) VALUES (?1, ?2, ?3, ?4)");
        _insertRollup = new RawStatement(_connection, "INSERT OR REPLACE INTO rollup_1m (series_id, ts, samples, field_set, avg, max) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        _upsertFieldSet = new RawStatement(_connection, "INSERT INTO field_set (names) VALUES (?1) ON CONFLICT (names) DO UPDATE SET names = excluded.names RETURNING id");
        _upsertSeries = Prepare("""
            INSERT INTO series (key, measurement, host, proxy, server, tags) VALUES ($k, $me, $h, $p, $sv, $tg)
            ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id
            """, "$k", "$me", "$h", "$p", "$sv", "$tg");
    }

    public string DatabasePath { get; }

    /// <summary>A connection string for another process or connection (<paramref name="readOnly"/> for the Dashboard).</summary>
    public static string ConnectionString(string databasePath, bool readOnly) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();

    /// <summary>Writes samples (and any completed roll-ups) in one transaction; on failure nothing of it is stored.</summary>
    /// <param name="onSample">Called per sample with its series id and the roll-up slots of its field set, before the
    /// commit: a caller keeps what it learns until this method returns, since a failed commit stores none of it.</param>
    public void Write(IReadOnlyList<Sample> samples, IReadOnlyList<RollupRow> rollups, RollupAccumulator? accumulator = null, Action<int, long, int[]>? onSample = null)
    {
        lock (_gate)
        {
            try
            {
                WriteLocked(samples, rollups, accumulator, onSample);
            }
            catch
            {
                ForgetIdsLocked();
                throw;
            }
        }
    }

    private void WriteLocked(IReadOnlyList<Sample> samples, IReadOnlyList<RollupRow> rollups, RollupAccumulator? accumulator, Action<int, long, int[]>? onSample)
    {
        using var transaction = _connection.BeginTransaction();
        _upsertSeries.Transaction = transaction;
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            var series = Series(sample);
            var set = _fieldSets.Find(sample.Fields, series.LastFieldSet) ?? NewFieldSet(FieldSetRegistry.StoredNames(sample.Fields));
            series.LastFieldSet = set;
            _insertSample.Bind(1, series.Id);
            _insertSample.Bind(2, sample.Timestamp.ToUnixTimeMilliseconds());
            _insertSample.Bind(3, set.Id);
            _insertSample.BindText(4, _values.Write(sample.Fields));
            _insertSample.Execute();
            if (accumulator is not null)
            {
                set.RollupSlots ??= accumulator.SlotsFor(set.Names);
                onSample?.Invoke(i, series.Id, set.RollupSlots);
            }
        }
        WriteRollupsLocked(rollups);
        transaction.Commit();
    }

    public void WriteRollups(IReadOnlyList<RollupRow> rollups)
    {
        lock (_gate)
        {
            try
            {
                using var transaction = _connection.BeginTransaction();
                WriteRollupsLocked(rollups);
                transaction.Commit();
            }
            catch
            {
                ForgetIdsLocked();
                throw;
            }
        }
    }

    // A failed transaction (disk full, I/O error) is rolled back, and with it the series and field-set rows it
    // created: ids cached from it would point at nothing. Forget them all; the next write finds or creates them again
    // (the upserts return the id a row already has).
    private void ForgetIdsLocked()
    {
        _seriesIds.Clear();
        _standardSeries.Clear();
        _seriesStates.Clear();
        _fieldSets = new FieldSetRegistry();
    }

    /// <summary>Deletes samples older than <paramref name="rawCutoff"/> and roll-ups older than <paramref name="rollupCutoff"/>, a batch of series per transaction.</summary>
    /// <returns>Rows deleted.</returns>
    public long Prune(DateTimeOffset rawCutoff, DateTimeOffset rollupCutoff, int seriesPerBatch = 500)
    {
        long[] series;
        lock (_gate)
        {
            using var list = _connection.CreateCommand();
            list.CommandText = "SELECT id FROM series ORDER BY id";
            using var reader = list.ExecuteReader();
            var ids = new List<long>();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
            series = ids.ToArray();
        }
        long deleted = 0;
        foreach (var batch in series.Chunk(seriesPerBatch))
        {
            lock (_gate) // released between batches so a poll cycle's write never waits long
            {
                using var transaction = _connection.BeginTransaction();
                using var raw = _connection.CreateCommand();
                raw.Transaction = transaction;
                raw.CommandText = "DELETE FROM sample WHERE series_id = $s AND ts < $t";
                var rawSeries = raw.Parameters.Add("$s", SqliteType.Integer);
                raw.Parameters.AddWithValue("$t", rawCutoff.ToUnixTimeMilliseconds());
                using var rolled = _connection.CreateCommand();
                rolled.Transaction = transaction;
                rolled.CommandText = "DELETE FROM rollup_1m WHERE series_id = $s AND ts < $t";
                var rolledSeries = rolled.Parameters.Add("$s", SqliteType.Integer);
                rolled.Parameters.AddWithValue("$t", rollupCutoff.ToUnixTimeMilliseconds());
                foreach (var id in batch)
                {
                    rawSeries.Value = rolledSeries.Value = id;
                    deleted += raw.ExecuteNonQuery() + rolled.ExecuteNonQuery();
                }
                transaction.Commit();
            }
        }
        return deleted;
    }

    /// <summary>
    /// Copies the WAL's commits into the database file this connection has open (whatever its name now) and empties the
    /// WAL. SQLite skips that when it closes a connection whose file was moved or deleted, and then leaves its WAL at the
    /// old path, where it would be replayed over whatever database comes next.
    /// </summary>
    public void CheckpointAndTruncateWal()
    {
        lock (_gate)
        {
            Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /// <summary>Database plus WAL file size in bytes.</summary>
    public long SizeBytes()
    {
        long pages, pageSize;
        lock (_gate)
        {
            pages = Scalar("PRAGMA page_count");
            pageSize = Scalar("PRAGMA page_size");
        }
        var wal = new FileInfo(DatabasePath + "-wal");
        return pages * pageSize + (wal.Exists ? wal.Length : 0);
    }

    private SeriesState Series(Sample sample)
    {
        // Samples tagged only with host/proxy/server (all proxy rows) are found without building the key text.
        var standard = SeriesKey.Standard(sample);
        if (standard is { } tuple && _standardSeries.TryGetValue(tuple, out var known))
        {
            return known;
        }
        var key = SeriesKey.Of(sample);
        if (!_seriesIds.TryGetValue(key, out var id))
        {
            var p = _upsertSeries.Parameters;
            p[0].Value = key;
            p[1].Value = sample.Measurement;
            p[2].Value = sample.GetTag(Measurements.HostTag) ?? "";
            p[3].Value = sample.GetTag(Measurements.ProxyTag) ?? "";
            p[4].Value = sample.GetTag(Measurements.ServerTag) ?? "";
            p[5].Value = SeriesKey.ExtraTagsJson(sample);
            id = (long)_upsertSeries.ExecuteScalar()!;
            _seriesIds[key] = id;
        }
        if (!_seriesStates.TryGetValue(id, out var state))
        {
            _seriesStates[id] = state = new SeriesState(id);
        }
        if (standard is { } newTuple)
        {
            _standardSeries[newTuple] = state;
        }
        return state;
    }

    private FieldSet NewFieldSet(string[] names)
    {
        if (_fieldSets.Find(names) is { } known)
        {
            return known;
        }
        _upsertFieldSet.BindText(1, _values.Write(names));
        var set = new FieldSet(_upsertFieldSet.ExecuteScalar(), names);
        _fieldSets.Add(set);
        return set;
    }

    private void WriteRollupsLocked(IReadOnlyList<RollupRow> rollups)
    {
        foreach (var row in rollups)
        {
            var names = new string[row.Fields.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = row.Fields[i].Name;
            }
            var set = NewFieldSet(names);
            _insertRollup.Bind(1, row.SeriesId);
            _insertRollup.Bind(2, row.MinuteUnixMs);
            _insertRollup.Bind(3, row.Samples);
            _insertRollup.Bind(4, set.Id);
            _insertRollup.BindText(5, _values.Write(row.Fields, maximum: false));
            _insertRollup.BindText(6, _values.Write(row.Fields, maximum: true));
            _insertRollup.Execute();
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class SeriesState(long id)
    {
        public long Id { get; } = id;

        public FieldSet? LastFieldSet { get; set; }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _insertSample.Dispose();
            _insertRollup.Dispose();
            _upsertFieldSet.Dispose();
            _upsertSeries.Dispose();
            _connection.Dispose();
        }
    }
}
