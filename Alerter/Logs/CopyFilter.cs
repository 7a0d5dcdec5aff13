using System.Globalization;
using System.IO.Hashing;
using System.Text;
using HAProxy.Logs;

namespace Alerter.Logs;

/// <summary>
/// Recognises copies of one log message within one source, so they become one event. Debian's stock HAProxy config
/// has two log targets (<c>log /dev/log local0</c> and <c>log /dev/log local1 notice</c>) and rsyslog's
/// <c>49-haproxy.conf</c> writes both facilities to one file, so every notice-or-worse line arrives twice; two rsyslog
/// rules writing one file do the same. The copies carry the same host name, pid and text, but their timestamps are
/// rsyslog's reception stamps (microseconds apart) or cut to seconds (RFC 3164; a pair can straddle a second), so
/// the idempotency key cannot tell them apart. A copy is an event of the same proxy/server as the previous event of
/// that proxy/server, with the same syslog host name, pid and message text, at most <see cref="Window"/> later (or
/// earlier). Anything of that server in between (an UP between two DOWNs, however fast) makes the next line a new
/// event; a backend-level line (<c>has no server available</c>) also stops matching once one of the backend's
/// servers logged something new. A copy gets the key of the first copy, so the store ignores it and occurrence
/// ordinals (<see cref="OrdinalTracker"/>) count messages, not lines. Lines without timestamp match only lines
/// without timestamp. The state is saved with the checkpoint (<see cref="Serialize"/>), so a copy split by a batch
/// or a restart is still recognised.
/// </summary>
public sealed class CopyFilter
{
    /// <summary>
    /// How far apart two copies' timestamps may be: 2 s. RFC 3164 stamps are cut to seconds, so the copies of a message
    /// sent at 12:00:00.9999 can read :00 and :01 (1 s apart); the other second is margin for a syslog daemon that
    /// stamps at reception on a loaded machine. HAProxy never logs the same state line twice for one server without a
    /// line of that server in between, so a longer window would cost nothing but memory, and a shorter one would miss
    /// copies across a second boundary.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private const string StatePrefix = "c";

    private readonly Dictionary<string, Entry> _last = new(StringComparer.Ordinal);
    private long _newestMs = long.MinValue;

    /// <summary>Reads the copy lines of a saved state (other lines belong to <see cref="OrdinalTracker"/> and are skipped).</summary>
    public static CopyFilter Parse(string? state)
    {
        var filter = new CopyFilter();
        if (string.IsNullOrEmpty(state))
        {
            return filter;
        }
        foreach (var line in state.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // c <time|-> <pid|-> <hash> <object length> <object><key>
            var parts = line.Split('\t', 6);
            if (parts.Length == 6 && parts[0] == StatePrefix
                && TryParseOptional(parts[1], out var time)
                && TryParseOptional(parts[2], out var pid)
                && ulong.TryParse(parts[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hash)
                && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var objectLength)
                && objectLength <= parts[5].Length)
            {
                var target = parts[5][..objectLength];
                filter._last[target] = new Entry(time, (int?)pid, hash, parts[5][objectLength..]);
                if (time is { } t)
                {
                    filter._newestMs = Math.Max(filter._newestMs, t);
                }
            }
        }
        return filter;
    }

    /// <summary>The key given to the earlier copy of <paramref name="logEvent"/>, or null when it is a new message.</summary>
    public string? CopyOf(LogEvent logEvent)
    {
        if (!_last.TryGetValue(Target(logEvent), out var entry))
        {
            return null;
        }
        var timeMs = logEvent.Timestamp?.ToUnixTimeMilliseconds();
        var near = timeMs is { } t
            ? entry.TimeMs is { } before && Math.Abs(t - before) <= (long)Window.TotalMilliseconds
            : entry.TimeMs is null;
        return near && entry.Pid == logEvent.Pid && entry.Hash == Hash(logEvent) ? entry.Key : null;
    }

    /// <summary>Records a new message (not a copy) and the key it was stored under.</summary>
    public void Remember(LogEvent logEvent, string key)
    {
        var timeMs = logEvent.Timestamp?.ToUnixTimeMilliseconds();
        if (timeMs > _newestMs)
        {
            _newestMs = timeMs.Value;
            Prune();
        }
        _last[Target(logEvent)] = new Entry(timeMs, logEvent.Pid, Hash(logEvent), key);
        if (logEvent.Server is not null)
        {
            // Something new about one of its servers: a later "has no server available" is a new message.
            _last.Remove(Target(logEvent.Proxy, null));
        }
    }

    public string Serialize()
    {
        var builder = new StringBuilder();
        foreach (var (target, entry) in _last)
        {
            builder.Append(StatePrefix).Append('\t')
                .Append(Optional(entry.TimeMs)).Append('\t')
                .Append(Optional(entry.Pid)).Append('\t')
                .Append(entry.Hash.ToString("x", CultureInfo.InvariantCulture)).Append('\t')
                .Append(target.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(target.Replace('\n', ' ')).Append(entry.Key.Replace('\n', ' ')).Append('\n');
        }
        return builder.ToString();
    }

    private void Prune()
    {
        var limit = _newestMs - (long)Window.TotalMilliseconds;
        foreach (var (target, entry) in _last)
        {
            if (entry.TimeMs is { } time && time < limit)
            {
                _last.Remove(target);
            }
        }
    }

    private static string Target(LogEvent logEvent) => Target(logEvent.Proxy, logEvent.Server);

    // '\t' cannot end a target: the serialised form finds the key after it by length.
    private static string Target(string proxy, string? server) => server is null ? proxy + "\t" : proxy + "\t" + server;

    /// <summary>Host name and text: what the copies share beyond pid and time (hashed: the state stays small).</summary>
    private static ulong Hash(LogEvent logEvent)
        => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes((logEvent.Hostname ?? "") + "\n" + logEvent.Message));

    private static string Optional(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static bool TryParseOptional(string text, out long? value)
    {
        value = null;
        if (text == "-")
        {
            return true;
        }
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    private sealed record Entry(long? TimeMs, int? Pid, ulong Hash, string Key);
}
