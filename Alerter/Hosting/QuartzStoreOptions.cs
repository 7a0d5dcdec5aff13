namespace Alerter.Hosting;

/// <summary>Quartz job store. Section <c>Alerter:Quartz</c>.</summary>
public sealed class QuartzStoreOptions
{
    public const string Section = "Alerter:Quartz";

    /// <summary><c>Sqlite</c> (default: one alerter per database file) or <c>Postgres</c> (several alerters
    /// share one clustered store).</summary>
    public QuartzStoreProvider Provider { get; set; } = QuartzStoreProvider.Sqlite;

    /// <summary>SQLite job store file. Default: <c>alerter.quartz.db</c> beside the alerter database.</summary>
    public string? SqliteFile { get; set; }

    /// <summary>PostgreSQL connection string (Npgsql). A secret: set it through the environment
    /// (<c>MONITORING__Alerter__Quartz__ConnectionString</c>) or <see cref="ConnectionStringFile"/>; never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>A file whose content is the PostgreSQL connection string (e.g. a mounted secret).</summary>
    public string? ConnectionStringFile { get; set; }

    /// <summary>Clustered PostgreSQL store: each firing runs on one node. Default true.</summary>
    public bool Clustered { get; set; } = true;

    /// <summary>How often a clustered node checks in. Default 5 s.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after a missed check-in a node is considered dead and its jobs recovered. Default 15 s.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Quartz scheduler name; nodes of one cluster share it. Default <c>alerter</c>.</summary>
    public string SchedulerName { get; set; } = "alerter";

    /// <summary>Resolved PostgreSQL connection string (from the file when set).</summary>
    public string? ResolveConnectionString()
        => !string.IsNullOrWhiteSpace(ConnectionStringFile) && File.Exists(ConnectionStringFile)
            ? File.ReadAllText(ConnectionStringFile).Trim()
            : ConnectionString;
}
