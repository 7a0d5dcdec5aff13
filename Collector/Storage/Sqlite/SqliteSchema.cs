namespace Collector.Storage.Sqlite;

/// <summary>
/// The embedded store's tables (see Collector/README.md for why): a <c>series</c> row per measurement and
/// tag set, one <c>sample</c> row per series and poll with the fields as compact JSON (queryable with
/// <c>json_extract</c>), clustered by (series, time) so one server over time is one range read, and
/// <c>rollup_1m</c> with per-minute avg and max of every numeric field.
/// </summary>
public static class SqliteSchema
{
    public const int Version = 1;

    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS series (
            id          INTEGER PRIMARY KEY,
            key         TEXT NOT NULL UNIQUE,
            measurement TEXT NOT NULL,
            host        TEXT NOT NULL DEFAULT '',
            proxy       TEXT NOT NULL DEFAULT '',
            server      TEXT NOT NULL DEFAULT '',
            tags        TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX IF NOT EXISTS series_by_name ON series (measurement, host, proxy, server);
        CREATE TABLE IF NOT EXISTS sample (
            series_id INTEGER NOT NULL,
            ts        INTEGER NOT NULL,
            fields    TEXT NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS sample_by_series ON sample (series_id, ts);
        CREATE TABLE IF NOT EXISTS rollup_1m (
            series_id INTEGER NOT NULL,
            ts        INTEGER NOT NULL,
            samples   INTEGER NOT NULL,
            avg       TEXT NOT NULL,
            max       TEXT NOT NULL,
            PRIMARY KEY (series_id, ts)
        ) WITHOUT ROWID;
        CREATE VIEW IF NOT EXISTS sample_view AS
            SELECT s.measurement, s.host, s.proxy, s.server, s.tags, x.ts, x.fields
            FROM sample x JOIN series s ON s.id = x.series_id;
        CREATE VIEW IF NOT EXISTS rollup_1m_view AS
            SELECT s.measurement, s.host, s.proxy, s.server, s.tags, r.ts, r.samples, r.avg, r.max
            FROM rollup_1m r JOIN series s ON s.id = r.series_id;
        """;

    /// <summary>Per-connection settings of the writer: WAL needs only NORMAL sync to be crash-safe.</summary>
    public const string WriterPragmas = """
        PRAGMA synchronous = NORMAL;
        PRAGMA busy_timeout = 5000;
        PRAGMA cache_size = -16384;
        PRAGMA temp_store = MEMORY;
        """;
}
