using System.Reflection;

namespace Dashboard.Web.Tests.Support;

/// <summary>Where the suite's built executables are: dashboard.dll beside the tests; collector.dll and alerter.dll in their own bin folders.</summary>
public static class Paths
{
    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static string Repository => Metadata("RepositoryRoot");

    public static string Dashboard => Path.Combine(AppContext.BaseDirectory, "dashboard.dll");

    public static string Collector => Path.Combine(Repository, "Collector", "bin", Metadata("BuildConfiguration"), "net10.0", "collector.dll");

    public static string Alerter => Path.Combine(Repository, "Alerter", "bin", Metadata("BuildConfiguration"), "net10.0", "alerter.dll");

    /// <summary>Test artifacts (screenshots): under the test results directory, kept after the run.</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard-web");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
