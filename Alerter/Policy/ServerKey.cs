namespace Alerter.Policy;

/// <summary>Identifies one server across events: host, proxy and server name.</summary>
public readonly record struct ServerKey(string Host, string Proxy, string Server)
{
    public override string ToString() => $"{Host}:{Proxy}/{Server}";
}
