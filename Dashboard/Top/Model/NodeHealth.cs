namespace Dashboard.Top.Model;

/// <summary>Where the conversation with one endpoint stands.</summary>
public enum NodeHealth
{
    /// <summary>No answer yet.</summary>
    Connecting,
    /// <summary>The last poll succeeded.</summary>
    Live,
    /// <summary>The last poll failed; the session reconnects on the next one. No numbers are shown meanwhile.</summary>
    Reconnecting,
}
