namespace Alerter.Policy;

/// <summary>Identifies one backend across events: host and proxy name.</summary>
public readonly record struct BackendKey(string Host, string Proxy)
{
    public override string ToString() => $"{Host}:{Proxy}";
}
