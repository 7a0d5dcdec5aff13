using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using TestSupport;

namespace Alerter.Tests.Support;

/// <summary>
/// The real Collector (<c>collector.dll</c> from its own bin folder, built first through a build-order-only project
/// reference) as a child process polling one HAProxy into a SQLite store: the numbers the Alerter may check the log
/// against. Returns once the store holds samples of the node's backends.
/// </summary>
public static class CollectorProcess
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private static string Metadata(string key) =>
        typeof(CollectorProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static string Dll => Path.Combine(Metadata("RepositoryRoot"), "Collector", "bin", Metadata("BuildConfiguration"), "net10.0", "collector.dll");

    public static async Task<DotnetProcess> StartAsync(string workingDirectory, string adminSocket, string host, string dataDirectory)
    {
        var collector = DotnetProcess.Start(Dll, DotnetProcess.SettingsArguments(new Dictionary<string, string?>
        {
            ["Collector:Endpoints:0:Address"] = adminSocket,
            ["Collector:Endpoints:0:Host"] = host,
            ["Collector:Interval"] = Interval.ToString(),
            ["Collector:Sqlite:DataDirectory"] = dataDirectory,
            ["Collector:Health:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        }), workingDirectory);
        var database = Path.Combine(dataDirectory, "collector.db");
        try
        {
            await Poll.UntilAsync(() => collector.HasExited || BackendSamples(database) >= 2, TimeSpan.FromSeconds(90),
                () => $"no backend samples in {database}\ncollector:\n{collector.Output}");
            if (collector.HasExited)
            {
                throw new InvalidOperationException("collector exited:\n" + collector.Output);
            }
        }
        catch
        {
            collector.Dispose();
            throw;
        }
        return collector;
    }

    private static long BackendSamples(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }
        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sample x JOIN series s ON s.id = x.series_id WHERE s.measurement = 'haproxy_backend'";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }
}
