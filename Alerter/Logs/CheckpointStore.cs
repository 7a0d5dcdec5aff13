using Microsoft.Data.Sqlite;
using Storage.Sqlite;

namespace Alerter.Logs;

/// <summary>Reads and writes <c>log_checkpoint</c> rows; writes join the caller's transaction and publish the source's
/// health (Storage's <see cref="SqliteAlerterHealth"/>) with it.</summary>
public static class CheckpointStore
{
    public static LogCheckpoint? Load(SqliteConnection connection, string path, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT device, inode, offset, fingerprint_len, fingerprint, ordinal_state, observed_unix_ms, copies_read_through_ticks FROM log_checkpoint WHERE path = $path";
        command.Parameters.AddWithValue("$path", path);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        return new LogCheckpoint(path, new FileIdentity(reader.GetInt64(0), reader.GetInt64(1)), reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)), new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero));
    }

    /// <summary>Upserts the position and adds <paramref name="delta"/> to the cumulative counters.</summary>
    public static void Save(SqliteConnection connection, SqliteTransaction transaction, LogCheckpoint checkpoint, string host, long fileSize, DateTimeOffset now, FileScanDelta delta, string? action)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO log_checkpoint (path, host, device, inode, offset, fingerprint_len, fingerprint, ordinal_state, file_size,
                last_scan_unix_ms, observed_unix_ms, copies_read_through_ticks, last_event_unix_ms, bytes_scanned, events, events_inserted, malformed, overlong, invalid_utf8, rotations, last_action)
            VALUES ($path, $host, $device, $inode, $offset, $fplen, $fp, $ordinals, $size,
                $now, $observed, $copies, $lastEvent, $bytes, $events, $inserted, $malformed, $overlong, $utf8, $rotations, $action)
            ON CONFLICT (path) DO UPDATE SET
                host = excluded.host, device = excluded.device, inode = excluded.inode, offset = excluded.offset,
                fingerprint_len = excluded.fingerprint_len, fingerprint = excluded.fingerprint, ordinal_state = excluded.ordinal_state,
                file_size = excluded.file_size, last_scan_unix_ms = excluded.last_scan_unix_ms, observed_unix_ms = excluded.observed_unix_ms, copies_read_through_ticks = excluded.copies_read_through_ticks,
                last_event_unix_ms = COALESCE(excluded.last_event_unix_ms, log_checkpoint.last_event_unix_ms),
                bytes_scanned = log_checkpoint.bytes_scanned + excluded.bytes_scanned,
                events = log_checkpoint.events + excluded.events,
                events_inserted = log_checkpoint.events_inserted + excluded.events_inserted,
                malformed = log_checkpoint.malformed + excluded.malformed,
                overlong = log_checkpoint.overlong + excluded.overlong,
                invalid_utf8 = log_checkpoint.invalid_utf8 + excluded.invalid_utf8,
                rotations = log_checkpoint.rotations + excluded.rotations,
                last_action = COALESCE(excluded.last_action, log_checkpoint.last_action)
            """;
        command.Parameters.AddWithValue("$path", checkpoint.Path);
        command.Parameters.AddWithValue("$host", host);
        command.Parameters.AddWithValue("$device", checkpoint.Identity.Device);
        command.Parameters.AddWithValue("$inode", checkpoint.Identity.Inode);
        command.Parameters.AddWithValue("$offset", checkpoint.Offset);
        command.Parameters.AddWithValue("$fplen", checkpoint.FingerprintLength);
        command.Parameters.AddWithValue("$fp", checkpoint.Fingerprint);
        command.Parameters.AddWithValue("$ordinals", checkpoint.OrdinalState);
        command.Parameters.AddWithValue("$size", fileSize);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$observed", checkpoint.ObservedUtc.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$copies", checkpoint.CopiesReadThrough.UtcTicks);
        command.Parameters.AddWithValue("$lastEvent", (object?)delta.LastEvent?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$bytes", delta.Bytes);
        command.Parameters.AddWithValue("$events", delta.Events);
        command.Parameters.AddWithValue("$inserted", delta.Inserted);
        command.Parameters.AddWithValue("$malformed", delta.Malformed);
        command.Parameters.AddWithValue("$overlong", delta.Overlong);
        command.Parameters.AddWithValue("$utf8", delta.InvalidUtf8);
        command.Parameters.AddWithValue("$rotations", delta.Rotations);
        command.Parameters.AddWithValue("$action", (object?)action ?? DBNull.Value);
        command.ExecuteNonQuery();
        new SqliteAlerterHealth(connection, transaction).RecordScan(checkpoint.Path, host, now, checkpoint.Offset);
    }

    /// <summary>Records a scan that read nothing (keeps <c>last_scan</c> fresh for <c>alerter status</c>).</summary>
    public static void Touch(SqliteConnection connection, string path, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction(); // the checkpoint and its published health together
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE log_checkpoint SET last_scan_unix_ms = $now WHERE path = $path";
        command.Parameters.AddWithValue("$path", path);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        new SqliteAlerterHealth(connection, transaction).TouchScan(path, now);
        transaction.Commit();
    }
}
