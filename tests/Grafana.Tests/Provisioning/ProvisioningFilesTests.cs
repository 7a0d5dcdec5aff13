using Grafana.Tests.Lint;

namespace Grafana.Tests.Provisioning;

/// <summary>The provisioning files name no server or secret of their own: every setting an operator has is a placeholder.</summary>
public sealed class ProvisioningFilesTests
{
    private static string Read(params string[] path) => File.ReadAllText(RepositoryRoot.Combine(["grafana", "provisioning", .. path]));

    [Fact]
    public void Datasource_InfluxQlWithEnvironmentPlaceholders()
    {
        var yaml = Read("datasources", "influxdb.yaml");
        yaml.ShouldContain("type: influxdb");
        yaml.ShouldContain("version: InfluxQL");
        yaml.ShouldContain("url: ${HAPROXY_INFLUX_URL}");
        yaml.ShouldContain("dbName: ${HAPROXY_INFLUX_DATABASE}");
        yaml.ShouldContain("user: ${HAPROXY_INFLUX_USER}");
        yaml.ShouldContain("password: ${HAPROXY_INFLUX_PASSWORD}");
        yaml.Split('\n').Where(l => l.TrimStart().StartsWith("password:", StringComparison.Ordinal)).ShouldHaveSingleItem();
    }

    [Fact]
    public void DashboardProvider_LoadsFilesIntoTheHAProxyFolder()
    {
        var yaml = Read("dashboards", "provider.yaml");
        yaml.ShouldContain("type: file");
        yaml.ShouldContain("folder: HAProxy");
        yaml.ShouldContain("path: /var/lib/grafana/dashboards/haproxy");
    }
}
