namespace Storage.Sqlite;

/// <summary>
/// The embedded store's tables (see Collector/README.md for why): a <c>series</c> row per measurement and tag
/// set, a <c>field_set</c> row per distinct list of field names, one <c>sample</c> row per series and poll with
/// its values as a JSON array aligned with its field set, and <c>rollup_1m</c> with per-minute avg and max of
/// every numeric field. The views give every row its fields back as a JSON object (<c>json_extract</c>).
/// </summary>
public static class SqliteSchema
{
    /// <summary><c>PRAGMA user_version</c>: 2 = field sets and value arrays (1 was a JSON object per row).</summary>
    public const int Version = 2;

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
        CREATE TABLE IF NOT EXISTS field_set (
            id    INTEGER PRIMARY KEY,
            names TEXT NOT NULL UNIQUE
        );
        CREATE TABLE IF NOT EXISTS sample (
            series_id INTEGER NOT NULL,
            ts        INTEGER NOT NULL,
            field_set INTEGER NOT NULL,
            vals      TEXT NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS sample_by_series ON sample (series_id, ts);
        CREATE TABLE IF NOT EXISTS rollup_1m (
            series_id INTEGER NOT NULL,
            ts        INTEGER NOT NULL,
            samples   INTEGER NOT NULL,
            field_set INTEGER NOT NULL,
            avg       TEXT NOT NULL,
            max       TEXT NOT NULL,
            PRIMARY KEY (series_id, ts)
        ) WITHOUT ROWID;
        CREATE VIEW IF NOT EXISTS sample_view AS
            SELECT s.measurement, s.host, s.proxy, s.server, s.tags, x.ts,
                   (SELECT json_group_object(n.value, x.vals -> n.key) FROM json_each(f.names) n) AS fields
            FROM sample x JOIN series s ON s.id = x.series_id JOIN field_set f ON f.id = x.field_set;
        CREATE VIEW IF NOT EXISTS rollup_1m_view AS
            SELECT s.measurement, s.host, s.proxy, s.server, s.tags, r.ts, r.samples,
                   (SELECT json_group_object(n.value, r.avg -> n.key) FROM json_each(f.names) n) AS avg,
                   (SELECT json_group_object(n.value, r.max -> n.key) FROM json_each(f.names) n) AS max
            FROM rollup_1m r JOIN series s ON s.id = r.series_id JOIN field_set f ON f.id = r.field_set;
        PRAGMA user_version = 2;
        """;

    /// <summary>True when the file holds the version 1 layout (a <c>fields</c> JSON object per sample row).</summary>
    public const string IsVersion1 = "SELECT count(*) FROM pragma_table_info('sample') WHERE name = 'fields'";

    /// <summary>
    /// Per-connection settings of the writer: WAL needs only NORMAL sync to be crash-safe; the page cache is
    /// bounded (8 MB) and no file is memory-mapped, so the store's share of resident memory stays fixed.
    /// </summary>
    public const string WriterPragmas = """
        PRAGMA synchronous = NORMAL;
        PRAGMA busy_timeout = 5000;
        PRAGMA cache_size = -8192;
        PRAGMA mmap_size = 0;
        PRAGMA temp_store = MEMORY;
        """;
}
