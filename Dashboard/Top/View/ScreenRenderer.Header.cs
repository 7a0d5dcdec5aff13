using System.Globalization;
using Dashboard.Top.Model;
using Dashboard.Top.Columns;

namespace Dashboard.Top.View;

public static partial class ScreenRenderer
{
    private static void RenderHeader(TopModel model, int width, List<ScreenLine> lines)
    {
        if (model.Nodes.Count == 0)
        {
            lines.Add(new LineBuilder(width).Add("No endpoint", Tone.Error).Build());
            return;
        }
        var shown = Math.Min(model.Nodes.Count, Layout.MaxNodeLines);
        for (var i = 0; i < shown; i++)
        {
            lines.Add(NodeLine(model, i, width));
        }
        if (model.Nodes.Count > shown)
        {
            var live = model.Nodes.Count(n => n.Health == NodeHealth.Live);
            lines.Add(new LineBuilder(width).Add($"... and {model.Nodes.Count - shown} more nodes ({live} of {model.Nodes.Count} live)", Tone.Dim).Build());
        }
    }

    private static ScreenLine NodeLine(TopModel model, int index, int width)
    {
        var node = model.Nodes[index];
        var line = new LineBuilder(width);
        line.Add(NodeLabels.Label(model, index), Tone.Title).Add("  ");
        if (node.Snapshot is not { } snapshot)
        {
            if (node.Health == NodeHealth.Connecting && node.Error is null)
            {
                return line.Add("connecting...", Tone.Warn).Build();
            }
            line.Add(node.Health == NodeHealth.Reconnecting ? "reconnecting..." : "cannot connect", Tone.Warn);
            if (node.LastPid is { } pid)
            {
                line.Add($"  (last Pid {pid}; no numbers until the new process answers)", Tone.Dim);
            }
            return line.Build();
        }
        var info = snapshot.Info;
        var (proxies, servers) = snapshot.Counts;
        Field(line, "HAProxy", info.Version);
        Field(line, "Pid", info.Pid?.ToString(CultureInfo.InvariantCulture));
        if (node.PidChange is { } change && change.NewPid == info.Pid)
        {
            line.Add($"(was {change.OldPid}, new since {change.At:HH:mm:ss})  ", Tone.Warn);
        }
        Field(line, "Uptime", info.UptimeSeconds is { } up ? Format.Uptime(up) : null);
        Field(line, "Tasks", info.Tasks?.ToString(CultureInfo.InvariantCulture));
        Field(line, "Runq", info.RunQueue?.ToString(CultureInfo.InvariantCulture));
        Field(line, "Idle", info.IdlePct is { } idle ? idle.ToString("0", CultureInfo.InvariantCulture) + "%" : null);
        Field(line, "Conns", $"{info.CurrentConnections?.ToString(CultureInfo.InvariantCulture) ?? "?"}/{info.MaxConnections?.ToString(CultureInfo.InvariantCulture) ?? "?"}");
        Field(line, "Proxies", proxies.ToString(CultureInfo.InvariantCulture));
        Field(line, "Servers", servers.ToString(CultureInfo.InvariantCulture));
        if (snapshot.CliLevel is { } level && level != "admin")
        {
            line.Add($"[level {level}]", Tone.Warn);
        }
        if (info.Stopping)
        {
            line.Add(" [stopping]", Tone.Warn);
        }
        return line.Build();
    }

    private static void Field(LineBuilder line, string name, string? value)
    {
        line.Add(name + " ", Tone.Dim).Add(value ?? "?").Add("  ");
    }

    private static ScreenLine ModeBar(TopModel model, int width)
    {
        var line = new LineBuilder(width);
        foreach (var mode in Enum.GetValues<TopMode>())
        {
            var label = $" {(int)mode} {mode.ToString().ToUpperInvariant()} ";
            line.Add(label, mode == model.Mode ? Tone.Active : Tone.Dim, reverse: mode == model.Mode).Add(" ");
        }
        if (model.FilterDraft is { } draft)
        {
            line.Add(" filter: /", Tone.Active).Add(draft + "_", Tone.Active);
        }
        else if (model.Filter.Length > 0)
        {
            line.Add($" filter: /{model.Filter}", Tone.Warn);
        }
        if (model.ProxyPattern is { } pattern)
        {
            line.Add($"  proxies: {pattern}", Tone.Dim);
        }
        if (model.ReadOnly)
        {
            line.Add("  READ-ONLY", Tone.Warn);
        }
        if (model.Mode != TopMode.Cli)
        {
            var body = Layout.BodyHeight(model);
            var first = model.Rows.Count == 0 ? 0 : model.Top + 1;
            var last = Math.Min(model.Rows.Count, model.Top + body);
            var position = $"  rows {first}-{last} of {model.Rows.Count}";
            line.Add(position, Tone.Dim);
        }
        return line.Build();
    }

    private static ScreenLine StatusLine(TopModel model, int width)
    {
        var line = new LineBuilder(width);
        var polled = model.Nodes.Where(n => n.Snapshot is not null).Select(n => n.Snapshot!).ToArray();
        if (polled.Length > 0)
        {
            var last = polled.MaxBy(s => s.PolledAt)!;
            var slowest = polled.Max(s => s.PollDuration);
            line.Add($"Last poll {last.PolledAt:HH:mm:ss} ({slowest.TotalMilliseconds:0} ms)", Tone.Dim);
        }
        else
        {
            line.Add("No data yet", Tone.Dim);
        }
        foreach (var node in model.Nodes)
        {
            if (node.Error is { } error)
            {
                line.Add("  ").Add($"{node.Endpoint}: {error}", Tone.Error);
                break;
            }
        }
        if (model.Notice is { } notice)
        {
            line.Add("  " + notice, Tone.Normal);
        }
        const string keys = "  ? help  q quit";
        if (line.Remaining > keys.Length)
        {
            line.Add(new string(' ', line.Remaining - keys.Length)).Add(keys, Tone.Dim);
        }
        return line.Build();
    }
}
