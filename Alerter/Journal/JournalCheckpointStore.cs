using Microsoft.Data.Sqlite;
using Storage.Sqlite;

namespace Alerter.Journal;

/// <summary>Reads and writes <c>journal_checkpoint</c> rows; writes join the caller's transaction and publish the
/// source's health (Storage's <see cref="SqliteAlerterHealth"/>: entries read so far) with it.</summary>
public static class JournalCheckpointStore
{
    public static JournalCheckpoint? Load(SqliteConnection connection, string source, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT cursor, ordinal_state FROM journal_checkpoint WHERE source = $source";
        command.Parameters.AddWithValue("$source", source);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new JournalCheckpoint(source, reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Upserts the cursor and ordinals and adds <paramref name="delta"/> to the counters.</summary>
    public static void Save(SqliteConnection connection, SqliteTransaction transaction, JournalCheckpoint checkpoint, string host, DateTimeOffset now, JournalBatchDelta delta)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO journal_checkpoint (source, host, cursor, ordinal_state, last_scan_unix_ms, last_entry_unix_ms, entries, events, events_inserted, malformed, invalid_utf8)
            VALUES ($source, $host, $cursor, $ordinals, $now, $lastEntry, $entries, $events, $inserted, $malformed, $utf8)
            ON CONFLICT (source) DO UPDATE SET
                host = excluded.host, cursor = COALESCE(excluded.cursor, journal_checkpoint.cursor), ordinal_state = excluded.ordinal_state,
                last_scan_unix_ms = excluded.last_scan_unix_ms,
                last_entry_unix_ms = COALESCE(excluded.last_entry_unix_ms, journal_checkpoint.last_entry_unix_ms),
                entries = journal_checkpoint.entries + excluded.entries,
                events = journal_checkpoint.events + excluded.events,
                events_inserted = journal_checkpoint.events_inserted + excluded.events_inserted,
                malformed = journal_checkpoint.malformed + excluded.malformed,
                invalid_utf8 = journal_checkpoint.invalid_utf8 + excluded.invalid_utf8
            RETURNING entries
            """;
        command.Parameters.AddWithValue("$source", checkpoint.Source);
        command.Parameters.AddWithValue("$host", host);
        command.Parameters.AddWithValue("$cursor", (object?)checkpoint.Cursor ?? DBNull.Value);
        command.Parameters.AddWithValue("$ordinals", checkpoint.OrdinalState);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$lastEntry", (object?)delta.LastEntry?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$entries", delta.Entries);
        command.Parameters.AddWithValue("$events", delta.Events);
        command.Parameters.AddWithValue("$inserted", delta.Inserted);
        command.Parameters.AddWithValue("$malformed", delta.Malformed);
        command.Parameters.AddWithValue("$utf8", delta.InvalidUtf8);
        var entries = (long)command.ExecuteScalar()!;
        new SqliteAlerterHealth(connection, transaction).RecordScan(checkpoint.Source, host, now, entries);
    }

    /// <summary>Records that the source is following with nothing new (keeps <c>last_scan</c> fresh for status and health).</summary>
    public static void Touch(SqliteConnection connection, string source, string host, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction(); // the checkpoint and its published health together
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO journal_checkpoint (source, host, cursor, ordinal_state, last_scan_unix_ms) VALUES ($source, $host, NULL, '', $now)
            ON CONFLICT (source) DO UPDATE SET last_scan_unix_ms = excluded.last_scan_unix_ms
            """;
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$host", host);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        new SqliteAlerterHealth(connection, transaction).RecordScan(source, host, now, position: null);
        transaction.Commit();
    }
}
