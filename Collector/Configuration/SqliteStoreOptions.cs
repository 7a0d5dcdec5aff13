namespace Collector.Configuration;

/// <summary>The embedded store (section <c>Collector:Sqlite</c>); on by default, no configuration needed.</summary>
public sealed class SqliteStoreOptions
{
    public const string Section = "Collector:Sqlite";

    /// <summary>Write samples to SQLite. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Directory of the database file, relative to the working directory or absolute. Default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Database file name inside <see cref="DataDirectory"/>. Default <c>collector.db</c>.</summary>
    public string FileName { get; set; } = "collector.db";

    /// <summary>How long full-resolution samples are kept. Default 24 h.</summary>
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long 1-minute roll-ups (avg and max per numeric field) are kept. Default 30 days.</summary>
    public TimeSpan RollupRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often old rows are pruned and the database size is measured. Default 5 min.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(5);

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
