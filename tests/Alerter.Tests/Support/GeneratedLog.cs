using System.Text;

namespace Alerter.Tests.Support;

/// <summary>
/// A large HAProxy log of option-httplog request lines with server transitions sprinkled in (the shapes of
/// <see cref="CapturedLines"/>), and the oracle: every transition line written, in order. Some servers flap back and
/// forth within one second (DOWN, UP, DOWN), so the repeated line's key needs an occurrence ordinal. (The same line
/// twice in a row is one message logged twice, not a second transition: <see cref="Alerter.Logs.CopyFilter"/>.)
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
                    // Back and forth again in the same second (text, back, text: the last line is written below): the
                    // first line's base key again, ordinal #2.
                    var back = _down[server] ? CapturedLines.Up(_time, "app", name) : CapturedLines.Down(_time, "app", name);
                    foreach (var earlier in new[] { text, back })
                    {
                        writer.Write(earlier);
                        writer.Write('\n');
                        written += earlier.Length + 1;
                    }
                    _transitions.Add(back);
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
