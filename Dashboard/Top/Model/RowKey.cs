namespace Dashboard.Top.Model;

/// <summary>
/// Identifies a row across refreshes: endpoint, proxy and service names. Selection is kept by key, never by
/// row index, so it stays on the same server when rows are added, removed or re-sorted.
/// </summary>
public readonly record struct RowKey(string Endpoint, string Proxy, string Service)
{
    public override string ToString() => $"{Endpoint} {Proxy}/{Service}";
}
