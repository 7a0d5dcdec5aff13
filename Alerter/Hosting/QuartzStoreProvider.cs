namespace Alerter.Hosting;

/// <summary>Where Quartz keeps jobs and triggers.</summary>
public enum QuartzStoreProvider
{
    Sqlite,
    Postgres,
}
