using Collector.Samples;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The one writer connection to the embedded database (WAL, so readers never block it nor it them).
/// Serialises writes and maintenance; every method is synchronous because SQLite is.
/// </summary>
public sealed class SqliteStore : IDisposable
{
    private readonly object _gate = new();
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, long> _seriesIds = new(StringComparer.Ordinal);
    private readonly FieldJson _json = new();
    private readonly SqliteCommand _insertSample;
    private readonly SqliteCommand _insertRollup;
    private readonly SqliteCommand _upsertSeries;

    public SqliteStore(string databasePath)
    {
        DatabasePath = databasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        _connection = new SqliteConnection(ConnectionString(databasePath, readOnly: false));
        _connection.Open();
        Execute(SqliteSchema.Create);
        Execute(SqliteSchema.WriterPragmas);
        _insertSample = Prepare("INSERT OR REPLACE INTO sample (series_id, ts, fields) VALUES ($s, $t, $f)", "$s", "$t", "$f");
        _insertRollup = Prepare("INSERT OR REPLACE INTO rollup_1m (series_id, ts, samples, avg, max) VALUES ($s, $t, $n, $a, $m)", "$s", "$t", "$n", "$a", "$m");
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

    /// <summary>Writes samples (and any completed roll-ups) in one transaction.</summary>
    /// <returns>The series ids of the samples, in order.</returns>
    public long[] Write(IReadOnlyList<Sample> samples, IReadOnlyList<RollupRow> rollups, Action<int, long>? onSeries = null)
    {
        lock (_gate)
        {
            var ids = new long[samples.Count];
            using var transaction = _connection.BeginTransaction();
            _insertSample.Transaction = _insertRollup.Transaction = _upsertSeries.Transaction = transaction;
            for (var i = 0; i < samples.Count; i++)
            {
                var sample = samples[i];
                var id = SeriesId(sample);
                ids[i] = id;
                _insertSample.Parameters[0].Value = id;
                _insertSample.Parameters[1].Value = sample.Timestamp.ToUnixTimeMilliseconds();
                _insertSample.Parameters[2].Value = _json.Write(sample.Fields);
                _insertSample.ExecuteNonQuery();
                onSeries?.Invoke(i, id);
            }
            WriteRollupsLocked(rollups);
            transaction.Commit();
            return ids;
        }
    }

    public void WriteRollups(IReadOnlyList<RollupRow> rollups)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            _insertRollup.Transaction = transaction;
            WriteRollupsLocked(rollups);
            transaction.Commit();
        }
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

    private long SeriesId(Sample sample)
    {
        var key = SeriesKey.Of(sample);
        if (_seriesIds.TryGetValue(key, out var id))
        {
            return id;
        }
        var p = _upsertSeries.Parameters;
        p[0].Value = key;
        p[1].Value = sample.Measurement;
        p[2].Value = sample.GetTag("host") ?? "";
        p[3].Value = sample.GetTag("proxy") ?? "";
        p[4].Value = sample.GetTag("server") ?? "";
        p[5].Value = SeriesKey.ExtraTagsJson(sample);
        id = (long)_upsertSeries.ExecuteScalar()!;
        _seriesIds[key] = id;
        return id;
    }

    private void WriteRollupsLocked(IReadOnlyList<RollupRow> rollups)
    {
        foreach (var row in rollups)
        {
            var p = _insertRollup.Parameters;
            p[0].Value = row.SeriesId;
            p[1].Value = row.MinuteUnixMs;
            p[2].Value = row.Samples;
            p[3].Value = Json(row.Fields, f => f.Average);
            p[4].Value = Json(row.Fields, f => f.Maximum);
            _insertRollup.ExecuteNonQuery();
        }
    }

    private string Json(IReadOnlyList<RollupField> fields, Func<RollupField, double> pick)
    {
        var list = new KeyValuePair<string, FieldValue>[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            list[i] = new(fields[i].Name, FieldValue.Of(pick(fields[i])));
        }
        return _json.Write(list);
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

    public void Dispose()
    {
        lock (_gate)
        {
            _insertSample.Dispose();
            _insertRollup.Dispose();
            _upsertSeries.Dispose();
            _connection.Dispose();
        }
    }
}
