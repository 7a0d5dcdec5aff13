using HAProxy.Fields;

namespace Collector.Tests.Docs;

public class SchemaDocTests
{
    private static string SchemaDoc()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitoring.sln")))
        {
            directory = directory.Parent;
        }
        return File.ReadAllText(Path.Combine(directory.ShouldNotBeNull().FullName, "docs", "schema.md"));
    }

    public static TheoryData<string> StorageNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in FieldCatalogue.All.SelectMany(f => new[] { f.StoredAs, f.RateAs }).OfType<string>().Distinct())
        {
            names.Add(name);
        }
        foreach (var name in new[] { "sessions_pct", "up", "uptime_s", "current_connections", "max_connections", "idle_pct", "run_queue", "tasks", "pid", "version", "stopping", "load1", "load5", "load15", "cpu_pct", "mem_used_pct", "haproxy_frontend", "haproxy_backend", "haproxy_server", "haproxy_process", "system", "monitoring_collector" })
        {
            names.Add(name);
        }
        return names;
    }

    [Theory]
    [MemberData(nameof(StorageNames))]
    public void SchemaDoc_EveryStorageName_IsDocumented(string name)
    {
        SchemaDoc().ShouldContain($"`{name}`");
    }
}
