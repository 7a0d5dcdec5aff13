namespace HAProxy.Fields;

/// <summary>Which row types carry a field (a cell is empty on the others).</summary>
[Flags]
public enum FieldScope
{
    None = 0,
    Frontend = 1,
    Backend = 2,
    Server = 4,
    Listener = 8,
    ProxyRows = Frontend | Backend,
    BackendAndServer = Backend | Server,
    AllButListener = Frontend | Backend | Server,
    All = Frontend | Backend | Server | Listener,
}
