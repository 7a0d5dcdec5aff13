namespace Alerter.Policy;

/// <summary>
/// Pure: whether a run of samples shows an outage. A server counts as DOWN when its <c>up</c> field is 0, a backend
/// as empty when its <c>active_servers</c> is 0; confirmed when that holds for the newest
/// <see cref="Consecutive"/> samples. One sample could be the poll that caught a server between a failed check and
/// its recovery; two in a row are an outage that lasted at least one poll interval.
/// </summary>
public static class OutageSamples
{
    public const int Consecutive = 2;

    /// <param name="values">The samples' values in time order; null where a bucket holds no sample (skipped).</param>
    public static bool ShowOutage(IEnumerable<double?> values)
    {
        var newest = values.OfType<double>().TakeLast(Consecutive).ToList();
        return newest.Count == Consecutive && newest.All(v => v <= 0);
    }
}
