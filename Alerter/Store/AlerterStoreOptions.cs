namespace Alerter.Store;

/// <summary>Where the Alerter keeps its own durable state (checkpoints, events, outbox). Section <c>Store</c>.</summary>
public sealed class AlerterStoreOptions
{
    public const string Section = "Store";

    /// <summary>Directory for the SQLite database. Default <c>data</c> (relative to the working directory).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Database file name inside <see cref="DataDirectory"/>. Default <c>alerter.db</c>.</summary>
    public string DatabaseFile { get; set; } = "alerter.db";

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, DatabaseFile));
}
