using Alerter.Store;
using Microsoft.Data.Sqlite;

namespace Alerter.Store;

/// <summary>Delivery's connections come from the host's <see cref="AlerterDatabase"/> (WAL, busy timeout, schemas ensured).</summary>
public sealed class AlerterDatabaseConnections(AlerterDatabase database) : IDeliveryDatabase
{
    public SqliteConnection Open() => database.OpenEnsured();
}
