using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storage.Reading;
using Storage.Samples;
using Storage.Schema;

namespace Storage.Sqlite;

/// <summary>
/// <see cref="IStorageReader"/> over one node's embedded store: the Collector's database (samples, roll-ups) and,
/// when given, the Alerter's (events, log checkpoints, outbox). Every query opens a read-only connection of its own:
/// under WAL a reader sees the last committed write and never blocks the writer. A file that does not exist (yet)
/// reads as empty, so a page can say "no data" instead of failing. Every read first checks that the files are still
/// those it read last (deleted, replaced, truncated: the pooled connections are dropped), and a file SQLite cannot
/// read fails that one call with <see cref="StoreUnreadableException"/>.
/// </summary>
public sealed partial class SqliteStorageReader : IStorageReader
{
    private static readonly string[] DefaultCatalogue =
        [Measurements.Frontend, Measurements.Backend, Measurements.Server, Measurements.Process, Measurements.System];

    private readonly TimeProvider _time;

    /// <param name="collectorDatabase">The Collector's <c>collector.db</c>.</param>
    /// <param name="alerterDatabase">The Alerter's <c>alerter.db</c> (events, scans, outbox); null when this node has none.</param>
    public SqliteStorageReader(string collectorDatabase, string? alerterDatabase = null, TimeProvider? time = null)
    {
        CollectorDatabase = collectorDatabase;
        AlerterDatabase = alerterDatabase;
        _time = time ?? TimeProvider.System;
    }

    public string CollectorDatabase { get; }

    public string? AlerterDatabase { get; }

    /// <summary>How long raw samples are assumed kept when deciding raw or roll-ups (the Collector's default).</summary>
    public TimeSpan RawRetention { get; init; } = TimeSpan.FromHours(24);

    public Task<Catalogue> GetCatalogueAsync(CatalogueQuery query, CancellationToken cancellationToken) =>
        Task.Run(() => Guarded(() => ReadCatalogue(query, cancellationToken), CollectorDatabase), cancellationToken);

    private Catalogue ReadCatalogue(CatalogueQuery query, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var rows = new List<LatestSample>();
        using var connection = OpenCollector();
        if (connection is null)
        {
            return new Catalogue(now, rows);
        }
        var measurements = query.Measurements is { Count: > 0 } chosen ? chosen : DefaultCatalogue;
        var fieldSets = new FieldSetCache(connection);
        using var command = connection.CreateCommand();
        // One index seek per series (sample_by_series is (series_id, ts)): the newest row without scanning history.
        command.CommandText = $"""
            SELECT s.measurement, s.host, s.proxy, s.server, x.ts, x.field_set, x.vals
            FROM series s
            JOIN sample x ON x.series_id = s.id AND x.ts = (SELECT max(ts) FROM sample WHERE series_id = s.id)
            WHERE s.measurement IN ({Placeholders(command, "m", measurements)})
              AND ($host IS NULL OR s.host = $host) AND x.ts >= $since
            ORDER BY s.host, s.measurement, s.proxy, s.server
            """;
        command.Parameters.AddWithValue("$host", (object?)query.Host ?? DBNull.Value);
        command.Parameters.AddWithValue("$since", (now - (query.MaxAge ?? RawRetention)).ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measurement = reader.GetString(0);
            var schema = StorageSchema.Find(measurement);
            var fields = ValueArrayReader.ReadAll(reader.GetString(6), fieldSets.Names(reader.GetInt64(5)), schema);
            rows.Add(new LatestSample(
                Id(measurement, reader.GetString(1), reader.GetString(2), reader.GetString(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                fields));
        }
        return new Catalogue(now, rows);
    }

    // The Collector creates the file and then its tables: between the two (and before its first start) the store
    // reads as empty rather than failing with "no such table".
    private SqliteConnection? OpenCollector()
    {
        var connection = OpenReadOnly(CollectorDatabase);
        if (connection is not null && !(HasTable(connection, "series") && HasTable(connection, "rollup_1m") && HasTable(connection, "field_set")))
        {
            connection.Dispose();
            return null;
        }
        return connection;
    }

    private SqliteConnection? OpenAlerter() => AlerterDatabase is null ? null : OpenReadOnly(AlerterDatabase);

    private SqliteConnection? OpenReadOnly(string path)
    {
        if (!Refresh(path))
        {
            return null;
        }
        var connection = new SqliteConnection(ReadOnlyConnectionString(path));
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA query_only = 1; PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static string ReadOnlyConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
        DefaultTimeout = 5,
    }.ToString();

    private static bool HasTable(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
        command.Parameters.AddWithValue("$t", table);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static string Placeholders(SqliteCommand command, string prefix, IReadOnlyList<string> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = $"${prefix}{i}";
            command.Parameters.AddWithValue(names[i], values[i]);
        }
        return string.Join(", ", names);
    }

    // The store keeps absent tags as ''; the reader's SeriesId says null.
    private static SeriesId Id(string measurement, string host, string proxy, string server) =>
        new(measurement, host, proxy.Length == 0 ? null : proxy, server.Length == 0 ? null : server);

    /// <summary>The names of each field set, read once per query (the table holds a few dozen rows).</summary>
    private sealed class FieldSetCache(SqliteConnection connection)
    {
        private Dictionary<long, string[]>? _names;

        public string[] Names(long id) => All().TryGetValue(id, out var names) ? names : [];

        private Dictionary<long, string[]> All()
        {
            if (_names is null)
            {
                _names = [];
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id, names FROM field_set";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    _names[reader.GetInt64(0)] = JsonSerializer.Deserialize<string[]>(reader.GetString(1)) ?? [];
                }
            }
            return _names;
        }

        /// <summary>
        /// SQL taking <paramref name="field"/> out of <paramref name="column"/> (a value array) in any field set that has
        /// it (<c>CASE field_set WHEN 3 THEN avg ->> 5 ... END</c>); NULL where the set lacks it. Ids and positions are
        /// numbers from the store itself, never text from a request.
        /// </summary>
        public string Extract(string column, string field)
        {
            var cases = new System.Text.StringBuilder();
            foreach (var (id, names) in All())
            {
                var position = Array.IndexOf(names, field);
                if (position >= 0)
                {
                    cases.Append(System.Globalization.CultureInfo.InvariantCulture, $" WHEN {id} THEN {column} ->> {position}");
                }
            }
            return cases.Length == 0 ? "NULL" : $"CASE field_set{cases} END";
        }

        /// <summary>Where each of <paramref name="fields"/> sits in the set's value array (-1: not in it).</summary>
        public int[] Positions(long id, IReadOnlyList<string> fields)
        {
            var names = Names(id);
            var positions = new int[fields.Count];
            for (var i = 0; i < fields.Count; i++)
            {
                positions[i] = Array.IndexOf(names, fields[i]);
            }
            return positions;
        }
    }
}
