namespace Grafana.Tests.Lint;

/// <summary>The schema as docs/schema.md states it, read the way the lint reads it.</summary>
public sealed class SchemaNamesTests
{
    [Theory]
    [InlineData("haproxy_frontend")]
    [InlineData("haproxy_backend")]
    [InlineData("haproxy_server")]
    [InlineData("haproxy_process")]
    [InlineData("haproxy_event")]
    [InlineData("system")]
    public void HasMeasurement_DesignMeasurement_True(string measurement) => SchemaNames.HasMeasurement(measurement).ShouldBeTrue();

    [Fact]
    public void HasMeasurement_Unknown_False() => SchemaNames.HasMeasurement("haproxy_listener").ShouldBeFalse();

    [Fact]
    public void HasTag_EventTags_AreHostProxyServerKindSeverity()
    {
        foreach (var tag in new[] { "host", "proxy", "server", "kind", "severity" })
        {
            SchemaNames.HasTag("haproxy_event", tag).ShouldBeTrue(tag);
        }
        SchemaNames.HasTag("haproxy_event", "message").ShouldBeFalse("message is a field");
        SchemaNames.HasTag("haproxy_frontend", "server").ShouldBeFalse();
        SchemaNames.HasTag("system", "host").ShouldBeTrue();
    }

    [Fact]
    public void HasField_FollowsTheRowsColumnOfTheProxyRowTable()
    {
        SchemaNames.HasField("haproxy_frontend", "connection_rate").ShouldBeTrue();
        SchemaNames.HasField("haproxy_server", "connection_rate").ShouldBeFalse("conn_tot is a frontend counter");
        SchemaNames.HasField("haproxy_server", "check_status").ShouldBeTrue();
        SchemaNames.HasField("haproxy_frontend", "queue_current").ShouldBeFalse();
        SchemaNames.HasField("haproxy_backend", "active_servers").ShouldBeTrue();
    }

    [Fact]
    public void HasField_ProcessSystemAndEventFields()
    {
        SchemaNames.HasField("haproxy_process", "idle_pct").ShouldBeTrue();
        SchemaNames.HasField("system", "load15").ShouldBeTrue();
        SchemaNames.HasField("system", "mem_used_pct").ShouldBeTrue();
        foreach (var field in new[] { "message", "active_left", "backup_left", "reason" })
        {
            SchemaNames.HasField("haproxy_event", field).ShouldBeTrue(field);
        }
        SchemaNames.HasField("haproxy_event", "kind").ShouldBeFalse("kind is a tag");
        SchemaNames.HasField("monitoring_collector", "poll_failures_total").ShouldBeTrue();
    }
}
