using Dashboard.Top.Model;
using Dashboard.Top.Polling;
using Dashboard.Top.Update;
using HAProxy.Info;
using HAProxy.Stats;

namespace Dashboard.Tests;

/// <summary>Models built from the real captures in Fixtures/ (see Fixtures/README.md).</summary>
internal static class TopTestData
{
    public const string Endpoint = "/tmp/h/admin.sock";
    public static readonly DateTimeOffset At = new(2026, 11, 21, 21, 40, 0, TimeSpan.Zero);

    public static string StatText { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "show-stat.csv"));

    public static string InfoText { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "show-info.txt"));

    public static ProcessInfo Info => ProcessInfo.Parse(InfoText);

    /// <summary>A snapshot of the fixture whose rates are given (sessions/s = 1.5, in/s = 2048, out/s = 4096, req/s = 3).</summary>
    public static NodeSnapshot Snapshot(string endpoint = Endpoint, string? level = "admin", string? statText = null, ProcessInfo? info = null, DateTimeOffset? at = null)
    {
        var table = StatCsvParser.Parse(statText ?? StatText);
        var when = at ?? At;
        var bucket = when.ToUnixTimeSeconds() / TrafficHistory.BucketSeconds;
        var rows = new RowDerived[table.Count];
        for (var i = 0; i < table.Count; i++)
        {
            var history = new TrafficHistory();
            for (var b = 0; b < TrafficHistory.Shown; b++)
            {
                history.Add(bucket - TrafficHistory.Shown + 1 + b, b * 100);
            }
            rows[i] = new RowDerived(table[i].ProxyName, table[i].ServiceName, 1.5f, 2048, 4096, 3, history);
        }
        return new NodeSnapshot(endpoint, when, info ?? Info, table, rows, level, TimeSpan.FromMilliseconds(3), bucket);
    }

    /// <summary>A 200 x 40 model with the fixture loaded.</summary>
    public static TopModel Model(TopMode mode = TopMode.Status, bool readOnly = false, string? level = "admin", int width = 200, int height = 40)
    {
        var model = TopModel.Create([Endpoint], mode, readOnly) with { Width = width, Height = height };
        return TopUpdate.Apply(model, new SnapshotArrived(Snapshot(level: level))).Model;
    }

    public static TopModel Apply(this TopModel model, params TopMessage[] messages)
    {
        foreach (var message in messages)
        {
            model = TopUpdate.Apply(model, message).Model;
        }
        return model;
    }

    public static ConsoleKeyInfo Key(char c) => new(c, ConsoleKey.NoName, shift: char.IsUpper(c), alt: false, control: false);

    public static ConsoleKeyInfo Key(ConsoleKey key, bool shift = false, bool control = false) => new('\0', key, shift, false, control);

    public static TopModel Press(this TopModel model, params ConsoleKeyInfo[] keys) =>
        model.Apply(keys.Select(k => (TopMessage)new KeyPressed(k)).ToArray());

    /// <summary>A synthetic <c>show stat</c> with <paramref name="servers"/> servers in one backend (header from the fixture).</summary>
    public static string ManyServers(int servers)
    {
        var lines = StatText.Split('\n');
        var header = lines[0];
        var serverLine = lines.First(l => l.StartsWith("be,srv1,", StringComparison.Ordinal));
        var builder = new System.Text.StringBuilder(header).Append('\n');
        for (var i = 0; i < servers; i++)
        {
            builder.Append("be,s").Append(i.ToString("00000")).Append(serverLine["be,srv1".Length..]).Append('\n');
        }
        return builder.Append('\n').ToString();
    }

    public static RateTracker Tracker() => new();
}
