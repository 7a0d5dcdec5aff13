namespace Storage.Schema;

/// <summary>Measurement and tag names of the storage schema (DESIGN.md, "Storage schema"; docs/schema.md).</summary>
public static class Measurements
{
    public const string Frontend = "haproxy_frontend";
    public const string Backend = "haproxy_backend";
    public const string Server = "haproxy_server";
    public const string Process = "haproxy_process";
    public const string System = "system";
    public const string Collector = "monitoring_collector";

    public const string HostTag = "host";
    public const string ProxyTag = "proxy";
    public const string ServerTag = "server";
}
