using System.Globalization;
using System.Text;

namespace Alerter.Logs;

/// <summary>
/// Counts occurrences of identical base keys (same host, server, kind and second) so the second "srv1 is DOWN"
/// in one second gets <c>#2</c>. The state is saved in the checkpoint in the same transaction as the events, so
/// a re-read after a crash resumes the same numbering. Entries older than <see cref="Window"/> behind the newest
/// event are dropped (they cannot recur: the key contains the timestamp).
/// </summary>
public sealed class OrdinalTracker
{
    /// <summary>How far back identical keys are remembered: 5 s of log time.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, (long TimeMs, int Count)> _counts = new(StringComparer.Ordinal);
    private long _newestMs = long.MinValue;

    public static OrdinalTracker Parse(string? state)
    {
        var tracker = new OrdinalTracker();
        if (string.IsNullOrEmpty(state))
        {
            return tracker;
        }
        foreach (var line in state.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t', 3);
            if (parts.Length == 3
                && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var time)
                && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                tracker._counts[parts[2]] = (time, count);
                tracker._newestMs = Math.Max(tracker._newestMs, time);
            }
        }
        return tracker;
    }

    /// <summary>Returns the ordinal (1, 2, ...) of this occurrence of <paramref name="baseKey"/>.</summary>
    public int Next(string baseKey, DateTimeOffset? time)
    {
        var timeMs = time?.ToUnixTimeMilliseconds() ?? _newestMs;
        if (timeMs > _newestMs)
        {
            _newestMs = timeMs;
            Prune();
        }
        var count = _counts.TryGetValue(baseKey, out var entry) ? entry.Count + 1 : 1;
        _counts[baseKey] = (timeMs, count);
        return count;
    }

    public string Serialize()
    {
        var builder = new StringBuilder();
        foreach (var (key, (time, count)) in _counts)
        {
            builder.Append(time.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(key.Replace('\n', ' ')).Append('\n');
        }
        return builder.ToString();
    }

    private void Prune()
    {
        var limit = _newestMs - (long)Window.TotalMilliseconds;
        foreach (var (key, (time, _)) in _counts)
        {
            if (time < limit)
            {
                _counts.Remove(key);
            }
        }
    }
}
