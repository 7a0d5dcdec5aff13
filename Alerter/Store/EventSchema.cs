using Microsoft.Data.Sqlite;
using Storage.Events;

namespace Alerter.Store;

/// <summary><c>haproxy_event</c> in the Alerter's database: the table is Storage's (<see cref="EventTable"/>).</summary>
public sealed class EventSchema : IAlerterSchema
{
    public void Ensure(SqliteConnection connection) => EventTable.Ensure(connection);
}
