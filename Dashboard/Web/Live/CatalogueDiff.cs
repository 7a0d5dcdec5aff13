using Dashboard.Web.Api;

namespace Dashboard.Web.Live;

/// <summary>Pure: the rows of a new poll that a page must redraw (new, newer sample, or freshness changed), and the rows gone.</summary>
public static class CatalogueDiff
{
    public static (List<OverviewRow> Changed, List<string> Removed) Between(
        IReadOnlyDictionary<string, OverviewRow> previous, IReadOnlyDictionary<string, OverviewRow> current)
    {
        var changed = new List<OverviewRow>();
        foreach (var (key, row) in current)
        {
            if (!previous.TryGetValue(key, out var old) || old.TimeUnixMs != row.TimeUnixMs || old.Stale != row.Stale)
            {
                changed.Add(row);
            }
        }
        var removed = previous.Keys.Where(key => !current.ContainsKey(key)).ToList();
        return (changed, removed);
    }
}
