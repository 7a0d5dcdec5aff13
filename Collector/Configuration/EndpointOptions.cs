namespace Collector.Configuration;

/// <summary>One configured stats endpoint (an element of <c>Collector:Endpoints</c>).</summary>
public sealed class EndpointOptions
{
    /// <summary>
    /// A unix socket path (<c>/run/haproxy/admin.sock</c>), a glob in the file name
    /// (<c>/run/haproxy/*.sock</c>, expanded every cycle so new sockets are picked up) or <c>host:port</c>.
    /// </summary>
    public string Address { get; set; } = "";

    /// <summary>
    /// The <c>host</c> tag. Default: machine name plus socket file name (<c>lb1/admin.sock</c>) or address
    /// (<c>lb1/127.0.0.1:9999</c>). For a glob it is a prefix: <c>{Host}/{socket file name}</c>.
    /// </summary>
    public string? Host { get; set; }
}
