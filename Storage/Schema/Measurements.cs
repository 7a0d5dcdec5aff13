namespace Storage.Schema;

/// <summary>Measurement and tag names of the storage schema (docs/schema.md); <see cref="StorageSchema"/> describes each.</summary>
public static class Measurements
{
    public const string Frontend = "haproxy_frontend";
    public const string Backend = "haproxy_backend";
    public const string Server = "haproxy_server";
    public const string Process = "haproxy_process";
    public const string System = "system";
    public const string Collector = "monitoring_collector";
    public const string Event = "haproxy_event";

    public const string HostTag = "host";
    public const string ProxyTag = "proxy";
    public const string ServerTag = "server";
    /// <summary><c>monitoring_collector</c>: the endpoint a poll row is about.</summary>
    public const string EndpointTag = "endpoint";
    /// <summary><c>monitoring_collector</c>: the sink a row is about.</summary>
    public const string SinkTag = "sink";
    /// <summary><c>haproxy_event</c>: the stored kind name (<see cref="EventKinds"/>).</summary>
    public const string KindTag = "kind";
    /// <summary><c>haproxy_event</c>: critical, warning, recovery, info.</summary>
    public const string SeverityTag = "severity";
}
