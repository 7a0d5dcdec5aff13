using System.Text;

namespace Alerter.Tests.Support;

/// <summary>
/// A large HAProxy log of option-httplog request lines with server transitions sprinkled in (the shapes of
/// <see cref="CapturedLines"/>), and the oracle: every transition line written, in order. Some transitions repeat
/// within one second (a flapping server), so their keys need occurrence ordinals.
/// </summary>
public sealed class GeneratedLog
{
    private readonly List<string> _transitions = [];
    private readonly Random _random;
    private DateTime _time;
    private readonly bool[] _down = new bool[8];

    public GeneratedLog(DateTime start, int seed)
    {
        _time = start;
        _random = new Random(seed);
    }

    /// <summary>Every transition line written so far (the expected <c>haproxy_event.line</c> values).</summary>
    public IReadOnlyList<string> Transitions => _transitions;

    /// <summary>Appends about <paramref name="bytes"/> bytes to <paramref name="path"/>; 1 line in ~200 is a transition.</summary>
    public void Append(string path, long bytes)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        long written = 0;
        var line = 0;
        while (written < bytes)
        {
            if (++line % 150 == 0)
            {
                _time = _time.AddSeconds(1);
            }
            string text;
            if (_random.Next(200) == 0)
            {
                var server = _random.Next(_down.Length);
                _down[server] = !_down[server];
                var name = $"web{server}";
                text = _down[server] ? CapturedLines.Down(_time, "app", name) : CapturedLines.Up(_time, "app", name);
                _transitions.Add(text);
                if (_random.Next(4) == 0)
                {
                    // The same line again in the same second: identical base key, ordinal #2.
                    writer.Write(text);
                    writer.Write('\n');
                    written += text.Length + 1;
                    _transitions.Add(text);
                }
            }
            else
            {
                text = CapturedLines.Request(_time, 40000 + (line % 20000));
            }
            writer.Write(text);
            writer.Write('\n');
            written += text.Length + 1;
        }
    }
}
