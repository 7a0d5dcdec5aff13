namespace Dashboard.Web.Live;

/// <summary>
/// Stable numbers for the proxy rows of the event stream, so a poll of 10,000 servers names each by a small integer
/// instead of its four strings: the page parses fewer bytes and finds its row without building a key. A number is
/// never reused in this process; a row that leaves the catalogue and comes back gets a new one. Not thread-safe: the
/// feed uses it under its lock.
/// </summary>
public sealed class LiveRowIds
{
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private long _next;

    /// <summary>The number of the row with this <see cref="RowKey"/>, assigned on first sight (<paramref name="isNew"/>).</summary>
    public long Of(string key, out bool isNew)
    {
        isNew = !_ids.TryGetValue(key, out var id);
        if (isNew)
        {
            id = ++_next;
            _ids[key] = id;
        }
        return id;
    }

    /// <summary>Forgets a row that left the catalogue; false when it never had a number (a node's process or system row).</summary>
    public bool TryForget(string key, out long id) => _ids.Remove(key, out id);
}
