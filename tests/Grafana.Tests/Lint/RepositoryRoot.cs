namespace Grafana.Tests.Lint;

/// <summary>The checkout the tests run from: the nearest folder above the test's base directory holding Monitoring.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Monitoring.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Monitoring.sln above {AppContext.BaseDirectory}: the tests must run inside the checkout.");
    }
}
