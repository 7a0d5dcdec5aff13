namespace HAProxy.Stats;

/// <summary>The <c>type</c> column of <c>show stat</c>.</summary>
public enum StatRowType
{
    Frontend = 0,
    Backend = 1,
    Server = 2,
    Listener = 3,
    Unknown = -1,
}
