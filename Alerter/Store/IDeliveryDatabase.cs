using Microsoft.Data.Sqlite;

namespace Alerter.Store;

/// <summary>Opens connections to the Alerter database (schemas ensured). One line to swap for the host's database class.</summary>
public interface IDeliveryDatabase
{
    SqliteConnection Open();
}
