using Alerter.Store;
using Microsoft.Data.Sqlite;

namespace Alerter.Influx;

/// <summary>
/// <c>influx_event_export</c>: the id of the last <c>haproxy_event</c> row handed to the InfluxDB sink. The events
/// table itself is the queue, so nothing needs copying: the cursor moves only after the sink's spool holds the
/// points (fsynced), and a crash in between exports those rows again, which InfluxDB stores once (same series,
/// same timestamp).
/// </summary>
public sealed class EventExportSchema : IAlerterSchema
{
    public void Ensure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS influx_event_export (
                id            INTEGER PRIMARY KEY CHECK (id = 1),
                last_event_id INTEGER NOT NULL
            );
            """;
        command.ExecuteNonQuery();
    }
}
