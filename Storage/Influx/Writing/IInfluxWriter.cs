using Storage.Influx.Spool;

namespace Storage.Influx.Writing;

/// <summary>The network edge of the sink: sends one spooled batch, turns every outcome into a value.</summary>
public interface IInfluxWriter
{
    Task<InfluxWriteResult> WriteAsync(SpoolRecord record, CancellationToken cancellationToken);

    /// <summary>V1: <c>CREATE DATABASE</c> for the configured database; false when the server refused.</summary>
    Task<bool> CreateDatabaseAsync(CancellationToken cancellationToken);
}
